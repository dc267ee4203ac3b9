/**
 * The built-in dataset as a source that draws each image the first time training asks for
 * it and keeps the bytes: the first batch starts at once instead of after drawing them all,
 * and later epochs cost nothing extra.
 */
import type { ImageSource } from '../imageSet';
import { shapeImageAt } from './dataset';
import { DEFAULT_RENDER, type RenderOptions } from './render';
import { SHAPE_CLASSES } from './classes';

export class LazyShapes implements ImageSource {
  readonly size: number;
  private readonly per: number;
  private readonly pixels: Uint8Array;
  private readonly drawn: Uint8Array;

  constructor(
    private readonly seed: number,
    readonly count: number,
    private readonly render: RenderOptions = DEFAULT_RENDER,
  ) {
    this.size = render.size;
    this.per = this.size * this.size * 3;
    this.pixels = new Uint8Array(count * this.per);
    this.drawn = new Uint8Array(count);
  }

  label(index: number): number {
    return index % SHAPE_CLASSES.length;
  }

  bytes(index: number): Uint8Array {
    const view = this.pixels.subarray(index * this.per, (index + 1) * this.per);
    if (!this.drawn[index]) {
      shapeImageAt(this.seed, index, this.render, view);
      this.drawn[index] = 1;
    }
    return view;
  }

  /** Images drawn elsewhere (see engine/worker/shapesWorker.ts), `indices.length` of them end to end. */
  accept(indices: ArrayLike<number>, pixels: Uint8Array): void {
    for (let k = 0; k < indices.length; k++) {
      const index = indices[k]!;
      if (this.drawn[index] || index < 0 || index >= this.count) continue;
      this.pixels.set(pixels.subarray(k * this.per, (k + 1) * this.per), index * this.per);
      this.drawn[index] = 1;
    }
  }

  write(index: number, out: Float32Array, offset: number): void {
    const px = this.bytes(index);
    for (let j = 0; j < this.per; j++) out[offset + j] = px[j]! / 255;
  }
}
