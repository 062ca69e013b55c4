import { describe, expect, it } from 'vitest';
import { commands } from './cli';

const run = (flags: Record<string, string | boolean>) => {
  const rows: Record<string, unknown>[] = [];
  const base = { activation: 'tanh2-nolin', gamma: '1', delta: '0.1', readout: 'ones', weights: 'gaussian' };
  commands.mlp.run({ ...base, ...flags }, (r) => rows.push(r));
  return rows;
};

describe('mlp --branch by name: a branch that does not exist is null with a note at every depth', () => {
  it('depth 2 below the spinodal: no ε = 1 labelled "specialised" (its start falls into the universal point)', () => {
    const rows = run({ depth: '2', branch: 'specialised', alpha: '2,6' });
    expect(rows[0]).toMatchObject({ alpha: 2, eps: null, branch: null, f: null, converged: false });
    expect(rows[0].note).toMatch(/no specialised stationary point at this alpha.*universal/);
    // Above the spinodal the branch is there, with the contract's value (checks/cli-contract.mjs, any-depth).
    expect(rows[1].branch).toBe('specialised');
    expect(rows[1].eps as number).toBeCloseTo(0.0528082078, 6);
  });

  it('depth 1 says the same below the spinodal', () => {
    const rows = run({ depth: '1', branch: 'large-Q', alpha: '1' });
    expect(rows[0]).toMatchObject({ eps: null, branch: null, converged: false });
    expect(rows[0].note).toMatch(/no large-Q stationary point at this alpha/);
  });
});
