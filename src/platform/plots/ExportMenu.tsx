// Export buttons for any plot: SVG, PNG (2×), CSV of its data, JSON of its parameters. A family adopts it with one
// element inside the plot's <figure>; the SVG is the figure's `.plot-box svg`.
import { useRef, useState } from 'react';
import {
  download,
  fileName,
  pageBackground,
  serializeSvg,
  svgToPng,
  toCsv,
  toJson,
  type DataTable,
  type ExportContext,
} from './export';
import '../../app/share.css';

export interface ExportMenuProps {
  /** Short plot name for file names and labels ("eps", "overlaps"). */
  plot: string;
  /** Readable plot name for the buttons' labels. */
  title: string;
  context(): ExportContext;
  table(): DataTable | null;
  /** Parameters that go into file names. */
  fileKeys?: string[];
  /** More to record in the JSON (e.g. the transition). */
  extraJson?(): Record<string, unknown>;
}

export function ExportMenu({ plot, title, context, table, fileKeys = [], extraJson }: ExportMenuProps) {
  const ref = useRef<HTMLSpanElement>(null);
  const [error, setError] = useState<string | null>(null);
  const svgOf = () => ref.current?.closest('figure')?.querySelector<SVGSVGElement>('.plot-box svg') ?? null;
  const run = (what: string, f: () => Promise<void> | void) => async () => {
    setError(null);
    try {
      await f();
    } catch (e) {
      setError(`${what} export failed: ${e instanceof Error ? e.message : String(e)}`);
    }
  };
  const name = (ext: string) => fileName(plot, context(), ext, fileKeys);
  // eslint-disable-next-line react-hooks/refs -- run() only wraps the click handler; the ref is read on click, not during render
  const svgExport = run('SVG', () => {
    const svg = svgOf();
    if (!svg) throw new Error('no plot to export yet');
    download(serializeSvg(svg, pageBackground()).text, name('svg'), 'image/svg+xml');
  });
  // eslint-disable-next-line react-hooks/refs -- run() only wraps the click handler; the ref is read on click, not during render
  const pngExport = run('PNG', async () => {
    const svg = svgOf();
    if (!svg) throw new Error('no plot to export yet');
    const s = serializeSvg(svg, pageBackground());
    download(await svgToPng(s.text, s.width, s.height, 2), name('png'));
  });
  const csvExport = run('CSV', () => {
    const t = table();
    if (!t || t.rows.length === 0) throw new Error('no data yet');
    download(toCsv(t, context()), name('csv'), 'text/csv');
  });
  const jsonExport = run('JSON', () =>
    download(toJson(context(), extraJson?.() ?? {}), name('json'), 'application/json'),
  );
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
      <button type="button" onClick={svgExport} aria-label={`${title} as SVG`} data-testid={`export-${plot}-svg`}>
        SVG
      </button>
      <button
        type="button"
        onClick={pngExport}
        aria-label={`${title} as PNG (2× resolution)`}
        data-testid={`export-${plot}-png`}
      >
        PNG
      </button>
      <button
        type="button"
        onClick={csvExport}
        aria-label={`data of the ${title} as CSV`}
        data-testid={`export-${plot}-csv`}
      >
        CSV
      </button>
      <button
        type="button"
        onClick={jsonExport}
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
