import { chromium } from 'playwright-core';
import { serveStatic } from './lib/staticServer';
const server = await serveStatic('dist');
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium' });
for (const [w, h] of [[1280, 800], [1920, 1080], [390, 844]] as const) {
  const noJs = await browser.newContext({ viewport: { width: w, height: h }, javaScriptEnabled: false });
  const p1 = await noJs.newPage();
  await p1.goto(server.url);
  await p1.screenshot({ path: `/work/shots/snap-${w}.png` });
  await noJs.close();
  const ctx = await browser.newContext({ viewport: { width: w, height: h } });
  const p2 = await ctx.newPage();
  await p2.goto(server.url);
  await p2.waitForTimeout(4000);
  await p2.screenshot({ path: `/work/shots/app-${w}.png` });
  await ctx.close();
}
await browser.close();
await server.close();
