// `mlp --profile` (issue 15 §1): Q(v) at one α, a line per v and branch; bad combinations are usage errors (exit 2).
import { describe, expect, it } from 'vitest';
import { parseFlags, UsageError } from '../../platform/cli/args';
import { commands } from './cli';

const run = (argv: string[]) => {
  const rows: Record<string, unknown>[] = [];
  commands.mlp.run(parseFlags(['--profile', ...argv], commands.mlp.flags), (r) => rows.push(r));
  return rows;
};

describe('mlp --profile', () => {
  it('gauss readouts, ReLU, α = 0.5: 161 v (and more at ±v_low) per branch, partial specialisation', () => {
    const rows = run(['--readout', 'gauss', '--alpha', '0.5', '--delta', '0.1']);
    for (const r of rows)
      expect(r).toMatchObject({
        alpha: 0.5,
        converged: true,
        v: expect.any(Number),
        Q: expect.any(Number),
        Qhat: expect.any(Number),
        branch: expect.any(String),
      });
    const eq = rows.filter((r) => r.equilibrium);
    expect(new Set(eq.map((r) => r.branch))).toEqual(new Set(['large-Q']));
    expect(eq.length).toBe(161 + 2 * 2 + 2 * 5); // the grid, ±v_low twice, 5 more v above each fold
    expect(rows.filter((r) => r.branch === 'universal').every((r) => r.Q === 0)).toBe(true);
    const Q = (v: number) => eq.find((r) => r.v === v)?.Q as number;
    expect(Q(0)).toBe(0); // |v| below v_low ≈ 1.3 is not specialised
    expect(Q(-4)).toBe(Q(4)); // Q depends on v² only
    expect(Q(4)).toBeGreaterThan(0.8);
  });

  it.each([
    [['--alpha', '1,2'], /^--profile needs a single --alpha value, got 2$/],
    [['--alpha', '1', '--transition'], /^--profile and --transition exclude each other$/],
    [['--alpha', '1', '--depth', '2'], /^--profile needs --depth 1$/],
  ])('%j is a usage error', (argv, message) => {
    expect(() => run(argv)).toThrow(UsageError);
    expect(() => run(argv)).toThrow(message);
  });
});
