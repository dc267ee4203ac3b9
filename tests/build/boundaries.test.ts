/** The import boundaries of eslint.config.js hold: a deliberate violation in each place is an error. */
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const eslint = new ESLint();

async function restricted(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(`${code}\nexport const used = x;\n`, { filePath });
  return (result?.messages ?? []).filter((m) => m.ruleId === 'no-restricted-imports').map((m) => m.message);
}

describe('import boundaries', () => {
  it('only src/lib/engine imports TensorFlow.js', async () => {
    const tf = "import * as x from '@tensorflow/tfjs';";
    expect(await restricted('src/lib/spec/probe.ts', tf)).toHaveLength(1);
    expect(await restricted('src/app/state/probe.ts', tf)).toHaveLength(1);
    expect(
      await restricted('src/views/overview/probe.svelte.ts', "import { x } from '@tensorflow/tfjs-core';"),
    ).toHaveLength(1);
    expect(await restricted('src/lib/engine/probe.ts', tf)).toEqual([]);
  });

  it('d3-selection and d3-zoom only in the graph pane’s zoom action', async () => {
    const d3 = "import { select as x } from 'd3-selection';";
    expect(await restricted('src/views/overview/probe.ts', d3)).toHaveLength(1);
    expect(
      await restricted('src/lib/overview/probe.ts', "import { zoom as x } from 'd3-zoom';"),
    ).toHaveLength(1);
    expect(await restricted('src/views/editor/graph/zoomable.ts', d3)).toEqual([]);
    // d3's pure modules are for everyone.
    expect(
      await restricted('src/views/overview/probe.ts', "import { scaleLinear as x } from 'd3-scale';"),
    ).toEqual([]);
  });

  it('src/lib never imports views, app state or components', async () => {
    expect(
      await restricted('src/lib/spec/probe.ts', "import { x } from '../../views/overview/fitBox';"),
    ).toHaveLength(1);
    expect(
      await restricted('src/lib/engine/probe.ts', "import { x } from '../../app/state/context';"),
    ).toHaveLength(1);
    expect(await restricted('src/lib/formula/probe.ts', "import x from './View.svelte';")).toHaveLength(1);
    expect(
      await restricted('src/views/overview/probe.ts', "import { x } from '../../app/state/context';"),
    ).toEqual([]);
  });
});
