// Export of any plot and its data: standalone SVG (computed styles inlined, so it renders without the page's CSS),
// PNG at 2× resolution (the SVG drawn on a canvas), CSV whose first line holds the parameters and the share URL,
// and the parameters as JSON. The text builders are pure (tested in Node); the rest needs a DOM. An exported figure
// stands alone: a title and a one-line parameter caption above the plot, the "cite this" line under it (FigureFrame),
// and the CSV ends with the same lines as comments.

export type Cell = number | string | boolean | null;

/** A table of numbers: the data behind one plot. */
export interface DataTable {
  columns: string[];
  rows: Cell[][];
}

/** What an export records about where it came from (CLI flag names → values, and the link that reopens it). */
export interface ExportContext {
  model: string;
  params: Record<string, number | string | boolean>;
  url: string;
}

/** Full-precision numbers (round-trip exact), empty cells for missing values, quoted strings where needed. */
export function csvCell(x: Cell): string {
  if (x === null || (typeof x === 'number' && !Number.isFinite(x))) return '';
  if (typeof x === 'number') return String(x);
  if (typeof x === 'boolean') return x ? 'true' : 'false';
  return /[",\n\r#]/.test(x) ? `"${x.replace(/"/g, '""')}"` : x;
}

/** `# model=mlp activation=relu … url=…`: one comment line that tools skip (pandas comment='#', gnuplot). */
export function csvHeaderLine(ctx: ExportContext): string {
  const kv = Object.entries(ctx.params).map(([k, v]) => `${k}=${String(v).replace(/\s+/g, '')}`);
  return `# model=${ctx.model} ${kv.join(' ')} url=${ctx.url}`;
}

/** The CSV: the parameter line, the column names, the rows, then `notes` as trailing comment lines. */
export function toCsv(table: DataTable, ctx: ExportContext, notes: readonly string[] = []): string {
  const lines = [csvHeaderLine(ctx), table.columns.map(csvCell).join(',')];
  for (const r of table.rows) lines.push(r.map(csvCell).join(','));
  for (const n of notes) lines.push(`# ${n.replace(/\s+/g, ' ')}`);
  return `${lines.join('\n')}\n`;
}

/** The one-line parameter caption of an exported figure: `mlp · activation = relu, γ… = 0.5, …`. */
export function parameterCaption(ctx: ExportContext): string {
  const kv = Object.entries(ctx.params).map(([k, v]) => `${k} = ${String(v)}`);
  return [ctx.model, kv.join(', ')].filter(Boolean).join(' · ');
}

/** A text cut to at most `chars` characters, with an ellipsis where it was cut. */
export function clip(text: string, chars: number): string {
  return text.length <= chars ? text : `${text.slice(0, Math.max(0, chars - 1))}…`;
}

export function toJson(ctx: ExportContext, extra: Record<string, unknown> = {}): string {
  return `${JSON.stringify({ model: ctx.model, params: ctx.params, url: ctx.url, ...extra }, null, 2)}\n`;
}

/** A file name from the plot and its parameters: `eps_relu_gamma0.5_delta0.1.csv` (safe characters only). */
export function fileName(plot: string, ctx: ExportContext, ext: string, keys: string[] = []): string {
  const bits = [
    plot,
    ...keys
      .filter((k) => k in ctx.params)
      .map((k) => (k === 'activation' ? String(ctx.params[k]) : `${k}${ctx.params[k]}`)),
  ];
  const base = bits
    .join('_')
    .replace(/[^A-Za-z0-9._+-]+/g, '-')
    .replace(/-+/g, '-')
    .slice(0, 120);
  return `${base}.${ext}`;
}

// ---- DOM part ----

/** The presentation properties an SVG needs to look the same without the page's style sheets. */
const SVG_STYLE_PROPS = [
  'fill',
  'fill-opacity',
  'stroke',
  'stroke-width',
  'stroke-dasharray',
  'stroke-linejoin',
  'stroke-linecap',
  'stroke-opacity',
  'opacity',
  'paint-order',
  'font-family',
  'font-size',
  'font-weight',
  'font-style',
  'text-anchor',
  'dominant-baseline',
  'baseline-shift',
  'visibility',
  'display',
] as const;

/** What an exported figure carries around the plot, and a raster drawn under it (a heatmap's canvas). */
export interface FigureFrame {
  title: string;
  caption: string;
  cite: string;
  underlay?: { href: string; x: number; y: number; width: number; height: number };
}
/** Pixels added above (title, caption) and below (cite line) the plot by a FigureFrame. */
export const FRAME_TOP = 40;
export const FRAME_BOTTOM = 20;

const SVG_NS = 'http://www.w3.org/2000/svg';

function svgEl(name: string, attrs: Record<string, string | number>, text?: string): SVGElement {
  const el = document.createElementNS(SVG_NS, name);
  for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, String(v));
  if (text !== undefined) el.textContent = text;
  return el;
}

/** Moves the clone's content down into a group and writes the frame's texts around it. */
function addFrame(clone: SVGSVGElement, frame: FigureFrame, width: number, height: number, page: CSSStyleDeclaration) {
  const font = page.getPropertyValue('font-family') || 'sans-serif';
  const ink = page.getPropertyValue('color') || '#111827';
  const g = svgEl('g', { transform: `translate(0,${FRAME_TOP})` });
  while (clone.firstChild) g.appendChild(clone.firstChild);
  const u = frame.underlay;
  if (u)
    g.insertBefore(svgEl('image', { href: u.href, x: u.x, y: u.y, width: u.width, height: u.height }), g.firstChild);
  const chars = Math.floor((width - 16) / 6);
  const text = (y: number, size: number, opacity: number, t: string, weight = 'normal') =>
    svgEl(
      'text',
      {
        x: 8,
        y,
        style: `font-family:${font};font-size:${size}px;font-weight:${weight};fill:${ink};opacity:${opacity}`,
      },
      t,
    );
  clone.append(
    text(17, 13.5, 1, clip(frame.title, Math.floor(chars * 0.85)), '600'),
    text(33, 11, 0.75, clip(frame.caption, chars)),
    g,
    text(FRAME_TOP + height + 14, 10, 0.65, clip(frame.cite, chars)),
  );
}

/** A standalone copy of a plot's SVG: computed styles inlined, explicit size, background, xmlns, and the frame. */
export function serializeSvg(
  svg: SVGSVGElement,
  background: string | null = null,
  frame: FigureFrame | null = null,
): { text: string; width: number; height: number } {
  const box = svg.getBoundingClientRect();
  const width = Math.round(Number(svg.getAttribute('width')) || box.width);
  const plotHeight = Math.round(Number(svg.getAttribute('height')) || box.height);
  const height = plotHeight + (frame ? FRAME_TOP + FRAME_BOTTOM : 0);
  const clone = svg.cloneNode(true) as SVGSVGElement;
  const src = [svg, ...Array.from(svg.querySelectorAll('*'))];
  const dst = [clone, ...Array.from(clone.querySelectorAll('*'))];
  src.forEach((el, i) => {
    const cs = getComputedStyle(el);
    const out = dst[i] as SVGElement;
    const style = SVG_STYLE_PROPS.map((p) => {
      const v = cs.getPropertyValue(p);
      return v ? `${p}:${v}` : '';
    })
      .filter(Boolean)
      .join(';');
    if (style) out.setAttribute('style', style);
    out.removeAttribute('class');
  });
  if (frame) addFrame(clone, frame, width, plotHeight, getComputedStyle(svg));
  clone.setAttribute('xmlns', SVG_NS);
  clone.setAttribute('width', String(width));
  clone.setAttribute('height', String(height));
  clone.setAttribute('viewBox', `0 0 ${width} ${height}`);
  clone.removeAttribute('style');
  clone.setAttribute('style', 'overflow:visible');
  if (background) {
    clone.insertBefore(svgEl('rect', { width: '100%', height: '100%', fill: background }), clone.firstChild);
  }
  const text = `<?xml version="1.0" encoding="UTF-8"?>\n${new XMLSerializer().serializeToString(clone)}\n`;
  return { text, width, height };
}

/** Draws a standalone SVG on a canvas `scale` times larger and encodes it as PNG. */
export async function svgToPng(svgText: string, width: number, height: number, scale = 2): Promise<Blob> {
  const url = URL.createObjectURL(new Blob([svgText], { type: 'image/svg+xml' }));
  try {
    const img = new Image();
    img.decoding = 'sync';
    await new Promise<void>((resolve, reject) => {
      img.onload = () => resolve();
      img.onerror = () => reject(new Error('the SVG could not be drawn as an image'));
      img.src = url;
    });
    const canvas = document.createElement('canvas');
    canvas.width = Math.round(width * scale);
    canvas.height = Math.round(height * scale);
    const ctx = canvas.getContext('2d');
    if (!ctx) throw new Error('no 2-D canvas');
    ctx.setTransform(scale, 0, 0, scale, 0, 0);
    ctx.drawImage(img, 0, 0, width, height);
    return await new Promise<Blob>((resolve, reject) =>
      canvas.toBlob((b) => (b ? resolve(b) : reject(new Error('PNG encoding failed'))), 'image/png'),
    );
  } finally {
    URL.revokeObjectURL(url);
  }
}

/** Saves a file through a temporary link (what browsers and Playwright's download event understand). */
export function download(content: Blob | string, name: string, mime = 'text/plain'): void {
  const blob = typeof content === 'string' ? new Blob([content], { type: `${mime};charset=utf-8` }) : content;
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.rel = 'noopener';
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** The page background of the current theme, so exported figures keep their contrast. */
export function pageBackground(): string {
  const v = getComputedStyle(document.documentElement).getPropertyValue('--panel').trim();
  return v || '#ffffff';
}

/** This page's address without the hash: the base of the share links that exports record. */
export function pageBase(): string {
  return window.location.origin + window.location.pathname;
}
