/**
 * The graph's layout as reactive state. Layouts are cached by topology and node sizes, so
 * a parameter edit that changes neither costs nothing; big graphs are laid out in a worker
 * while the last layout stays on screen (marked pending).
 */
import type { GraphLayout } from '../../../lib/editor/layout';
import type { NetworkSpec } from '../../../lib/spec/types';
import { EMPTY_LAYOUT, LayoutService, type Sizes } from './layoutService';

export class LayoutRunner {
  layout = $state.raw<GraphLayout>(EMPTY_LAYOUT);
  /** A worker layout is on its way. */
  pending = $state(false);
  private readonly service = new LayoutService();

  update(spec: NetworkSpec, sizes: Sizes): void {
    this.pending = this.service.request(spec, sizes, (layout) => {
      this.layout = layout;
      this.pending = false;
    });
  }

  dispose(): void {
    this.service.dispose();
  }
}
