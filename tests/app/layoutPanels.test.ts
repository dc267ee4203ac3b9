import { describe, expect, it } from 'vitest';
import { LayoutState } from '../../src/app/state/layout.svelte';

async function released(layout: LayoutState): Promise<void> {
  layout.releasePanels();
  for (let i = 0; i < 100 && !layout.panelsReleased; i++) await new Promise((r) => setTimeout(r, 5));
  expect(layout.panelsReleased).toBe(true);
}

describe('LayoutState: the deferred panels come in order', () => {
  it('holds the panels below the first screen until the editor beside the views is there', async () => {
    const layout = new LayoutState();
    const editorThere = layout.panelLoading(true);
    const trainingThere = layout.panelLoading();
    expect(layout.laterReleased).toBe(false);
    await released(layout);
    expect(layout.laterReleased).toBe(false);
    editorThere();
    expect(layout.laterReleased).toBe(true);
    expect(layout.panelsSettled).toBe(false);
    trainingThere();
    expect(layout.panelsSettled).toBe(true);
  });

  it('counts a panel once however often it says it is there (a failed one too)', async () => {
    const layout = new LayoutState();
    const editorThere = layout.panelLoading(true);
    const detailThere = layout.panelLoading(true);
    await released(layout);
    editorThere();
    editorThere();
    // The second editor call must not stand in for the detail still loading.
    expect(layout.laterReleased).toBe(false);
    detailThere();
    expect(layout.laterReleased).toBe(true);
  });

  it('releases the later panels at once when no first-screen panel is loading', async () => {
    const layout = new LayoutState();
    layout.panelLoading();
    await released(layout);
    expect(layout.laterReleased).toBe(true);
    expect(layout.panelsSettled).toBe(false);
  });
});
