// Export buttons for any plot: SVG, PNG (2×), CSV of its data, JSON of its parameters. LinePlot carries one in its
// caption (so every line plot of every tab exports); other figures put one element inside their <figure>. The
// figure's SVG is its `svg[role=img]`, a canvas under it (a heatmap) is drawn into the export, and every file
// stands alone: title, parameter caption and the "cite this" line (cite.ts) go with it.
import { useRef, useState } from 'react';
import {
  download,
  fileName,
  pageBackground,
  parameterCaption,
  serializeSvg,
  svgToPng,
  toCsv,
  toJson,
  type DataTable,
  type ExportContext,
  type FigureFrame,
} from './export';
import { APP_VERSION, citeLine, GIT_COMMIT } from './cite';
import { contextFromHash, useExportScope } from './exportScope';
import '../../app/share.css';

export interface ExportMenuProps {
  /** Short plot name for file names and labels ("eps", "overlaps"). */
  plot: string;
  /** Readable plot name for the buttons' labels. */
  title: string;
  /** Parameters and share link (default: the tab's model and the page's URL hash). */
  context?(): ExportContext;
  table(): DataTable | null;
  /** Parameters that go into file names (default: the first four of the context). */
  fileKeys?: string[];
  /** More to record in the JSON (e.g. the transition). */
  extraJson?(): Record<string, unknown>;
}

/** The caption's text without the controls and status inside it (export buttons, hover, "computing…"). */
function captionText(figure: Element | null | undefined, fallback: string): string {
  const cap = figure?.querySelector('figcaption')?.cloneNode(true) as Element | undefined;
  if (!cap) return fallback;
  cap.querySelectorAll('.export-menu, .busy, .plot-hover-anchor, button, select, input').forEach((e) => e.remove());
  return cap.textContent?.replace(/\s+/g, ' ').trim() || fallback;
}

/** A canvas drawn under the SVG (a heatmap), as an image at its place in the SVG's coordinates. */
function underlayOf(svg: SVGSVGElement): FigureFrame['underlay'] {
  const canvas = svg.parentElement?.querySelector('canvas');
  if (!canvas || canvas.width === 0) return undefined;
  const a = svg.getBoundingClientRect();
  const b = canvas.getBoundingClientRect();
  return {
    href: canvas.toDataURL('image/png'),
    x: b.left - a.left,
    y: b.top - a.top,
    width: b.width,
    height: b.height,
  };
}

type Format = 'SVG' | 'PNG' | 'CSV' | 'JSON';

export function ExportMenu({ plot, title, context: given, table, fileKeys, extraJson }: ExportMenuProps) {
  const ref = useRef<HTMLSpanElement>(null);
  const [error, setError] = useState<string | null>(null);
  const scope = useExportScope();
  const context = () => given?.() ?? contextFromHash(scope.model, window.location.hash, window.location.href);
  const cite = citeLine(scope.references);
  const figure = () => ref.current?.closest('figure');
  const svgOf = () => figure()?.querySelector<SVGSVGElement>('svg[role="img"]') ?? null;
  const frameOf = (svg: SVGSVGElement): FigureFrame => ({
    title: captionText(figure(), title),
    caption: parameterCaption(context()),
    cite,
    underlay: underlayOf(svg),
  });
  const name = (ext: string) => {
    const ctx = context();
    return fileName(plot, ctx, ext, fileKeys ?? Object.keys(ctx.params).slice(0, 4));
  };
  const plotSvg = () => {
    const svg = svgOf();
    if (!svg) throw new Error('no plot to export yet');
    return serializeSvg(svg, pageBackground(), frameOf(svg));
  };
  const exports: Record<Format, () => Promise<void> | void> = {
    SVG: () => download(plotSvg().text, name('svg'), 'image/svg+xml'),
    PNG: async () => {
      const s = plotSvg();
      download(await svgToPng(s.text, s.width, s.height, 2), name('png'));
    },
    CSV: () => {
      const t = table();
      if (!t || t.rows.length === 0) throw new Error('no data yet');
      const notes = [`title: ${captionText(figure(), title)}`, `cite: ${cite}`];
      download(toCsv(t, context(), notes), name('csv'), 'text/csv');
    },
    JSON: () =>
      download(
        toJson(context(), {
          title: captionText(figure(), title),
          ...extraJson?.(),
          cite: { line: cite, version: APP_VERSION, commit: GIT_COMMIT },
        }),
        name('json'),
        'application/json',
      ),
  };
  // Called on click only: the figure is read from the DOM then, never during render.
  const run = async (what: Format) => {
    setError(null);
    try {
      await exports[what]();
    } catch (e) {
      setError(`${what} export failed: ${e instanceof Error ? e.message : String(e)}`);
    }
  };
  return (
    <span
      ref={ref}
      className="export-menu advanced"
      role="group"
      aria-label={`export the ${title}`}
      data-testid={`export-${plot}`}
    >
      <span className="export-label" aria-hidden="true">
        export
      </span>
      <button
        type="button"
        onClick={() => void run('SVG')}
        aria-label={`${title} as SVG`}
        data-testid={`export-${plot}-svg`}
      >
        SVG
      </button>
      <button
        type="button"
        onClick={() => void run('PNG')}
        aria-label={`${title} as PNG (2× resolution)`}
        data-testid={`export-${plot}-png`}
      >
        PNG
      </button>
      <button
        type="button"
        onClick={() => void run('CSV')}
        aria-label={`data of the ${title} as CSV`}
        data-testid={`export-${plot}-csv`}
      >
        CSV
      </button>
      <button
        type="button"
        onClick={() => void run('JSON')}
        aria-label={`parameters of the ${title} as JSON`}
        data-testid={`export-${plot}-json`}
      >
        JSON
      </button>
      {error && (
        <span className="export-error" role="alert">
          {error}
        </span>
      )}
    </span>
  );
}
