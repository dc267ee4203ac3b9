/**
 * The bytes of protobuf text-format strings: the named C escapes as byte values, digit
 * tests for octal and hex escapes, and one growing buffer a literal is gathered in before
 * it is read as UTF-8 (or kept as bytes, for a tensor's packed content).
 */
/** The single-character escapes of protobuf's text format, as byte values. */
export const NAMED_ESCAPES: Record<string, number> = {
  n: 10,
  t: 9,
  r: 13,
  a: 7,
  b: 8,
  f: 12,
  v: 11,
  '\\': 92,
  "'": 39,
  '"': 34,
  '?': 63,
};

const ENCODER = new TextEncoder();
const DECODER = new TextDecoder();

/** A growing byte array: a string literal is gathered here, then read as UTF-8 or kept as bytes. */
export class Bytes {
  private buf = new Uint8Array(64);
  length = 0;

  private room(n: number): void {
    if (this.length + n <= this.buf.length) return;
    const next = new Uint8Array(Math.max(this.buf.length * 2, this.length + n));
    next.set(this.buf.subarray(0, this.length));
    this.buf = next;
  }

  byte(b: number): void {
    this.room(1);
    this.buf[this.length++] = b;
  }

  text(run: string): void {
    this.room(run.length * 3);
    this.length += ENCODER.encodeInto(run, this.buf.subarray(this.length)).written;
  }

  /** The bytes gathered since the last reset, as a copy. */
  take(): Uint8Array {
    return this.buf.slice(0, this.length);
  }

  /** The bytes gathered since the last reset, read as UTF-8. */
  utf8(): string {
    return DECODER.decode(this.buf.subarray(0, this.length));
  }

  reset(): void {
    this.length = 0;
  }
}

export const isOctal = (c: number) => c >= 48 && c <= 55;
export const hexValue = (c: number) =>
  c >= 48 && c <= 57 ? c - 48 : c >= 97 && c <= 102 ? c - 87 : c >= 65 && c <= 70 ? c - 55 : -1;
