/**
 * Colour scales of the formula views, on the overview's schemes (./lut): signed values
 * on the diverging scale centred on zero (blue negative, white 0, red positive), non-negative
 * ones on its positive half, and a network input channel as the light it carries in [0, 1].
 */
import { SCHEMES, type SchemeName } from './lut';
import { inputScheme } from '../overview/rangeLayers';
import { colour } from '../theme';

export interface ValueScale {
  (value: number): string;
  /** [low, high] the colours span. */
  domain: [number, number];
  scheme: SchemeName;
}

/** Keeps an all-zero map from dividing by zero. */
const TINY = 1e-6;

export function fixedScale(scheme: SchemeName, lo: number, hi: number): ValueScale {
  const interpolate = SCHEMES[scheme];
  const span = hi - lo || 1;
  const f = (v: number) => interpolate(Math.min(1, Math.max(0, Number.isFinite(v) ? (v - lo) / span : 0)));
  return Object.assign(f, { domain: [lo, hi] as [number, number], scheme });
}

/** One scale over every value of the given arrays, so maps compared side by side share it. */
export function valueScale(...arrays: readonly ArrayLike<number>[]): ValueScale {
  let min = 0;
  let max = 0;
  for (const a of arrays)
    for (let i = 0; i < a.length; i++) {
      const v = a[i] ?? 0;
      if (!Number.isFinite(v)) continue;
      if (v < min) min = v;
      if (v > max) max = v;
    }
  const m = Math.max(-min, max, TINY);
  return min < 0 ? fixedScale('diverging', -m, m) : fixedScale('sequential', 0, m);
}

/**
 * Scales for each channel of a layer's input: the network's own input image is drawn as
 * light in [0, 1] per channel, as the overview draws it; any other map shares one scale.
 */
export function inputScales(
  data: Float32Array,
  channels: number,
  isNetworkInput: boolean,
  /** The net's input channels after its preprocessing (src/lib/preprocess); absent: RGB in [0, 1]. */
  lights?: readonly { lo: number; hi: number; scheme: SchemeName }[] | null,
): ValueScale[] {
  if (isNetworkInput && lights && lights.length === channels)
    return lights.map((l) => fixedScale(l.scheme, l.lo, l.hi));
  if (isNetworkInput)
    return Array.from({ length: channels }, (_, c) => fixedScale(inputScheme(channels, c), 0, 1));
  const shared = valueScale(data);
  return Array.from({ length: channels }, () => shared);
}

/** Dark or light text, whichever reads better on a cell of this colour. */
export function inkOn(background: string): string {
  const hex = /^#([0-9a-f]{6})$/i.exec(background)?.[1];
  const [r = 255, g = 255, b = 255] = hex
    ? [0, 2, 4].map((i) => parseInt(hex.slice(i, i + 2), 16))
    : (background.match(/\d+(\.\d+)?/g) ?? []).map(Number);
  const luminance = (0.2126 * r + 0.7152 * g + 0.0722 * b) / 255;
  return luminance < 0.5 ? colour.surface : colour.ink;
}

/** Colour stops of a scale for a CSS linear-gradient legend. */
export function gradientStops(scale: ValueScale, stops = 9): string {
  const [lo, hi] = scale.domain;
  return Array.from({ length: stops }, (_, i) => {
    const t = i / (stops - 1);
    return `${scale(lo + (hi - lo) * t)} ${(t * 100).toFixed(1)}%`;
  }).join(', ');
}
