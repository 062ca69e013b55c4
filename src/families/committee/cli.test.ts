// The `committee` command: K = 2 or 3, α sorted before the branches are followed, flags from the table.
import { describe, expect, it } from 'vitest';
import { parseFlags, UsageError } from '../../platform/cli/args';
import { commands } from './cli';

const run = (args: string[]) => {
  const rows: Record<string, unknown>[] = [];
  commands.committee.run(parseFlags(args, commands.committee.flags), (r) => rows.push(r));
  return rows;
};

describe('committee CLI', () => {
  it('follows the branches in increasing α whatever the order given', () => {
    expect(run(['--alpha', '1,0.5']).map((r) => r.alpha)).toEqual([0.5, 1]);
    expect(commands.committee.flags.prior).toMatchObject({ default: 'gaussian', choices: ['gaussian', 'rademacher'] });
  });

  it('K = 3: the same keys as K = 2, every row converged, q = α/(2π)·11ᵀ to leading order at small α', () => {
    const k2 = run(['--alpha', '0.05']);
    const k3 = run(['--K', '3', '--alpha', '0.05,1']);
    expect(k3.map((r) => Object.keys(r).sort())).toEqual([Object.keys(k2[0]).sort(), Object.keys(k2[0]).sort()]);
    for (const r of k3) expect(r).toMatchObject({ converged: true, branch: 'nonSpecialised' });
    expect(Math.abs((k3[0].q11 as number) / (0.05 / (2 * Math.PI)) - 1)).toBeLessThan(0.02);
    expect(k3[0].q12).toBe(k3[0].q11);
    // ±1 weights at α = 2: below α_IT ≈ 3.77 the non-specialised point is the equilibrium
    expect(run(['--K', '3', '--prior', 'rademacher', '--alpha', '2'])[0]).toMatchObject({
      branch: 'nonSpecialised',
      converged: true,
    });
  });

  it('refuses K outside {2, 3} and an α range beyond 1000', () => {
    expect(() => run(['--K', '4'])).toThrow('--K must be 2 or 3 (K ≥ 4 is not implemented), got 4');
    expect(() => run(['--K', '2.5'])).toThrow(UsageError);
    expect(() => run(['--thresholds', '--alpha-max', '2000'])).toThrow('--alpha-max must lie in (0, 1000], got 2000');
  });
});
