import { describe, expect, it } from 'vitest';
import { clip, csvCell, csvHeaderLine, fileName, parameterCaption, toCsv, toJson, type ExportContext } from './export';
import { epsTable, mlpContext, overlapTable, phaseTable } from '../../families/mlp/export';
import type { LinePoint, PhaseRow } from '../../physics/mlp/phaseTypes';
import { defaultParams } from '../../families/mlp/params';
import type { CurveData } from '../../families/mlp/store';
import type { BranchSolution, ShallowPoint } from '../../physics/types';

const ctx: ExportContext = {
  model: 'mlp',
  params: { activation: 'expr:max(x, 0)', gamma: 0.5 },
  url: 'http://h/#model=mlp&v=2',
};

describe('export text', () => {
  it('writes cells that round-trip: full precision, empty for missing or non-finite, quoted text', () => {
    expect(csvCell(0.1 + 0.2)).toBe('0.30000000000000004');
    expect(Number(csvCell(1 / 3))).toBe(1 / 3);
    expect(csvCell(null)).toBe('');
    expect(csvCell(NaN)).toBe('');
    expect(csvCell(true)).toBe('true');
    expect(csvCell('a,b "c"')).toBe('"a,b ""c"""');
  });

  it('ends the CSV with its notes (title, cite) as comment lines, whitespace folded', () => {
    const csv = toCsv({ columns: ['x'], rows: [[1]] }, ctx, ['title: ε(α)', 'cite: explorer\nv1']);
    expect(csv.split('\n').slice(2)).toEqual(['1', '# title: ε(α)', '# cite: explorer v1', '']);
    expect(parameterCaption(ctx)).toBe('mlp · activation = expr:max(x, 0), gamma = 0.5');
    expect(clip('abcdef', 4)).toBe('abc…');
    expect(clip('abc', 4)).toBe('abc');
  });

  it('puts the parameters and the share URL on one comment line above the column names', () => {
    expect(csvHeaderLine(ctx)).toBe('# model=mlp activation=expr:max(x,0) gamma=0.5 url=http://h/#model=mlp&v=2');
    const csv = toCsv(
      {
        columns: ['alpha', 'eps'],
        rows: [
          [1, 0.5],
          [2, null],
        ],
      },
      ctx,
    );
    expect(csv.split('\n')).toEqual([csvHeaderLine(ctx), 'alpha,eps', '1,0.5', '2,', '']);
  });

  it('writes JSON and safe file names', () => {
    expect(JSON.parse(toJson(ctx, { transition: { alphaSp: 1.5 } }))).toEqual({ ...ctx, transition: { alphaSp: 1.5 } });
    expect(fileName('eps', ctx, 'csv', ['activation', 'gamma'])).toBe('eps_expr-max-x-0-_gamma0.5.csv');
  });
});

function branch(kind: 'universal' | 'specialised', eps: number, q: number[]): BranchSolution {
  return {
    kind,
    eps,
    f: -eps,
    R2: 1.2,
    R2hat: 1,
    tau: 0,
    Q: q,
    Qhat: q,
    converged: true,
    iterations: 3,
    residual: 1e-12,
  };
}

describe('MLP export tables', () => {
  const pts: ShallowPoint[] = [
    {
      alpha: 1,
      eps: 0.04,
      epsUni: 0.041,
      equilibrium: 'universal',
      universal: branch('universal', 0.041, [0, 0]),
      specialised: null,
      stationary: [],
    },
    {
      alpha: 2,
      eps: 0.02,
      epsUni: 0.03,
      equilibrium: 'specialised',
      universal: branch('universal', 0.03, [0, 0]),
      specialised: branch('specialised', 0.02, [0.9, 0.9]),
      stationary: [],
    },
  ];
  const curve = {
    points: pts,
    params: { activation: 'relu', gamma: 0.5, delta: 0.1, readout: 'rad', weights: 'gaussian' },
    header: { atoms: { law: 'rad', v: new Float64Array([-1, 1]), p: new Float64Array([0.5, 0.5]) } },
  } as unknown as CurveData;

  it('has one row per α with the equilibrium and both branches', () => {
    const t = epsTable(curve);
    expect(t.rows).toHaveLength(2);
    expect(t.columns.slice(0, 3)).toEqual(['alpha', 'eps_opt', 'equilibrium']);
    expect(t.rows[0].slice(0, 5)).toEqual([1, 0.04, 'universal', 0.041, null]);
    expect(t.rows[1].slice(0, 5)).toEqual([2, 0.02, 'specialised', 0.03, 0.02]);
  });

  it('groups ±v into one Q column and shifts R2 by ρ2 − 1 (= 0 for centred v)', () => {
    const t = overlapTable(curve);
    expect(t.columns).toEqual([
      'alpha',
      'equilibrium',
      'R2_shifted',
      'Q_v1',
      'R2_shifted_specialised',
      'Q_v1_specialised',
    ]);
    expect(t.rows[1]).toEqual([2, 'specialised', 1.2, 0.9, 1.2, 0.9]);
    expect(t.rows[0][5]).toBeNull();
  });

  it('records the parameters under the CLI flag names with the v2 share link', () => {
    const c = mlpContext(defaultParams(), 'https://x.org/app/');
    expect(c.params).toEqual({
      activation: 'relu',
      gamma: 0.5,
      delta: 0.1,
      readout: 'ones',
      weights: 'gaussian',
      alpha: 2,
      'alpha-max': 8,
    });
    expect(c.url).toBe(
      'https://x.org/app/#model=mlp&v=2&activation=relu&gamma=0.5&delta=0.1&readout=ones&weights=gaussian&alpha=2&alpha-max=8',
    );
  });

  it('writes the phase diagram as a grid with the α of each line drawn on its row', () => {
    const lineOf = (l: Partial<LinePoint>): LinePoint =>
      ({ alphaSp: null, alphaOnset: null, spinodalLow: null, spinodalHigh: null, order: null, ...l }) as LinePoint;
    const sample = (alpha: number, q: number) => ({ alpha, epsOpt: 0.1, epsUni: 0.2, Q: [q], state: 0 as const });
    const rows: (PhaseRow | null)[] = [
      {
        y: 0.5,
        classV2: [1],
        samples: [sample(1, 0), sample(2, 0.8)],
        line: lineOf({ alphaSp: 1.5, alphaOnset: 1.2, spinodalLow: 1.1, spinodalHigh: 1.9, order: 'first-order' }),
      } as PhaseRow,
      null,
      {
        y: 1,
        classV2: [1],
        samples: [sample(1, 0.1)],
        line: lineOf({ alphaSp: 0.7, order: 'continuous' }),
      } as PhaseRow,
    ];
    const t = phaseTable('gamma', rows);
    expect(t.columns).toEqual([
      'gamma',
      'alpha',
      'eps_opt',
      'eps_universal',
      'state',
      'Q_v1',
      'line_alpha_sp',
      'line_onset',
      'line_spinodal_low',
      'line_spinodal_high',
      'order',
    ]);
    expect(t.rows).toEqual([
      [0.5, 1, 0.1, 0.2, 0, 0, 1.5, 1.2, 1.1, 1.9, 'first-order'],
      [0.5, 2, 0.1, 0.2, 0, 0.8, 1.5, 1.2, 1.1, 1.9, 'first-order'],
      // A continuous row draws its α_sp as the onset line and no spinodals (phaseGeometry.linePolylines).
      [1, 1, 0.1, 0.2, 0, 0.1, null, 0.7, null, null, 'continuous'],
    ]);
  });
});
