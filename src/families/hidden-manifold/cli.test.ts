// The `hidden-manifold` command: flags and defaults from the parameter table, curve rows with `converged`, the
// λ → 0⁺ peak as a null with `diverges`, --simulate and --sgd rows, and one-line usage errors.
import { describe, expect, it } from 'vitest';
import { parseFlags, UsageError } from '../../platform/cli/args';
import { honestRow } from '../../platform/cli/command';
import { HMM_TABLE } from './params';
import { commands } from './cli';

const cmd = commands['hidden-manifold'];
const run = (args: string[]) => {
  const rows: Record<string, unknown>[] = [];
  void cmd.run(parseFlags(args, cmd.flags), (r) => rows.push(honestRow(r, cmd)));
  return rows;
};

describe('hidden-manifold CLI', () => {
  it('takes its defaults from the table', () => {
    for (const s of HMM_TABLE) expect(cmd.flags[s.key].default, s.key).toBe(String(s.def));
  });

  it('prints one converged row per α, and the λ → 0⁺ peak at α = 1 as null with diverges', () => {
    const rows = run(['--alpha', '0.5,1,2', '--lambda', '0']);
    expect(rows).toHaveLength(3);
    expect(rows[0]).toEqual(
      expect.objectContaining({ alpha: 0.5, testError: expect.any(Number), diverges: false, converged: true }),
    );
    expect(rows[1]).toEqual(expect.objectContaining({ alpha: 1, testError: null, diverges: true, converged: true }));
    expect(rows[2].testError as number).toBeLessThan(rows[0].testError as number);
  });

  it('--simulate: mean and standard error over seeds beside the theory', () => {
    const rows = run(['--alpha', '2', '--simulate', '--N', '60', '--seeds', '2', '--lambda', '0.01']);
    expect(rows).toEqual([
      expect.objectContaining({ alpha: 2, N: 60, D: 30, seeds: 2, mean: expect.any(Number), se: expect.any(Number) }),
    ]);
    const r = rows[0] as { mean: number; testError: number };
    expect(Math.abs(r.mean - r.testError)).toBeLessThan(0.3 * r.testError); // N = 60: a loose O(1/√N) check
  });

  it('--sgd: rows per run of each data kind, then the final errors', () => {
    const rows = run(['--sgd', '--N', '40', '--seeds', '1', '--sgd-alpha', '5', '--points', '3']);
    const samples = rows.filter((r) => !r.summary);
    expect(samples).toHaveLength(2 * 4); // α = 0 and 3 sample times, per data kind
    expect(samples[0]).toEqual({ data: 'hmm', seed: 0, alpha: 0, epsG: expect.any(Number), converged: true });
    expect(samples[4].data).toBe('iid');
    expect(rows[rows.length - 1]).toEqual(
      expect.objectContaining({ summary: true, N: 40, D: 20, epsGFinalHmm: [expect.any(Number)] }),
    );
  });

  it('refuses bad input with a usage error', () => {
    expect(() => run(['--delta', '0'])).toThrow(UsageError);
    expect(() => run(['--f', 'linear'])).toThrow(/linear/);
    expect(() => run(['--alpha', '-1'])).toThrow(UsageError);
    expect(() => run(['--simulate', '--N', '5'])).toThrow(/--N must be/);
    expect(() => run(['--sgd', '--N', '40', '--K', '0'])).toThrow(/K must be/);
    expect(() => run(['--sgd', '--N', '2000', '--sgd-alpha', '10000', '--delta', '4', '--seeds', '16'])).toThrow(
      UsageError,
    );
  });

  it('--loss logistic: the classification error per α, and --simulate beside it', () => {
    const rows = run(['--loss', 'logistic', '--alpha', '0.5,2', '--lambda', '0.05']);
    expect(rows).toHaveLength(2);
    expect(rows[0]).toEqual(
      expect.objectContaining({ alpha: 0.5, classError: expect.any(Number), m: expect.any(Number), converged: true }),
    );
    expect(rows[1].classError as number).toBeLessThan(rows[0].classError as number);
    const sim = run([
      '--loss',
      'logistic',
      '--alpha',
      '2',
      '--lambda',
      '0.01',
      '--simulate',
      '--N',
      '60',
      '--seeds',
      '2',
    ]);
    expect(sim).toEqual([
      expect.objectContaining({ alpha: 2, N: 60, seeds: 2, mean: expect.any(Number), converged: true }),
    ]);
    expect(() => run(['--loss', 'logistic', '--lambda', '0'])).toThrow(/λ must be/);
    expect(() => run(['--loss', 'logistic', '--f', 'relu', '--lambda', '0.1'])).toThrow(/odd non-linear/);
  });
});
