/** The logs chart's data: one group per x unit, logs without the metric or without times listed, thinning that keeps extremes and gaps. */
import { describe, expect, it } from 'vitest';
import { chartData, logSpan, thin, type ChartPoint } from '../../src/lib/trainingLogs/chartData';
import { readTrainingLog } from '../../src/lib/trainingLogs/readLog';
import { writeCaffeLog, writeKerasCsv } from '../fixtures/logs/caffeLogWriter';

const caffe = readTrainingLog(writeCaffeLog(), 'a.log');
const caffe2 = readTrainingLog(writeCaffeLog({ iterations: 3000, seed: 2 }), 'b.log');
const keras = readTrainingLog(writeKerasCsv(10), 'h.csv');

describe('chart data', () => {
  it('Caffe iterations and Keras epochs are drawn on separate axes, each log keeping its index', () => {
    const d = chartData([caffe, keras, caffe2], 'testAccuracy', 'iterations');
    expect(d.groups.map((g) => [g.xUnit, g.lines.map((l) => l.log)])).toEqual([
      ['iteration', [0, 2]],
      ['epoch', [1]],
    ]);
    expect(d.groups[0]?.xMax).toBe(3000);
    expect(d.groups[0]?.yDomain).toEqual([0, 1]);
    expect(d.groups[1]?.xMax).toBe(10);
  });

  it('on the seconds axis, logs without timestamps are listed, not drawn', () => {
    const d = chartData([caffe, keras], 'trainLoss', 'seconds');
    expect(d.groups.map((g) => g.xUnit)).toEqual(['seconds']);
    expect(d.noSeconds).toEqual(['h.csv']);
    expect(d.groups[0]?.xMax).toBeCloseTo(40, 5);
  });

  it('a log without the metric is listed as missing', () => {
    const noLr = readTrainingLog('epoch,loss\n0,1.5\n1,1.2\n', 'nolr.csv');
    const d = chartData([caffe, noLr], 'learningRate', 'iterations');
    expect(d.missing).toEqual(['nolr.csv']);
    expect(d.groups[0]?.lines.map((l) => l.file)).toEqual(['a.log']);
  });

  it('a NaN value stays a gap, and does not stretch the y axis', () => {
    const diverged = readTrainingLog(writeCaffeLog({ divergeAt: 1000 }), 'nan.log');
    const d = chartData([diverged], 'trainLoss', 'iterations');
    const ys = d.groups[0]!.lines[0]!.points.map((p) => p.y);
    expect(ys.some(Number.isNaN)).toBe(true);
    expect(Number.isFinite(d.groups[0]!.yDomain[1])).toBe(true);
  });

  it('thinning keeps the ends, each bucket’s lowest and highest value and a gap', () => {
    const points: ChartPoint[] = Array.from({ length: 100_000 }, (_, i) => ({ x: i, y: Math.sin(i / 1000) }));
    points[50_000] = { x: 50_000, y: 99 };
    points[70_000] = { x: 70_000, y: Number.NaN };
    const out = thin(points, 1000);
    expect(out.length).toBeLessThanOrEqual(1000);
    expect(out[0]).toBe(points[0]);
    expect(out.at(-1)).toBe(points.at(-1));
    expect(out).toContain(points[50_000]);
    expect(out.some((p) => Number.isNaN(p.y))).toBe(true);
    expect(out.every((p, i) => i === 0 || p.x > out[i - 1]!.x)).toBe(true);
  });

  it('a log’s span is its last iteration and second', () => {
    expect(logSpan(caffe)).toEqual({ x: 2000, seconds: 40 });
    expect(logSpan(keras)).toEqual({ x: 10, seconds: null });
  });
});
