/**
 * The architecture editor's state: the edited spec with its undo history, what is selected,
 * and the live link that hands every edit to the explainer. The explainer keeps the last
 * net it could run; `linkProblem` says why it does not show the edited one.
 *
 * `openNetwork` is the one door through which a whole network comes into the app: the zoo, a
 * file, a share link, the model library, the training panel, a URL parameter.
 */
import type { Localized, NetworkSpec, ParamValue } from '../../lib/spec/types';
import { inferShapes } from '../../lib/spec/inferShapes';
import {
  addLayer,
  connect,
  deleteLayer,
  disconnect,
  insertBetween,
  renameLayer,
  type EditResult,
} from '../../lib/editor/edits';
import { setParam } from '../../lib/editor/setParam';
import {
  canRedo,
  canUndo,
  createHistory,
  pushHistory,
  redo,
  undo,
  type History,
} from '../../lib/editor/history';
import { netCosts } from '../../lib/spec/costs';
import { checkRunnable } from '../../lib/spec/runnable';
import { findLayer } from '../../lib/spec/graph';
import type { ExplainerState } from './explainerState.svelte';
import { NetLink } from '../net/netLink';
import type { ApplyOutcome, NetworkSource } from '../net/types';

export type Selection =
  { kind: 'node'; id: string } | { kind: 'edge'; from: string; to: string; slot: number } | null;

export type EditorTab = 'palette' | 'layer' | 'costs' | 'compare';

export class EditorState {
  history = $state.raw<History<NetworkSpec>>(createHistory({ name: 'untitled', layers: [] }));
  spec: NetworkSpec = $derived(this.history.present);
  shapes = $derived(inferShapes(this.spec));
  costs = $derived(netCosts(this.spec, this.shapes));
  runnable = $derived(checkRunnable(this.spec, this.shapes));
  canUndo = $derived(canUndo(this.history));
  canRedo = $derived(canRedo(this.history));
  selection = $state.raw<Selection>(null);
  /** A connection started from the keyboard: the next chosen layer becomes its target. */
  connectFrom = $state<string | null>(null);
  /** Why the last edit was refused; cleared by the next edit that goes through. */
  refusal = $state.raw<Localized | null>(null);
  /** Why the explainer does not show the edited net; null while they agree. */
  linkProblem = $state.raw<{ reason: Localized; tooLarge: boolean } | null>(null);
  /** Bumped when the graph should fit itself to the pane (a new net was opened). */
  fitRequest = $state(0);
  /** A snapshot kept aside to compare the current net against. */
  pinned = $state.raw<NetworkSpec | null>(null);
  tab = $state<EditorTab>('layer');
  /**
   * The image Input of the last opened file when that file does not say how its images were
   * prepared (a Caffe deploy prototxt): the Input panel asks the user until they say.
   */
  unstatedInput = $state<string | null>(null);
  private attached = false;
  private readonly link: NetLink;

  constructor(private readonly explainer: ExplainerState) {
    this.link = new NetLink(explainer, (r) => {
      this.linkProblem = r.ok ? null : { reason: r.reason, tooLarge: r.tooLarge };
    });
  }

  /** Starts from the explainer's loaded net, once; later loads go through `open`. */
  attach(): void {
    if (this.attached || !this.explainer.spec) return;
    this.attached = true;
    this.history = createHistory(this.explainer.spec);
    this.fitRequest++;
  }

  get selectedId(): string | null {
    return this.selection?.kind === 'node' ? this.selection.id : null;
  }

  select(selection: Selection): void {
    this.selection = selection;
  }

  /** Applies an edit's result: a new undo step (merged with the last one under the same key). */
  apply(result: EditResult, key: string | null = null): boolean {
    if (!result.ok) {
      this.refusal = result.error;
      return false;
    }
    this.refusal = null;
    this.history = pushHistory(this.history, result.spec, key);
    if (result.focus !== null) this.selection = { kind: 'node', id: result.focus };
    void this.link.submit({ spec: this.spec, weights: 'keep' }, false);
    return true;
  }

  /** Adds a layer where the selection says: on the selected connection, after the selected layer, or unconnected. */
  addHere(type: string): boolean {
    const s = this.selection;
    if (s?.kind === 'edge') return this.apply(insertBetween(this.spec, s.from, s.to, type, s.slot));
    return this.apply(
      addLayer(this.spec, type, s?.kind === 'node' && findLayer(this.spec, s.id) ? s.id : null),
    );
  }

  addAfter(type: string, after: string | null): boolean {
    return this.apply(addLayer(this.spec, type, after));
  }

  insertOn(from: string, to: string, slot: number, type: string): boolean {
    return this.apply(insertBetween(this.spec, from, to, type, slot));
  }

  connect(from: string, to: string): boolean {
    this.connectFrom = null;
    return this.apply(connect(this.spec, from, to));
  }

  disconnect(from: string, to: string, slot: number): boolean {
    return this.apply(disconnect(this.spec, from, to, slot));
  }

  remove(id: string): boolean {
    return this.apply(deleteLayer(this.spec, id));
  }

  rename(id: string, next: string): Localized | null {
    const r = renameLayer(this.spec, id, next);
    // A refused name is shown beside the name field, not in the editor's banner.
    if (!r.ok) return r.error;
    this.apply(r);
    return null;
  }

  /** Sets one parameter; a refused value is returned (and the spec keeps the old one). */
  setParam(id: string, name: string, value: ParamValue): Localized | null {
    const r = setParam(this.spec, id, name, value);
    if (!r.ok) return r.error;
    // Typing several digits into one field is one undo step.
    this.apply({ ...r, focus: null }, `param:${id}:${name}`);
    return null;
  }

  undo(): void {
    this.history = undo(this.history);
    this.afterJump();
  }

  redo(): void {
    this.history = redo(this.history);
    this.afterJump();
  }

  /**
   * Opens a whole network: one undo step, fitted to the pane, handed to the explainer with
   * the weights and class names it comes with. Settles when the explainer shows it, or with
   * the reason it does not (too big, not runnable, another net opened meanwhile). A net the
   * explainer already shows, asked for with the weights it has, is not built again.
   */
  openNetwork(source: NetworkSource): Promise<ApplyOutcome> {
    this.attach();
    this.unstatedInput = null;
    const text = JSON.stringify(source.spec);
    const same = (spec: NetworkSpec | null) => spec !== null && JSON.stringify(spec) === text;
    if (!same(this.spec)) this.history = pushHistory(this.history, source.spec);
    this.selection = null;
    this.refusal = null;
    this.fitRequest++;
    // Shown already, with trained weights throughout: nothing to build (a net with untrained
    // layers is rebuilt, so 'keep' can bring the pretrained values back where they fit).
    const shown = same(this.explainer.spec) && this.explainer.untrainedLayers.size === 0;
    if (source.weights === 'keep' && !source.classes && !source.meta && !this.link.busy && shown) {
      this.linkProblem = null;
      return Promise.resolve({ ok: true, reinitialised: [] });
    }
    return this.link.submit(source, true);
  }

  /** Replaces the net with an edited copy (e.g. from the text pane), as one undo step. */
  replaceSpec(spec: NetworkSpec): void {
    this.apply({ ok: true, spec, focus: null });
  }

  private afterJump(): void {
    this.refusal = null;
    this.connectFrom = null;
    const s = this.selection;
    if (s && !findLayer(this.spec, s.kind === 'node' ? s.id : s.to)) this.selection = null;
    void this.link.submit({ spec: this.spec, weights: 'keep' }, false);
  }
}
