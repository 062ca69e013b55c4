// CLI command `matrix-tensor`: the spiked matrix–tensor model (arXiv 1812.09066, 1902.00139, 1907.08226). Rows of
// the overlap on both state-evolution branches against 1/Δ2, or (--lines) the thresholds of the phase diagram as
// one row per Δp. Flags of the page's parameters come from the table in params.ts.
import {
  asUsage,
  flagOf,
  listWhere,
  numberWhere,
  parseNumber,
  UsageError,
  type FlagSpec,
} from '../../platform/cli/args';
import { boundWork, num, type Command } from '../../platform/cli/command';
import { numberRow, rowOf } from '../../platform/state/hashCodec';
import { branches, overlapCurve, validateMatrixTensor } from '../../physics/classic/matrixTensor';
import { langevinRun, langevinWork, validateLangevin } from '../../physics/classic/matrixTensorLangevin';
import { thresholdsAt, U_MAX } from '../../physics/classic/matrixTensorThresholds';
import { MATRIX_TENSOR_TABLE, SIM_DT, type MatrixTensorUiParams } from './params';
import { diagramGrid, overlapGrid } from './protocol';

const flag = (field: keyof MatrixTensorUiParams) => flagOf(rowOf(MATRIX_TENSOR_TABLE, field));
const valid = (field: keyof MatrixTensorUiParams) => {
  const r = numberRow(MATRIX_TENSOR_TABLE, field);
  return r.valid ?? { min: r.min, max: r.max };
};

const flags: Record<string, FlagSpec> = {
  p: flag('p'),
  'delta-p': flag('deltaP'),
  'inv-delta2': {
    kind: 'list',
    help: 'values of 1/Δ2 of the overlap rows (default: the page’s 241 up to --inv-delta2-max)',
  },
  'inv-delta2-max': flag('invDelta2Max'),
  lines: {
    kind: 'boolean',
    help:
      'print the threshold lines instead: one row per Δp {deltaP, invDelta2IT, invDelta2Hard (start of the hard ' +
      'phase), invDelta2AMP, invDelta2Spinodal, invDelta2GF, invDelta2Triv, invDelta2Langevin (Langevin at T = 1 ' +
      'leaves m ≈ 0)} (null: not reached below 1/Δ2 = 1000)',
  },
  'delta-ps': { kind: 'list', help: 'with --lines: the Δp values (default: the page’s 64 points up to --delta-p-max)' },
  'delta-p-max': flag('deltaPMax'),
  simulate: {
    kind: 'boolean',
    help: 'simulate the Langevin dynamics of one sample of size --sim-n (p = 3, at --delta-p): rows {t, m}, then the theory',
  },
  'sim-inv-delta2': flag('simInvDelta2'),
  'sim-t': flag('simT'),
  'sim-temperature': flag('simTemperature'),
  seed: flag('seed'),
  'sim-n': flag('simN'),
};

/** --simulate: one Langevin run, rows {t, m} (a direct simulation: converged), then the state-evolution m. */
function simulate(f: Record<string, string | boolean>, p: number, emit: (row: Record<string, unknown>) => void) {
  if (p !== 3) throw new UsageError(`--simulate is written for p = 3, got --p ${p}`);
  const u = parseNumber('sim-inv-delta2', f['sim-inv-delta2'] as string);
  if (!(u > 0 && u <= U_MAX)) throw new UsageError(`--sim-inv-delta2 must lie in (0, ${U_MAX}], got ${u}`);
  const req = {
    N: parseNumber('sim-n', f['sim-n'] as string),
    delta2: 1 / u,
    deltaP: parseNumber('delta-p', f['delta-p'] as string),
    tMax: parseNumber('sim-t', f['sim-t'] as string),
    dt: SIM_DT,
    temperature: parseNumber('sim-temperature', f['sim-temperature'] as string),
    seed: parseNumber('seed', f.seed as string),
  };
  asUsage(() => validateLangevin(req));
  boundWork(langevinWork(req) / 2e7, '--sim-n or --sim-t'); // ≥ 2·10⁷ multiply-adds a second on a slow core
  for (const pt of langevinRun(req, 100)) emit({ N: req.N, t: pt.t, m: num(pt.m), converged: true });
  const b = branches({ p: 3, delta2: req.delta2, deltaP: req.deltaP });
  emit({ theory: true, mBayes: b[b.equilibrium].m, mAmp: b.amp.m, converged: true });
}

