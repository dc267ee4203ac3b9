/**
 * The volume views and TimeDistributed in real Chromium, on a net opened from a share link
 * (fresh weights): an image reshaped into a volume of 4 slices, a Conv3D with same padding and
 * stride, 3-D max and average pooling, and TimeDistributed Conv2D and Dense. Each view's value
 * equals the engine's for several neurons, output cells and time steps; the overview draws the
 * volumes and clicking one opens its view; screenshots at 1280×800 and 390×844.
 */
import { describe, expect, it } from 'vitest';
import type { Locator } from 'playwright-core';
import { agrees, openNeuron, screenshotView, valueOf } from './formulaShared';
import { PHONE } from './fitsScreen';
import { checkPhoneViews, useShareNet, WAIT } from './shareNetShared';
import { volumeNet as spec } from './volumeNet';

const net = useShareNet(spec, 'c3d');

/** Picks output slice `depth`, cell (row, col) in a volume view. */
async function pick(d: Locator, depth: number, row: number, col: number): Promise<void> {
  await d.locator(`[data-testid="volume-out-slice"][data-depth="${depth}"]`).click();
  await d.locator(`[data-testid="volume-output-grid"] [data-row="${row}"][data-col="${col}"]`).click();
  await expect
    .poll(() => d.getByTestId('volume-at').textContent())
    .toContain(`slice ${depth}, row ${row}, column ${col}`);
}

const sliceDepths = (d: Locator) =>
  d
    .locator('[data-testid="volume-window-slice"]')
    .evaluateAll((els) =>
      els.map((e) => [Number(e.getAttribute('data-depth')), e.getAttribute('data-padding')]),
    );

