// Issue 15 §3 through the CLI command: the authors' large-Q values (binary W, v = 1, γ = 0.5) by name, and α = 0.
import { describe, expect, it } from 'vitest';
import { commands } from './cli';

const run = (flags: Record<string, string>) => {
  const rows: Record<string, unknown>[] = [];
  const base = { gamma: '0.5', readout: 'ones', weights: 'rademacher', depth: '1' };
  commands.mlp.run({ ...base, ...flags }, (r) => rows.push(r));
  return rows;
};

describe('mlp --branch large-Q: the branch of the authors’ informative binary-W points below α_sp', () => {
  // Minh-Toan/statphys-deep-NN @ c45c86f, rademacher-W/data/<act>/W_rad/Delta_<Δ>/v_ones/unified.csv (qw_, mmse_):
  // h23 α = 1.6006: ε = 0.114169, Q = 0.939204; h2 α = 3.00025: ε = 0.007722; ELU α = 3.5003: ε = 0.004565 with g
  // truncated at 15 Hermite terms (the exact g gives 2.3 % less; branchCurve.test.ts).
  it.each([
    ['h23', '1.25', '1.6006', 0.114169, 1e-4, 0.939204],
    ['h2', '1.25', '3.00025', 0.007722, 2e-3, 0.995931],
    ['elu', '0.1', '3.5003', 0.004565, 0.03, null],
  ] as const)('%s, Δ = %s, α = %s', (activation, delta, alpha, eps, tol, q) => {
    const [row] = run({ activation, delta, alpha, branch: 'large-Q' });
    expect(row).toMatchObject({ branch: 'specialised', branchName: 'large-Q', converged: true });
    expect(Math.abs((row.eps as number) / eps - 1)).toBeLessThan(tol);
    if (q !== null) expect((row.Q as Record<string, number>)['1']).toBeCloseTo(q, 4);
    // The default name `specialised` is this branch too (not the small-Q one between the spinodal and α_sp).
    expect(run({ activation, delta, alpha, branch: 'specialised' })[0].eps).toBe(row.eps);
  });

  it('α = 0 prints the prior error with a note, not a silent null, whichever branch is asked for', () => {
    const [row] = run({ activation: 'h23', delta: '1.25', alpha: '0', branch: 'universal' });
    expect(row.eps).toBeCloseTo(7 / 6, 12); // E σ² − μ0² − μ1² = μ2²/2 + μ3²/6 = 1 + 1/6 for h23
    expect(row.f).toBeNull();
    expect(row.note).toMatch(/^alpha = 0: no data; eps is the prior error/);
    const [sp] = run({ activation: 'h23', delta: '1.25', alpha: '0', branch: 'specialised' });
    expect(sp).toMatchObject({ eps: null, branch: null, f: null });
    expect(sp.epsUni).toBeCloseTo(7 / 6, 12);
    expect(sp.note).toMatch(/^alpha = 0: no data; no specialised stationary point, epsUni is the prior error/);
  });
});