export const commands: Record<string, Command> = {
  'matrix-tensor': {
    help:
      'Spiked matrix–tensor model, spherical prior: overlap m of Bayes-AMP from m = 0⁺ (mAmp) and of state ' +
      'evolution from m = 1⁻ (mInformative), their RS free entropies, the Bayes-optimal m (larger Φ); --lines: the ' +
      'IT, AMP, spinodal, gradient-flow, Kac–Rice and Langevin (T = 1) thresholds in 1/Δ2 (arXiv 1812.09066, ' +
      '1902.00139, 1907.08226)',
    flags,
    nullable: ['invDelta2IT', 'invDelta2Hard', 'invDelta2AMP', 'invDelta2Triv', 'invDelta2Langevin'],
    // --simulate rows are one finished run (direct); the theory row closes it.
    run(f, emit) {
      const p = parseNumber('p', f.p as string);
      if (f.simulate) {
        simulate(f, p, emit);
        return;
      }
      if (f.lines) {
        const v = valid('deltaP');
        const deltaPs =
          typeof f['delta-ps'] === 'string'
            ? listWhere(f, 'delta-ps', (x) => x >= v.min && x <= v.max, `[${v.min}, ${v.max}]`)
            : diagramGrid(numberWhere(f, 'delta-p-max', (x) => x > 0 && x <= 1e4, '(0, 1e4]'));
        asUsage(() => validateMatrixTensor({ p, delta2: 1, deltaP: deltaPs[0] }));
        boundWork(deltaPs.length * 0.15, 'the number of --delta-ps values'); // ≈ 40 ms a Δp on a slow core
        for (const deltaP of deltaPs) {
          const t = thresholdsAt(p, deltaP);
          emit({
            p,
            deltaP,
            invDelta2IT: t.it,
            invDelta2Hard: t.hard,
            invDelta2AMP: t.amp,
            invDelta2Spinodal: t.spinodal,
            invDelta2GF: t.gf,
            invDelta2Triv: t.triv,
            invDelta2Langevin: t.langevin,
            converged: t.converged,
            ...(t.reason ? { reason: t.reason } : {}),
          });
        }
        return;
      }
      const deltaP = parseNumber('delta-p', f['delta-p'] as string);
      const us = (
        typeof f['inv-delta2'] === 'string'
          ? listWhere(f, 'inv-delta2', (u) => u >= 0 && u <= U_MAX, `[0, ${U_MAX}]`)
          : overlapGrid(numberWhere(f, 'inv-delta2-max', (u) => u > 0 && u <= U_MAX, `(0, ${U_MAX}]`))
      ).sort((a, b) => a - b);
      boundWork(us.length * 2e-3, 'the number of --inv-delta2 values');
      for (const r of asUsage(() => overlapCurve(p, deltaP, us))) {
        const conv = r.amp.converged && r.informative.converged;
        emit({
          p,
          deltaP,
          invDelta2: r.invDelta2,
          mAmp: num(r.amp.m),
          mInformative: num(r.informative.m),
          mBayes: num(r[r.equilibrium].m),
          phiAmp: num(r.amp.phi),
          phiInformative: num(r.informative.phi),
          branch: r.equilibrium,
          converged: conv,
          ...(conv ? {} : { reason: 'a fixed point’s Brent root did not converge' }),
        });
      }
    },
  },
};