describe('volume views', () => {
  it('the overview draws every volume layer, one neuron per channel', { timeout: WAIT }, async () => {
    for (const [id, channels] of [
      ['vol', 3],
      ['c3d', 4],
      ['max3d', 4],
      ['avg3d', 4],
      ['td_conv', 3],
    ] as const)
      expect(
        await net.page.locator(`[data-testid="overview"] [data-layer="${id}"][data-channel]`).count(),
        id,
      ).toBe(channels);
    await screenshotView(net.page, 'overview-volumes');
  });

  it(
    'a volume’s slices are drawn apart, and hovering reads (slice, row, column)',
    { timeout: WAIT },
    async () => {
      // vol is [4, 8, 8, 3]: four 8×8 slices stacked, 32 rows.
      const neuron = net.page
        .locator('[data-testid="overview"] [data-layer="vol"][data-channel="0"]')
        .first();
      await neuron.scrollIntoViewIfNeeded();
      const box = (await neuron.boundingBox())!;
      await net.page.mouse.move(box.x + (2.5 / 8) * box.width, box.y + ((8 + 3.5) / 32) * box.height);
      await expect
        .poll(() => net.page.getByTestId('tooltip-value').textContent())
        .toMatch(/Slice 1, row 3, column 2:/);
      await screenshotView(net.page, 'overview-volume-hover');
      await net.page.mouse.move(box.x + (7.5 / 8) * box.width, box.y + ((24 + 7.5) / 32) * box.height);
      await expect
        .poll(() => net.page.getByTestId('tooltip-value').textContent())
        .toMatch(/Slice 3, row 7, column 7:/);
      await net.page.mouse.move(0, 0);
      // The canvas behind the column has a line of the surface colour where slice 1 meets 2.
      const pixel = await net.page.locator('[data-testid="column-canvas"][data-layer="vol"]').evaluate(
        (el, [x, y]) => {
          const c = el as HTMLCanvasElement;
          const r = c.getBoundingClientRect();
          const scale = c.width / r.width;
          const data = c
            .getContext('2d')!
            .getImageData(Math.round((x! - r.left) * scale), Math.round((y! - r.top) * scale), 1, 1).data;
          return [...data];
        },
        [box.x + box.width / 2, box.y + box.height / 2] as const,
      );
      expect(pixel).toEqual([255, 255, 255, 255]);
    },
  );

  it(
    'Conv3D: the value is the engine’s at several cells, channels and slices',
    { timeout: WAIT },
    async () => {
      for (const channel of [0, 3]) {
        const d = await openNeuron(net.page, `c3d:${channel}`);
        await d.getByTestId('volume-conv-view').waitFor();
        await agrees(d, 'volume-conv-value');
        // Slice 0 of a same-padded 3-deep window: the slice before the volume is padding.
        expect(await sliceDepths(d)).toEqual([
          [-1, 'true'],
          [0, 'false'],
          [1, 'false'],
        ]);
        await pick(d, 2, 3, 1);
        expect((await sliceDepths(d)).map(([depth]) => depth)).toEqual([1, 2, 3]);
        await agrees(d, 'volume-conv-value');
        // One written-out slice sum per kernel slice for the channel in focus; another channel.
        expect(await d.getByTestId('volume-slice-sum').count()).toBe(3);
        await d.locator('[data-testid="volume-channel"][data-channel="2"]').click();
        await expect.poll(() => d.locator('h4', { hasText: 'channel 2' }).count()).toBeGreaterThan(0);
        await pick(d, 3, 0, 3);
        await agrees(d, 'volume-conv-value');
        if (channel === 3) {
          await pick(d, 1, 2, 2);
          await screenshotView(net.page, 'formula-conv3d');
          await d.getByTestId('volume-conv-formula').scrollIntoViewIfNeeded();
          await screenshotView(net.page, 'formula-conv3d-sum');
        }
        await net.page.keyboard.press('Escape');
      }
      expect(net.errors).toEqual([]);
    },
  );

  it(
    '3-D max pooling keeps the largest cell of the box; average pooling its mean',
    { timeout: WAIT },
    async () => {
      const d = await openNeuron(net.page, 'max3d:1');
      await d.getByTestId('volume-pool-view').waitFor();
      for (const [depth, row, col] of [
        [0, 0, 0],
        [3, 1, 1],
        [2, 1, 0],
      ] as const) {
        await pick(d, depth, row, col);
        const value = await agrees(d, 'volume-pool-value');
        const winner = d.getByTestId('volume-pool-winner');
        const [wd, wr, wc] = await Promise.all(
          ['data-depth', 'data-row', 'data-col'].map((a) => winner.getAttribute(a)),
        );
        const cell = d.locator(
          `[data-testid="volume-window-slice"][data-depth="${wd}"] [data-row="${wr}"][data-col="${wc}"]`,
        );
        expect(Number(await cell.getAttribute('data-value'))).toBeCloseTo(value, 5);
      }
      await screenshotView(net.page, 'formula-maxpool3d');
      await net.page.keyboard.press('Escape');
      const a = await openNeuron(net.page, 'avg3d:2');
      await a.getByTestId('volume-pool-view').waitFor();
      await agrees(a, 'volume-pool-value');
      await pick(a, 1, 1, 1);
      await agrees(a, 'volume-pool-value');
      await screenshotView(net.page, 'formula-avgpool3d');
      await net.page.keyboard.press('Escape');
      expect(net.errors).toEqual([]);
    },
  );

  it(
    'TimeDistributed: the wrapped layer’s own view at each picked step, the engine’s values',
    { timeout: WAIT },
    async () => {
      const d = await openNeuron(net.page, 'td_conv:1');
      const td = d.getByTestId('time-distributed-view');
      await td.waitFor();
      expect(await td.getAttribute('data-inner')).toBe('Conv2D');
      await d.getByTestId('td-same-weights').waitFor();
      await d.getByTestId('conv-view').waitFor();
      const seen = new Set<number>();
      for (const step of [0, 2, 3]) {
        await d.locator(`[data-testid="td-step"][data-step="${step}"]`).click();
        await expect.poll(() => td.getAttribute('data-step')).toBe(String(step));
        await agrees(d, 'conv-value');
        seen.add(await valueOf(d, 'conv-pre'));
      }
      // Different frames, different sums: the step really changes the input.
      expect(seen.size).toBeGreaterThan(1);
      await screenshotView(net.page, 'formula-td-conv');
      await net.page.keyboard.press('Escape');
      const e = await openNeuron(net.page, 'td_dense:4');
      await e.getByTestId('dense-view').waitFor();
      for (const step of [0, 1]) {
        await e.locator(`[data-testid="td-step"][data-step="${step}"]`).click();
        await expect
          .poll(() => e.getByTestId('time-distributed-view').getAttribute('data-step'))
          .toBe(String(step));
        await agrees(e, 'dense-value');
        expect(await valueOf(e, 'dense-value')).toBeGreaterThan(-1);
      }
      await screenshotView(net.page, 'formula-td-dense');
      await net.page.keyboard.press('Escape');
      expect(net.errors).toEqual([]);
    },
  );

  it('the Conv3D and TimeDistributed views fit 390 px', { timeout: WAIT }, () =>
    checkPhoneViews(net, spec, 'c3d', [
      ['c3d:1', 'volume-conv-view', (d) => agrees(d, 'volume-conv-value')],
      [
        'td_conv:0',
        'conv-view',
        async (d) => {
          await agrees(d, 'conv-value');
          // The step picker above the wrapped Conv2D's own view (8-wide maps) fits too.
          const steps = (await d.getByTestId('td-step').last().boundingBox())!;
          expect(steps.x + steps.width).toBeLessThanOrEqual(PHONE.width);
        },
      ],
    ]),
  );
});
