import { describe, expect, it } from 'vitest';
import { edgeKey, layoutGraph, outputPort } from '../../src/lib/editor/layout';
import { tinyVggSpec } from '../../src/lib/zoo/tinyvgg';
import { chain, residual } from './helpers';

const size = () => ({ width: 160, height: 50 });

describe('auto-layout', () => {
  it('places every layer of a chain below its input without overlap', () => {
    const spec = tinyVggSpec();
    const g = layoutGraph(spec, size);
    expect(g.nodes.size).toBe(spec.layers.length);
    for (const l of spec.layers)
      for (const i of l.inputs) {
        const a = g.nodes.get(i);
        const b = g.nodes.get(l.id);
        expect(a && b && b.y >= a.y + a.height).toBe(true);
      }
    const boxes = [...g.nodes.values()];
    for (const a of boxes)
      for (const b of boxes)
        if (a !== b)
          expect(
            a.x + a.width <= b.x || b.x + b.width <= a.x || a.y + a.height <= b.y || b.y + b.height <= a.y,
          ).toBe(true);
    expect(g.height).toBeGreaterThan(spec.layers.length * 50);
  });

  it('routes each connection from the output port onto the top edge of its target, merge inputs side by side', () => {
    const spec = residual();
    const g = layoutGraph(spec, size);
    expect(g.edges.map((e) => e.key).sort()).toEqual(
      [edgeKey('input', 'a', 0), edgeKey('a', 'b', 0), edgeKey('a', 'sum', 0), edgeKey('b', 'sum', 1)].sort(),
    );
    const sum = g.nodes.get('sum');
    const a = g.nodes.get('a');
    if (!sum || !a) throw new Error('missing nodes');
    const skip = g.edges.find((e) => e.key === edgeKey('a', 'sum', 0));
    const main = g.edges.find((e) => e.key === edgeKey('b', 'sum', 1));
    expect(skip?.points[0]).toEqual(outputPort(a));
    const ends = [skip?.points.at(-1), main?.points.at(-1)];
    for (const end of ends) {
      expect(end?.y).toBe(sum.y);
      expect(end && end.x > sum.x && end.x < sum.x + sum.width).toBe(true);
    }
    expect(Math.abs((ends[0]?.x ?? 0) - (ends[1]?.x ?? 0))).toBeGreaterThan(10);
  });

  it('skips connections from layers that do not exist', () => {
    const spec = chain();
    spec.layers[1] = { ...(spec.layers[1] as (typeof spec.layers)[number]), inputs: ['ghost'] };
    const g = layoutGraph(spec, size);
    expect(g.nodes.has('ghost')).toBe(false);
    expect(g.edges.some((e) => e.from === 'ghost')).toBe(false);
  });
});
