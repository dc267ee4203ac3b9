import { serveStatic } from './scripts/lib/staticServer';
import { launchChromium } from './scripts/lib/chromium';
const server = await serveStatic('/tmp/dist390');
const browser = await launchChromium();
const page = await browser.newPage({ viewport: { width: 390, height: 844 } });
await page.addInitScript(() => localStorage.setItem('cnn-studio.tour', 'done'));
await page.goto(server.url);
await page.locator('html[data-panels="ready"]').waitFor({ state: 'attached', timeout: 60000 });
const chain = await page.evaluate(() => {
  let e: Element | null = document.querySelector('section.inputs');
  const out: string[] = [];
  while (e) { const cs = getComputedStyle(e); out.push(`${e.tagName}.${[...e.classList].join('.')} w=${Math.round(e.getBoundingClientRect().width)} display=${cs.display} gtc=${cs.gridTemplateColumns} minw=${cs.minWidth}`); e = e.parentElement; }
  return out;
});
console.log(chain.join('\n'));
await browser.close(); await server.close();
