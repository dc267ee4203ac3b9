/**
 * Renders a view to HTML in Node with svelte/server, inside the harness that provides the
 * i18n context (English); an explainer, when given, goes in as the render's context.
 * The page is rendered as for a reader who asked for reduced motion (the players then do
 * not autoplay, which would need animation frames), at a URL without query.
 */
import type { Component } from 'svelte';
import { render } from 'svelte/server';
import { vi } from 'vitest';
import { explainerContext } from '../../src/app/state/context';
import type { ExplainerState } from '../../src/app/state/explainerState.svelte';
import Harness from './Harness.svelte';

export function renderView<P extends { [K in keyof P]: unknown }>(
  view: Component<P>,
  props: NoInfer<P>,
  options: { explainer?: ExplainerState } = {},
): string {
  vi.stubGlobal('matchMedia', (query: string) => ({ matches: query.includes('reduce'), media: query }));
  vi.stubGlobal('location', new URL('http://localhost/'));
  const context = options.explainer ? explainerContext(options.explainer) : new Map<symbol, unknown>();
  // The view with its props bound, so the harness needs no generic prop types.
  const bound: Component = (internals) => view(internals, props);
  return render(Harness, { props: { view: bound }, context }).body;
}
