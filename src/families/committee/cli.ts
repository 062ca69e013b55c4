// CLI command `committee`: the Bayes-optimal committee machine, K = 2 or 3 (arXiv 1806.05451). Flags of the page's
// parameters come from the table in params.ts.
import { flagOf, listWhere, numberWhere, parseNumber, UsageError, type FlagSpec } from '../../platform/cli/args';
import { boundWork, num, type Command } from '../../platform/cli/command';
import { rowOf } from '../../platform/state/hashCodec';
import { ampFixedPoint, committeeCurve, COMMITTEE_KS, type CommitteeK } from '../../physics/classic/committee';
import type { CommitteePrior } from '../../physics/classic/committeePrior';
import { committeeThresholds } from '../../physics/classic/committeeThresholds';
import { COMMITTEE_TABLE } from './params';

const flags: Record<string, FlagSpec> = {
  K: { kind: 'number', help: 'hidden units (K = 2 or 3; K = 3 on the committee-symmetric manifold)', default: '2' },
  prior: flagOf(rowOf(COMMITTEE_TABLE, 'prior')),
  alpha: { kind: 'list', help: 'α = m/n values', default: '0.25:5:0.25' },
  thresholds: {
    kind: 'boolean',
    help:
      'print {alphaSpec, alphaIT, alphaAMP, alphaSymBreak} (null where not defined); ±1 weights: alphaAMP = state ' +
      'evolution from the uninformed start reaches q = I, alphaSymBreak = it leaves q11 = q12 (below alphaAMP); ' +
      'K = 3, Gaussian weights: specialisation is first order, alphaIT = the Φ crossing, alphaAMP = where q11 = q12 ' +
      'loses stability, and the added key alphaSpinodal = where the specialised branch appears',
  },
  'alpha-max': flagOf(rowOf(COMMITTEE_TABLE, 'alphaMax'), {
    default: undefined,
    help: 'largest α searched by --thresholds (default 6 for K = 2, 25 for K = 3)',
  }),
};

export const commands: Record<string, Command> = {
  committee: {
    help:
      'Bayes-optimal committee machine K = 2 or 3, sign–sign output; eps = ½(E y² − E(Σ_y y Z)²); amp* keys: the fixed ' +
      'point of AMP from the uninformed start (arXiv 1806.05451)',
    flags,
    nullable: ['alphaSpec', 'alphaIT', 'alphaAMP', 'alphaSymBreak', 'alphaSpinodal'], // --thresholds: not defined (no transition below --alpha-max)
    run(f, emit) {
      const K = parseNumber('K', f.K as string);
      if (!(COMMITTEE_KS as readonly number[]).includes(K))
        throw new UsageError(`--K must be 2 or 3 (K ≥ 4 is not implemented), got ${K}`);
      const model = { prior: f.prior as CommitteePrior, K: K as CommitteeK };
      if (f.thresholds) {
        if (f['alpha-max'] === undefined) f['alpha-max'] = K === 3 ? '25' : '6';
        const alphaMax = numberWhere(f, 'alpha-max', (a) => a > 0 && a <= 1000, '(0, 1000]');
        const t = committeeThresholds(model, alphaMax);
        emit({
          alphaSpec: num(t.alphaSpec ?? NaN),
          alphaIT: num(t.alphaIT ?? NaN),
          alphaAMP: num(t.alphaAMP ?? NaN),
          alphaSymBreak: num(t.alphaSymBreak ?? NaN),
          ...(K === 3 ? { alphaSpinodal: num(t.alphaSpinodal ?? NaN) } : {}),
          converged: t.converged,
        });
        return;
      }
      const order = listWhere(f, 'alpha', (a) => a >= 0 && a <= 1e6, '[0, 1e6]').sort((a, b) => a - b);
      // ≈ 0.25 s a point on a slow core for K = 2; K = 3 (3-D integrals on the specialised branch) ≈ 3 s.
      boundWork(order.length * (K === 3 ? 4 : 0.5), 'the number of --alpha values');
      for (const p of committeeCurve(model, order)) {
        const b = p.equilibrium === 'specialised' && p.specialised ? p.specialised : p.nonSpecialised;
        const amp = ampFixedPoint(p);
        emit({
          alpha: p.alpha,
          q11: num(b.q11),
          q12: num(b.q12),
          eps: num(b.eps),
          f: num(b.f),
          branch: p.equilibrium,
          lambda: num(p.lambda),
          converged: b.converged,
          ...(b.converged ? {} : { reason: `${p.equilibrium} fixed point not converged (residual ${b.residual})` }),
          // AMP from the uninformed start (±1 weights: partially specialised between alphaSymBreak and alphaAMP).
          ampQ11: num(amp.q11),
          ampQ12: num(amp.q12),
          ampEps: num(amp.eps),
        });
      }
    },
  },
};
