import { describe, expect, it } from 'vitest';
import { markersOf, overlaysOf, withSeries } from './seriesTable';
import { rule, type Series } from './lineGeometry';

const line: Series = { mark: 'line', id: 'eps', colour: '#000', data: [[0, 1], null, [1, 0.5], [2, 0.25]] };
const hmc: Series = {
  mark: 'points',
  id: 'hmc',
  colour: '#0a0',
  data: [
    { x: 1, y: 0.6, err: 0.01 },
    { x: 1.5, y: 0.4 },
  ],
};
const paper: Series = { mark: 'line', id: 'paper', colour: '#999', overlay: true, data: [[2, 0.3]] };
const band: Series = { mark: 'area', id: 'q', colour: '#00f', data: [{ x: 0, lo: 0.9, hi: 1.1 }] };
const sp = rule('alpha-sp', 'x', 1.2, '#666');

describe('the data a LinePlot draws, as a table', () => {
  it('has one column per drawn series, rows matched on equal x, gaps and missing points empty', () => {
    const t = withSeries([line, hmc, band, sp], 'alpha');
    expect(t.columns).toEqual(['alpha', 'eps', 'hmc', 'hmc_err', 'q_lo', 'q_hi']);
    expect(t.rows).toEqual([
      [0, 1, null, null, 0.9, 1.1],
      [1, 0.5, 0.6, 0.01, null, null],
      [2, 0.25, null, null, null, null],
      [1.5, null, 0.4, null, null, null],
    ]);
  });

  it("adds the overlays to a family's own table without reordering its rows", () => {
    const own = {
      columns: ['alpha', 'eps_opt', 'equilibrium'],
      rows: [
        [1, 0.5, 'universal'],
        [2, 0.25, 'universal'],
      ],
    };
    const t = withSeries(overlaysOf([line, hmc, paper, sp]), 'alpha', own);
    expect(t.columns).toEqual(['alpha', 'eps_opt', 'equilibrium', 'hmc', 'hmc_err', 'paper']);
    expect(t.rows).toEqual([
      [1, 0.5, 'universal', 0.6, 0.01, null],
      [2, 0.25, 'universal', null, null, 0.3],
      [1.5, null, null, 0.4, null, null],
    ]);
    expect(own.rows[0]).toHaveLength(3); // the family's table is left as it was
  });

  it('adds the x column to a table without one, and skips empty series and columns already there', () => {
    const empty: Series = { mark: 'points', id: 'none', colour: '#000', data: [] };
    const t = withSeries([hmc, empty, { ...line, id: 'v' }], 'alpha', { columns: ['v'], rows: [[7]] });
    expect(t.columns).toEqual(['v', 'alpha', 'hmc', 'hmc_err']);
    expect(t.rows[0]).toEqual([7, null, null, null]);
    expect(t.rows).toHaveLength(3);
  });

  it('records rules and spans for the JSON', () => {
    expect(markersOf([line, sp, { mark: 'span', id: 'hard', colour: '#f00', x0: 1, x1: 2 }])).toEqual({
      'alpha-sp': 1.2,
      hard: [1, 2],
    });
  });
});
