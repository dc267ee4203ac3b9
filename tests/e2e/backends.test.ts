/** Each tfjs backend starts in real Chromium and gives the same prediction for the same image. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { launchChromium, SWIFTSHADER_FLAGS } from '../../scripts/lib/chromium';
import { serveStatic, type StaticServer } from '../../scripts/lib/staticServer';
import { makePng, scene } from '../fixtures/images';

let server: StaticServer;
let browser: Browser;
const file = join(mkdtempSync(join(tmpdir(), 'cnn-studio-backends-')), 'scene.png');

beforeAll(async () => {
  writeFileSync(file, makePng(64, 64, scene));
  server = await serveStatic('dist');
  browser = await launchChromium(SWIFTSHADER_FLAGS);
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

async function probabilities(query: string): Promise<{ backend: string; ps: number[] }> {
  const page = await browser.newPage();
  await page.goto(`${server.url}${query}`);
  await page.getByTestId('image-file').setInputFiles(file);
  const rows = page.getByTestId('probabilities').locator('li');
  await rows.first().waitFor({ timeout: 90_000 });
  const ps = await rows.evaluateAll((els) => els.map((e) => Number(e.getAttribute('data-probability'))));
  const backend = (await page.getByTestId('backend').textContent()) ?? '';
  await page.close();
  return { backend, ps };
}

describe('backends', () => {
  it('picks WebAssembly without a GPU, and WebGL (SwiftShader) and CPU agree with it', async () => {
    const auto = await probabilities('');
    expect(auto.backend).toMatch(/wasm/);
    const webgl = await probabilities('?backend=webgl');
    expect(webgl.backend).toMatch(/webgl/);
    const cpu = await probabilities('?backend=cpu');
    expect(cpu.backend).toMatch(/cpu/);
    for (const other of [webgl.ps, cpu.ps]) other.forEach((p, i) => expect(p).toBeCloseTo(auto.ps[i]!, 3));
  });
});
