/**
 * The graph as a standalone diagram: the live svg cloned without pan/zoom, its computed
 * styles written inline (component CSS does not travel with the file), on white. PNG is
 * that svg drawn onto a canvas at twice the size. Names from a file may hold characters
 * XML cannot (NUL, lone surrogates), which the serializer writes raw: they become U+FFFD.
 */
import { colour } from '../../../lib/theme';
import { xmlChars } from '../../../lib/formats/escape';

const STYLE_PROPS = [
  'fill',
  'fill-opacity',
  'stroke',
  'stroke-width',
  'stroke-dasharray',
  'stroke-opacity',
  'opacity',
  'font-family',
  'font-size',
  'font-weight',
  'display',
  'visibility',
] as const;

function inlineStyles(source: Element, target: Element): void {
  const style = getComputedStyle(source);
  const decl = STYLE_PROPS.map((p) => `${p}:${style.getPropertyValue(p)}`).join(';');
  target.setAttribute('style', decl);
  const a = source.children;
  const b = target.children;
  for (let i = 0; i < a.length && i < b.length; i++) inlineStyles(a[i] as Element, b[i] as Element);
}

/** Every text node and attribute value under `root` made fit for XML. */
function cleanText(root: Element): void {
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_ELEMENT | NodeFilter.SHOW_TEXT);
  for (let node: Node | null = root; node; node = walker.nextNode()) {
    if (node.nodeType === Node.TEXT_NODE) node.nodeValue = xmlChars(node.nodeValue ?? '');
    else if (node instanceof Element) for (const a of node.attributes) a.value = xmlChars(a.value);
  }
}

export function diagramSvg(
  svg: SVGSVGElement,
  size: { width: number; height: number },
  title: string,
): string {
  const scene = svg.querySelector('.scene');
  const defs = svg.querySelector('defs');
  if (!scene) throw new Error('the graph is not drawn');
  const copy = scene.cloneNode(true) as SVGGElement;
  inlineStyles(scene, copy);
  copy.removeAttribute('transform');
  for (const el of copy.querySelectorAll('.hit, [data-port="out"]')) el.remove();
  cleanText(copy);
  for (const el of copy.querySelectorAll('[tabindex]')) {
    el.removeAttribute('tabindex');
    el.removeAttribute('role');
    el.removeAttribute('aria-pressed');
  }
  const ns = 'http://www.w3.org/2000/svg';
  const out = document.createElementNS(ns, 'svg');
  out.setAttribute('xmlns', ns);
  out.setAttribute('width', String(Math.ceil(size.width)));
  out.setAttribute('height', String(Math.ceil(size.height)));
  out.setAttribute('viewBox', `0 0 ${Math.ceil(size.width)} ${Math.ceil(size.height)}`);
  out.setAttribute('font-family', getComputedStyle(svg).fontFamily);
  const t = document.createElementNS(ns, 'title');
  t.textContent = xmlChars(title);
  out.append(t);
  const bg = document.createElementNS(ns, 'rect');
  bg.setAttribute('width', '100%');
  bg.setAttribute('height', '100%');
  bg.setAttribute('fill', colour.surface);
  out.append(bg);
  if (defs) out.append(defs.cloneNode(true));
  out.append(copy);
  return `<?xml version="1.0" encoding="UTF-8"?>\n${new XMLSerializer().serializeToString(out)}`;
}

export async function diagramPng(
  svgText: string,
  size: { width: number; height: number },
  scale = 2,
): Promise<Blob> {
  const url = URL.createObjectURL(new Blob([svgText], { type: 'image/svg+xml' }));
  try {
    const img = new Image();
    img.src = url;
    await img.decode();
    const canvas = document.createElement('canvas');
    canvas.width = Math.ceil(size.width * scale);
    canvas.height = Math.ceil(size.height * scale);
    const ctx = canvas.getContext('2d');
    if (!ctx) throw new Error('no 2D canvas');
    ctx.scale(scale, scale);
    ctx.drawImage(img, 0, 0);
    return await new Promise<Blob>((resolve, reject) =>
      canvas.toBlob((b) => (b ? resolve(b) : reject(new Error('the PNG could not be encoded'))), 'image/png'),
    );
  } finally {
    URL.revokeObjectURL(url);
  }
}

export { downloadBlob as download } from '../../../app/browser/download';

/** A file name from the net's name: `TinyVGG` → `tinyvgg`. */
export function fileStem(name: string): string {
  return (
    name
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-|-$/g, '') || 'network'
  );
}
