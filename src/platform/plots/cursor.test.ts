// The read-out of LinePlot's hover box and x cursor: what it lists, and what the plot draws for a cursor; the
// progress beside a caption.
import { describe, expect, it } from 'vitest';
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { LinePlot, type Series } from './LinePlot';
import { readoutOf, rowValues } from './seriesTable';
import { Progress } from './Progress';
import { curveBusy } from './busy';

const SERIES: Series[] = [
  {
    mark: 'line',
    id: 'eq',
    colour: '#111',
    label: 'ε, equilibrium',
    data: [
      [0.5, 0.4],
      [1, 0.3],
      [1.5, 0.2],
    ],
  },
  { mark: 'line', id: 'meta', colour: '#222', label: 'ε, metastable', data: [null, [1, 0.35], [1.5, 0.33]] },
  { mark: 'line', id: 'ghost', colour: '#333', data: [[1, 0.9]] }, // unlabelled: drawn, not read out
  { mark: 'points', id: 'gamp', colour: '#444', label: 'GAMP', data: [{ x: 0.75, y: 0.36, err: 0.01 }] },
];

describe('plot read-out', () => {
  it('lists x then each labelled series, rows sorted by x, empty cells left out', () => {
    const { table, columns } = readoutOf(SERIES, 'alpha', 'α');
    expect(columns.map((c) => c.label)).toEqual(['α', 'ε, equilibrium', 'ε, metastable', 'GAMP']);
    expect(table.rows.map((r) => r[0])).toEqual([0.5, 0.75, 1, 1.5]);
    expect(rowValues(table, columns, 2)).toEqual([
      ['α', '1'],
      ['ε, equilibrium', '0.3'],
      ['ε, metastable', '0.35'],
    ]);
    expect(rowValues(table, columns, 1)).toEqual([
      ['α', '0.75'],
      ['GAMP', '0.36'],
    ]);
  });

  it('draws the cursor at the nearest row with a ring per value, and reads it out under the plot', () => {
    const plot = (at: number | undefined) =>
      renderToStaticMarkup(
        createElement(LinePlot, {
          testId: 'plot-t',
          caption: 't',
          xLabel: 'α',
          yLabel: 'ε',
          series: SERIES,
          xDomain: [0, 2],
          xColumn: 'alpha',
          cursor: { symbol: 'α', at, onChange: () => undefined },
        }),
      );
    const none = plot(undefined);
    expect(none).not.toContain('cursor-mark');
    expect(none).toContain('Click or drag on the plot to read the curves at one α.');
    expect(none).toContain('class="cursor-area"');
    const html = plot(1.1); // nearest row: α = 1
    expect(html.match(/<g class="plot-cursor"[\s\S]*?<\/g>/)![0].match(/<circle/g)).toHaveLength(2);
    const text = html.match(/data-testid="plot-t-cursor"[^>]*>([\s\S]*?)<\/p>/)![1].replace(/<[^>]+>/g, '');
    expect(text).toBe('α = 1 · ε, equilibrium 0.3 · ε, metastable 0.35');
  });
});

describe('solve progress', () => {
  const text = (html: string) => html.replace(/<[^>]+>/g, '');
  it('counts what the store says is done, else says computing; nothing when idle', () => {
    const counted = renderToStaticMarkup(createElement(Progress, { busy: { done: 12, total: 40, unit: 'α' } }));
    expect(counted).toMatch(/<progress max="40" value="12"/);
    expect(counted).toContain('class="busy solve-progress"');
    expect(text(counted)).toBe(' ·  computing… 12/40 α');
    const phase = renderToStaticMarkup(createElement(Progress, { busy: { done: 40, total: 40, phase: 'thresholds' } }));
    expect(text(phase)).toBe(' ·  computing… thresholds');
    const plain = renderToStaticMarkup(createElement(Progress, { busy: true }));
    expect(plain).not.toMatch(/value=/);
    expect(text(plain)).toBe(' ·  computing…');
    expect(renderToStaticMarkup(createElement(Progress, { busy: false }))).toBe('');
  });

  it('reads a streamed curve: the newest request’s filled slots, else just computing', () => {
    const curve = { gen: 3, slots: [1, null, null, 4], points: [1, 4] };
    expect(curveBusy(true, curve, 3)).toEqual({ done: 2, total: 4, unit: 'α' });
    expect(curveBusy(true, curve, 4)).toBe(true); // an older curve on screen
    expect(curveBusy(true, { ...curve, points: [1, 2, 3, 4] }, 3)).toBe(true); // all in: the rest of the solve
    expect(curveBusy(true, null, 3)).toBe(true);
    expect(curveBusy(false, curve, 3)).toBe(false);
  });
});
