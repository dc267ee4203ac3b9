/** A binary min-heap of indices: the earliest ready item first, in topological sorts. */
export class IndexHeap {
  private items: number[] = [];
  get size(): number {
    return this.items.length;
  }
  push(x: number): void {
    const a = this.items;
    a.push(x);
    for (let k = a.length - 1; k > 0;) {
      const up = (k - 1) >> 1;
      if ((a[up] as number) <= x) break;
      a[k] = a[up] as number;
      a[up] = x;
      k = up;
    }
  }
  pop(): number {
    const a = this.items;
    const top = a[0] as number;
    const last = a.pop() as number;
    if (a.length === 0) return top;
    a[0] = last;
    for (let k = 0; ;) {
      const l = 2 * k + 1;
      const r = l + 1;
      let m = k;
      if (l < a.length && (a[l] as number) < (a[m] as number)) m = l;
      if (r < a.length && (a[r] as number) < (a[m] as number)) m = r;
      if (m === k) break;
      a[k] = a[m] as number;
      a[m] = last;
      k = m;
    }
    return top;
  }
}
