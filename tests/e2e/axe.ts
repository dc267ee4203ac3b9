/** axe-core run inside Chromium: the serious and critical violations on the page, or inside one part of it, named by the panel they sit in. */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';

const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

interface Violation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string[] }[];
}

/**
 * Runs axe on the page as it is (or only on the elements `include` selects); returns serious and
 * critical violations, described for a readable failure.
 */
export async function audit(page: Page, include?: string): Promise<string[]> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.addScriptTag({ content: AXE_SOURCE });
  const violations = await page.evaluate(async (include) => {
    const axe = (
      window as unknown as {
        axe: {
          run: (
            ctx: Document | { include: string[][] },
            opts: object,
          ) => Promise<{ violations: Violation[] }>;
        };
      }
    ).axe;
    const result = await axe.run(include ? { include: [[include]] } : document, {
      resultTypes: ['violations'],
    });
    // Name the panel each offending node sits in, so a failure says whose view to fix.
    const owner = (selector: string): string => {
      const panel = document.querySelector(selector)?.closest('[data-view], [data-testid], [id]');
      return panel
        ? (panel.getAttribute('data-view') ?? panel.getAttribute('data-testid') ?? `#${panel.id}`)
        : 'page';
    };
    return result.violations.map((v) => ({
      ...v,
      nodes: v.nodes.map((n) => ({ target: [`(${owner(n.target.join(' '))}) ${n.target.join(' ')}`] })),
    }));
  }, include);
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => {
      const where = v.nodes.slice(0, 3).map((n) => n.target.join(' '));
      const more = v.nodes.length > 3 ? ` (+${v.nodes.length - 3} more)` : '';
      return `${v.impact} ${v.id}: ${v.help} at ${where.join(' | ')}${more}`;
    });
}
