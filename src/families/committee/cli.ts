// CLI command `committee`: the Bayes-optimal K = 2 committee machine (arXiv 1806.05451). Flags of the page's
// parameters come from the table in params.ts.
import { flagOf, listWhere, numberWhere, parseNumber, UsageError, type FlagSpec } from '../../platform/cli/args';
import { boundWork, num, type Command } from '../../platform/cli/command';
import { rowOf } from '../../platform/state/hashCodec';
import { ampFixedPoint, committeeCurve } from '../../physics/classic/committee';
import type { CommitteePrior } from '../../physics/classic/committeePrior';
import { committeeThresholds } from '../../physics/classic/committeeThresholds';
import { COMMITTEE_TABLE } from './params';

const flags: Record<string, FlagSpec> = {
  K: { kind: 'number', help: 'hidden units (K = 2)', default: '2' },
  prior: flagOf(rowOf(COMMITTEE_TABLE, 'prior')),
  alpha: { kind: 'list', help: 'α = m/n values', default: '0.25:5:0.25' },
  thresholds: {
    kind: 'boolean',
    help:
      'print {alphaSpec, alphaIT, alphaAMP, alphaSymBreak} (null where not defined); ±1 weights: alphaAMP = state ' +
      'evolution from the uninformed start reaches q = I, alphaSymBreak = it leaves q11 = q12 (below alphaAMP)',
  },
  'alpha-max': flagOf(rowOf(COMMITTEE_TABLE, 'alphaMax'), { default: '6' }),
};

export const commands: Record<string, Command> = {
  committee: {
    help:
      'Bayes-optimal committee machine K = 2, sign–sign output; eps = ½(E y² − E(Σ_y y Z)²); amp* keys: the fixed ' +
      'point of AMP from the uninformed start (arXiv 1806.05451)',
    flags,
    nullable: ['alphaSpec', 'alphaIT', 'alphaAMP'], // --thresholds: not defined (no transition below --alpha-max)
    run(f, emit) {
      const K = parseNumber('K', f.K as string);
      if (K !== 2) throw new UsageError(`--K ${K} is not implemented (only K = 2)`);
      const prior = f.prior as CommitteePrior;
      if (f.thresholds) {
        const t = committeeThresholds(
          prior,
          numberWhere(f, 'alpha-max', (a) => a > 0 && a <= 1000, '(0, 1000]'),
        );
        emit({
          alphaSpec: num(t.alphaSpec ?? NaN),
          alphaIT: num(t.alphaIT ?? NaN),
          alphaAMP: num(t.alphaAMP ?? NaN),
          alphaSymBreak: num(t.alphaSymBreak ?? NaN),
          converged: t.converged,
        });
        return;
      }
      const order = listWhere(f, 'alpha', (a) => a >= 0 && a <= 1e6, '[0, 1e6]').sort((a, b) => a - b);
      boundWork(order.length * 0.5, 'the number of --alpha values'); // ≈ 0.25 s a point on a slow core
      for (const p of committeeCurve(prior, order)) {
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
          // AMP from the uninformed start (±1 weights: partially specialised between alphaSymBreak and alphaAMP).
          ampQ11: num(amp.q11),
          ampQ12: num(amp.q12),
          ampEps: num(amp.eps),
        });
      }
    },
  },
};
