// CLI of the phase diagrams (src/physics/mlp/phase.ts): the specialisation line α_sp and its spinodals over γ or Δ,
// followed by continuation from row to row. Same model flags as `mlp`.
import { flagOf, parseList, parseNumber, UsageError } from '../../platform/cli/args';
import { rowOf } from '../../platform/state/hashCodec';
import { boundWork, num, type Command } from '../../platform/cli/command';
import type { PhasePlane } from '../../physics/mlp/phaseTypes';
import { criticalPoints, followLine } from '../../physics/mlp/phaseLine';
import { validateShallowParams } from '../../physics/mlp/shallowModel';
import { ACTIVATION_NAMES, type ReadoutLaw, type WeightPrior } from '../../physics/types';
import { URL_TABLE } from './params';

export const phaseCommands: Record<string, Command> = {
  phase: {
    help: 'phase diagram lines of the shallow MLP: α_sp and spinodals over γ (or Δ with --over delta), arXiv 2510.24616',
    flags: {
      activation: flagOf(rowOf(URL_TABLE, 'activation'), {
        help: 'activation name or expr:<expression in x>',
        choices: ACTIVATION_NAMES,
      }),
      readout: flagOf(rowOf(URL_TABLE, 'readout')),
      weights: flagOf(rowOf(URL_TABLE, 'weights')),
      gamma: {
        kind: 'string',
        help: 'γ = k/d: a list 0.1,0.5 or start:stop:step (a number with --over delta)',
        default: '0.1:1.5:0.1',
      },
      delta: { kind: 'string', help: 'Δ, label-noise variance (a list with --over delta)', default: '0.1' },
      over: {
        kind: 'string',
        help: 'which parameter varies along the line',
        default: 'gamma',
        choices: ['gamma', 'delta'],
      },
      'alpha-max': { kind: 'number', help: 'largest α searched', default: '16' },
    },
    // null: that line does not exist (or was not found) below --alpha-max at this row.
    nullable: ['alphaSp', 'spinodalLow', 'spinodalHigh', 'alphaOnset', 'spinodalUni', 'qBelow', 'qAbove'],
    run(flags, emit) {
      const over = flags.over as PhasePlane;
      const alphaMax = parseNumber('alpha-max', flags['alpha-max'] as string);
      if (!(alphaMax > 0 && alphaMax <= 64)) throw new UsageError(`--alpha-max must lie in (0, 64], got ${alphaMax}`);
      const fixedFlag = over === 'gamma' ? 'delta' : 'gamma';
      const fixedText = (flags[fixedFlag] as string).trim();
      if (fixedText.includes(',') || fixedText.includes(':')) {
        throw new UsageError(`--${fixedFlag} must be a single number with --over ${over}, got '${fixedText}'`);
      }
      const fixed = parseNumber(fixedFlag, fixedText);
      const ys = parseList(over, flags[over] as string);
      if (ys.length > 400) throw new UsageError(`--${over} has ${ys.length} values (at most 400)`);
      boundWork(ys.length * 0.5, `the number of --${over} values or --alpha-max`); // ≈ 0.1–0.3 s a row
      const base = validateShallowParams({
        activation: flags.activation as string,
        readout: flags.readout as ReadoutLaw,
        weights: flags.weights as WeightPrior,
        gamma: over === 'gamma' ? ys[0] : fixed,
        delta: over === 'delta' ? ys[0] : fixed,
      });
      // Every row's parameters are checked before any work (one clear message for a bad value).
      for (const y of ys) validateShallowParams(over === 'gamma' ? { ...base, gamma: y } : { ...base, delta: y });
      const lines = followLine(base, over, ys, alphaMax);
      const critical = criticalPoints(base, over, lines, alphaMax);
      const key = (y: number) => (over === 'gamma' ? { gamma: y, delta: base.delta } : { gamma: base.gamma, delta: y });
      lines.forEach((l, i) => {
        emit({
          gamma: over === 'gamma' ? l.y : base.gamma,
          delta: over === 'delta' ? l.y : base.delta,
          alphaSp: nul(l.alphaSp),
          spinodalLow: nul(l.spinodalLow),
          spinodalHigh: nul(l.spinodalHigh),
          alphaOnset: nul(l.alphaOnset),
          spinodalUni: nul(l.spinodalUni),
          order: l.order,
          qBelow: nul(l.qBelow),
          qAbove: nul(l.qAbove),
          converged: l.converged,
          method: l.method,
          // The full set: the continuous onset, every first-order jump with its spinodals, and the critical points
          // (first-order line ends) between the previous row and this one.
          onset: nul(l.onset),
          jumps: l.jumps.map((j) => ({
            alpha: num(j.alpha),
            spinodalLow: num(j.spinodalLow),
            spinodalHigh: nul(j.spinodalHigh),
            qBelow: num(j.qBelow),
            qAbove: num(j.qAbove),
          })),
          criticalPoints: critical
            .filter((c) => c.after === i - 1)
            .map((c) => ({ ...key(c.y), alpha: num(c.alpha), q: num(c.q) })),
        });
      });
    },
  },
};

const nul = (x: number | null) => (x === null ? null : num(x));
