// The data a LinePlot draws, as a table for its CSV: one row per x value, one column per drawn series (a line's y,
// a point set's y and ± error, a band's lower and upper edge), rows matched on exactly equal x. A family that
// exports its own richer table keeps it, and the overlays drawn on top (published points, paper curves) are merged
// into it the same way, so the CSV holds everything the figure shows. Rules and spans go to the JSON.
import type { Cell, DataTable } from './export';
import type { Series } from './lineGeometry';
import { formatValue } from './scales';

/** The columns and the (x, values) entries of one series; none for rules and spans. */
function columnsOf(s: Series): { names: string[]; entries: [number, Cell[]][] } | null {
  if (s.mark === 'line') {
    const entries = s.data
      .filter((p): p is [number, number] => p !== null)
      .map((p): [number, Cell[]] => [p[0], [p[1]]]);
    return { names: [s.id], entries };
  }
  if (s.mark === 'points') {
    const withErr = s.data.some((p) => p.err !== undefined);
    return {
      names: withErr ? [s.id, `${s.id}_err`] : [s.id],
      entries: s.data.map((p): [number, Cell[]] => [p.x, withErr ? [p.y, p.err ?? null] : [p.y]]),
    };
  }
  if (s.mark === 'area')
    return { names: [`${s.id}_lo`, `${s.id}_hi`], entries: s.data.map((p) => [p.x, [p.lo, p.hi]]) };
  return null;
}

/**
 * `table` with the series' columns added after its own (an empty table with just the x column by default). A row
 * whose x equals a series point's x takes its value; other points get new rows at the end, so the family's rows
 * keep their order. Series without finite data, or whose id is already a column, add nothing.
 */
export function withSeries(
  series: readonly Series[],
  xColumn: string,
  table: DataTable = { columns: [xColumn], rows: [] },
): DataTable {
  let xi = table.columns.indexOf(xColumn);
  const columns = [...table.columns];
  const rows = table.rows.map((r) => [...r]);
  if (xi < 0) {
    xi = columns.length;
    columns.push(xColumn);
    for (const r of rows) r.push(null);
  }
  const rowAt = new Map<number, Cell[]>();
  for (const r of rows) {
    const x = r[xi];
    if (typeof x === 'number' && !rowAt.has(x)) rowAt.set(x, r);
  }
  for (const s of series) {
    const c = columnsOf(s);
    if (!c || c.names.some((n) => columns.includes(n))) continue;
    const entries = c.entries.filter(([x]) => Number.isFinite(x));
    if (!entries.some(([, v]) => v.some((y) => typeof y === 'number' && Number.isFinite(y)))) continue;
    const at = columns.length;
    columns.push(...c.names);
    for (const r of rows) r.push(...c.names.map(() => null));
    for (const [x, values] of entries) {
      let r = rowAt.get(x);
      if (!r) {
        r = columns.map(() => null);
        r[xi] = x;
        rows.push(r);
        rowAt.set(x, r);
      }
      values.forEach((v, k) => (r[at + k] = v));
    }
  }
  return { columns, rows };
}

/** The overlays of a plot: point sets, and lines marked `overlay` (published data drawn over computed curves). */
export const overlaysOf = (series: readonly Series[]) =>
  series.filter((s) => s.mark === 'points' || (s.mark === 'line' && s.overlay));

/** Where the plot's rules and spans are, for the JSON: `{ "alpha-sp": 1.23, "hard": [2.1, 3.4] }`. */
export function markersOf(series: readonly Series[]): Record<string, number | [number, number]> {
  const out: Record<string, number | [number, number]> = {};
  for (const s of series) {
    if (s.mark === 'rule') out[s.id] = s.at;
    if (s.mark === 'span') out[s.id] = [s.x0, s.x1];
  }
  return out;
}

/** A column of a plot's read-out (hover box, α cursor) and how it is labelled there. */
export interface ReadoutColumn {
  column: string;
  label: string;
}

/**
 * What a plot's hover box and cursor read: the table of its drawn lines and point sets, rows sorted by x (x first),
 * the x column, then one column per series with a text label (unlabelled guides and ghosts stay out).
 */
export function readoutOf(
  series: readonly Series[],
  xColumn: string,
  xLabel: string,
): { table: DataTable; columns: ReadoutColumn[] } {
  const t = withSeries(series, xColumn);
  const rows = [...t.rows].sort((a, b) => Number(a[0]) - Number(b[0]));
  const columns: ReadoutColumn[] = [{ column: xColumn, label: xLabel }];
  for (const s of series)
    if ((s.mark === 'line' || s.mark === 'points') && typeof s.label === 'string' && t.columns.includes(s.id))
      columns.push({ column: s.id, label: s.label });
  return { table: { columns: t.columns, rows }, columns };
}

/** The labelled values of row `i` (empty cells left out), numbers to five digits. */
export function rowValues(table: DataTable, columns: readonly ReadoutColumn[], i: number): [string, string][] {
  const row = table.rows[i];
  const out: [string, string][] = [];
  if (!row) return out;
  for (const c of columns) {
    const k = table.columns.indexOf(c.column);
    const v = k < 0 ? null : row[k];
    if (v === null || v === undefined || v === '') continue;
    out.push([c.label, typeof v === 'number' ? formatValue(v, 5) : String(v)]);
  }
  return out;
}
