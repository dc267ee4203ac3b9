import { describe, expect, it } from 'vitest';
import { NetLink, SUPERSEDED } from '../../src/app/net/netLink';
import type { ApplyOutcome, WeightChoice } from '../../src/app/net/types';
import type { ExplainerState } from '../../src/app/state/explainerState.svelte';
import type { NetworkSpec } from '../../src/lib/spec/types';

interface Call {
  spec: string;
  weights: WeightChoice | undefined;
  classes: string[] | undefined;
  finish: (o: ApplyOutcome) => void;
}

/** An explainer whose rebuilds finish when the test says so. */
function fakeExplainer(): { explainer: ExplainerState; calls: Call[] } {
  const calls: Call[] = [];
  const explainer = {
    applySpec: (spec: NetworkSpec, options: { weights?: WeightChoice; classes?: { names: string[] } }) =>
      new Promise<ApplyOutcome>((finish) =>
        calls.push({ spec: spec.name, weights: options.weights, classes: options.classes?.names, finish }),
      ),
  } as unknown as ExplainerState;
  return { explainer, calls };
}

const net = (name: string): NetworkSpec => ({ name, layers: [] });
const OK: ApplyOutcome = { ok: true, reinitialised: [] };
const flush = () => new Promise((r) => setTimeout(r, 0));

describe('NetLink: the one caller of applySpec', () => {
  it('settles each caller with the outcome of the build that showed its net, without polling', async () => {
    const { explainer, calls } = fakeExplainer();
    const heard: ApplyOutcome[] = [];
    const link = new NetLink(explainer, (o) => heard.push(o));
    const opened = link.submit({ spec: net('a'), weights: 'random' }, true);
    await flush();
    expect(calls.map((c) => c.spec)).toEqual(['a']);
    expect(link.busy).toBe(true);
    let settled = false;
    void opened.then(() => (settled = true));
    await flush();
    expect(settled).toBe(false);
    const tooBig: ApplyOutcome = { ok: false, reason: { en: 'big', zh: '大' }, tooLarge: true };
    calls[0]!.finish(tooBig);
    await expect(opened).resolves.toBe(tooBig);
    expect(heard).toEqual([tooBig]);
    expect(link.busy).toBe(false);
  });

  it('collapses edits made during a build into one rebuild of the newest spec; every edit hears its outcome', async () => {
    const { explainer, calls } = fakeExplainer();
    const link = new NetLink(explainer);
    const first = link.submit({ spec: net('v1'), weights: 'keep' }, false);
    await flush();
    const edits = ['v2', 'v3', 'v4'].map((n) => link.submit({ spec: net(n), weights: 'keep' }, false));
    calls[0]!.finish(OK);
    await first;
    await flush();
    expect(calls.map((c) => c.spec)).toEqual(['v1', 'v4']);
    const last: ApplyOutcome = { ok: true, reinitialised: ['conv'] };
    calls[1]!.finish(last);
    for (const e of edits) await expect(e).resolves.toBe(last);
  });

  it('an edit of a net still waiting to be built keeps its weights and classes', async () => {
    const { explainer, calls } = fakeExplainer();
    const link = new NetLink(explainer);
    void link.submit({ spec: net('busy'), weights: 'keep' }, false);
    await flush();
    const given = new Map([['conv/kernel', new Float32Array(4)]]);
    const opened = link.submit(
      { spec: net('file'), weights: given, classes: { names: ['cat', 'dog'], dataset: 'pets' } },
      true,
    );
    const edited = link.submit({ spec: net('file+edit'), weights: 'keep' }, false);
    calls[0]!.finish(OK);
    await flush();
    expect(calls[1]).toMatchObject({ spec: 'file+edit', weights: given, classes: ['cat', 'dog'] });
    calls[1]!.finish(OK);
    await expect(opened).resolves.toBe(OK);
    await expect(edited).resolves.toBe(OK);
  });

  it('a net opened while another waits replaces it, and the replaced caller is told it was never shown', async () => {
    const { explainer, calls } = fakeExplainer();
    const link = new NetLink(explainer);
    void link.submit({ spec: net('running'), weights: 'keep' }, false);
    await flush();
    const zoo = link.submit({ spec: net('zoo'), weights: 'random' }, true);
    const library = link.submit({ spec: net('library'), weights: 'keep' }, true);
    await expect(zoo).resolves.toBe(SUPERSEDED);
    calls[0]!.finish(OK);
    await flush();
    // 'keep' of a newly opened net does not inherit the replaced net's fresh weights.
    expect(calls.map((c) => [c.spec, c.weights])).toEqual([
      ['running', 'keep'],
      ['library', 'keep'],
    ]);
    calls[1]!.finish(OK);
    await expect(library).resolves.toBe(OK);
  });
});
