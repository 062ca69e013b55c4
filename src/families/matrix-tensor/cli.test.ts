// The `matrix-tensor` command: overlap rows on both branches, threshold lines, flags from the table, refusals.
import { describe, expect, it } from 'vitest';
import { parseFlags, UsageError } from '../../platform/cli/args';
import { commands } from './cli';

const cmd = commands['matrix-tensor'];
const run = (args: string[]) => {
  const rows: Record<string, unknown>[] = [];
  cmd.run(parseFlags(args, cmd.flags), (r) => rows.push(r));
  return rows;
};

describe('matrix-tensor CLI', () => {
  it('prints m on both branches, in increasing 1/Δ2, each row converged', () => {
    const rows = run(['--p', '3', '--delta-p', '0.5', '--inv-delta2', '1.2,0.9,0']);
    expect(rows.map((r) => r.invDelta2)).toEqual([0, 0.9, 1.2]);
    expect(rows.every((r) => r.converged === true)).toBe(true);
    // At Δp = 0.5, 1/Δ2 = 0.9 lies between 1/Δ2_IT ≈ 0.851 and 1/Δ2_AMP = 1: the informative branch is the
    // equilibrium while AMP stays at m = 0 (the hard phase).
    expect(rows[1]).toMatchObject({ mAmp: 0, branch: 'informative' });
    expect(rows[1].mInformative as number).toBeGreaterThan(0.4);
    expect(rows[2].mAmp).toBeCloseTo(rows[2].mInformative as number, 12);
  });

  it('--lines: one row per Δp with the thresholds, the GF line in closed form', () => {
    const rows = run(['--lines', '--delta-ps', '0.5,2']);
    expect(rows).toHaveLength(2);
    expect(rows[1]).toMatchObject({ p: 3, deltaP: 2, converged: true });
    expect(rows[1].invDelta2GF).toBeCloseTo((1 + Math.sqrt(1 + 4)) / 2, 12); // u² = u + (p − 1)/Δp
    // Langevin at T = 1, p = 3: max(1, √(2/Δp)) (note §4c)
    expect(rows[0].invDelta2Langevin).toBeCloseTo(2, 12);
    expect(rows[1].invDelta2Langevin).toBeCloseTo(1, 12);
    expect(rows[0].invDelta2IT as number).toBeLessThan(1);
    expect(run(['--lines', '--delta-p-max', '2'])).toHaveLength(64);
    expect(cmd.flags.p).toMatchObject({ default: '3' });
    expect(run(['--inv-delta2-max', '2'])).toHaveLength(241); // the page's grid of the overlap plot
  });

  it('refuses p < 3, a negative 1/Δ2 and Δp out of range with one line', () => {
    expect(() => run(['--p', '2'])).toThrow(new UsageError('p must be an integer in [3, 8], got 2'));
    expect(() => run(['--inv-delta2', '-1'])).toThrow('--inv-delta2 values must lie in [0, 1000]');
    expect(() => run(['--lines', '--delta-ps', '0'])).toThrow(UsageError);
    expect(() => run(['--delta-p', '0'])).toThrow('deltaP must lie in (0, 1e6], got 0');
  });
});

describe('matrix-tensor CLI --simulate', () => {
  it('prints m(t) of one seeded run at N = --sim-n, then the theory row; refuses p ≠ 3 and too much work', () => {
    const args = ['--simulate', '--sim-n', '16', '--sim-t', '4', '--delta-p', '1e6', '--sim-inv-delta2', '2'];
    const rows = run(args);
    expect(rows).toHaveLength(102); // m(0), 100 times, the theory
    expect(rows[0]).toMatchObject({ N: 16, t: 0, converged: true });
    expect(rows[101]).toMatchObject({ theory: true, converged: true });
    expect(rows[101].mBayes).toBeCloseTo(0.5, 5); // spiked Wigner: m = 1 − Δ2
    expect(run(args)).toEqual(rows);
    expect(() => run([...args, '--p', '4'])).toThrow('--simulate is written for p = 3, got --p 4');
    expect(() => run(['--simulate', '--sim-n', '400', '--sim-t', '400'])).toThrow(UsageError);
  });
});
