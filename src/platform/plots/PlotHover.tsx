// Hover read-out for any plot drawn with platform/plots/Axes.tsx: a guide line and a box with the values of the data row
// nearest to the pointer. The x scale is read back from the drawn ticks (platform/plots/axesInvert.ts), so a plot adopts
// it without handing over its scales; the data come from the same table the CSV export writes.
import { useEffect, useRef, useState } from 'react';
import { invertFromTicks, nearestRow, xTicksOf } from './axesInvert';
import type { DataTable } from './export';
import { rowValues, type ReadoutColumn } from './seriesTable';
import '../../app/share.css';

export type HoverColumn = ReadoutColumn;

interface Shown {
  left: number;
  top: number;
  height: number;
  boxLeft: number;
  boxTop: number;
  rows: [string, string][];
}

export function PlotHover({
  table,
  columns,
  plot,
}: {
  table(): DataTable | null;
  columns: HoverColumn[];
  plot: string;
}) {
  const anchor = useRef<HTMLSpanElement>(null);
  const [shown, setShown] = useState<Shown | null>(null);
  useEffect(() => {
    const figure = anchor.current?.closest('figure');
    const box = figure?.querySelector<HTMLElement>('.plot-box');
    if (!figure || !box) return;
    const move = (e: PointerEvent) => {
      const svg = box.querySelector('svg');
      const t = table();
      if (!svg || !t || t.rows.length === 0) return setShown(null);
      const invert = invertFromTicks(xTicksOf(svg));
      const axis = svg.querySelector('.axis-x > line')?.getBoundingClientRect();
      if (!invert || !axis || e.clientX < axis.left - 2 || e.clientX > axis.right + 2) return setShown(null);
      const x = invert(e.clientX);
      const xs = t.rows.map((r) => Number(r[0]));
      const i = nearestRow(xs, x);
      const fig = figure.getBoundingClientRect();
      const svgBox = svg.getBoundingClientRect();
      const rows = rowValues(t, columns, i);
      // The guide sits at the row's own α (snapped), the box on the side with room.
      const px = axis.left + ((xs[i] - invert(axis.left)) / (invert(axis.right) - invert(axis.left))) * axis.width;
      const left = px - fig.left;
      const right = left > fig.width * 0.6;
      const top = svgBox.top - fig.top;
      const height = axis.top - svgBox.top;
      const boxTop = Math.max(top + 4, Math.min(top + height - 22 * rows.length - 12, e.clientY - fig.top + 14));
      setShown({ left, top, height, boxLeft: right ? left - 178 : left + 10, boxTop, rows });
    };
    const leave = () => setShown(null);
    box.addEventListener('pointermove', move);
    box.addEventListener('pointerleave', leave);
    return () => {
      box.removeEventListener('pointermove', move);
      box.removeEventListener('pointerleave', leave);
    };
  }, [table, columns]);
  return (
    <span ref={anchor} className="plot-hover-anchor" aria-hidden={shown ? undefined : true}>
      {shown && (
        <>
          <span className="plot-hover-guide" style={{ left: shown.left, top: shown.top, height: shown.height }} />
          <span
            className="plot-hover-box"
            role="status"
            data-testid={`hover-${plot}`}
            style={{ left: shown.boxLeft, top: shown.boxTop }}
          >
            {shown.rows.map(([k, v]) => (
              <span key={k} className="plot-hover-row">
                <span>{k}</span>
                <b>{v}</b>
              </span>
            ))}
          </span>
        </>
      )}
    </span>
  );
}
