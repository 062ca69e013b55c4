import { describe, expect, it } from 'vitest';
import { ParamError } from '../../physics/errors';
import { UsageError } from '../../platform/cli/args';
import { runAnyDepth } from './anyDepthCli';

const BASE = {
  activation: 'tanh2-nolin',
  gamma: '1',
  delta: '0.1',
  readout: 'ones',
  weights: 'gaussian',
  branch: 'equilibrium',
  alpha: '6,15',
};
const run = (depth: number, over: Record<string, string | boolean> = {}) => {
  const rows: Record<string, unknown>[] = [];
  runAnyDepth(depth, { ...BASE, ...over }, (r) => rows.push(r));
  return rows;
};

describe('mlp --depth L ≥ 3', () => {
  it('prints alpha, eps, branch, f, q (L overlaps, input side first), converged', () => {
    const rows = run(3);
    expect(rows.map((r) => r.branch)).toEqual(['universal', 'specialised']);
    expect(rows[0].eps).toBe(1);
    const q = rows[1].q as number[];
    expect(q).toHaveLength(3);
    expect(q[0]).toBeGreaterThan(q[2]); // the input side specialises most
    for (const k of ['alpha', 'eps', 'branch', 'f', 'q', 'converged']) expect(rows[1]).toHaveProperty(k);
  });

  it('the specialised branch below α_sp is null with a note; per-layer lists (an expression with commas)', () => {
    const rows = run(3, {
      branch: 'specialised',
      alpha: '1',
      gammas: '1,0.5,2',
      activations: 'tanh2-nolin,h3,expr:(x^3 - 3*x)/sqrt(6)',
    });
    expect(rows[0].eps).toBeNull();
    expect(rows[0].note).toMatch(/spinodal/);
  });

  it('--transition has the keys of the L = 1 transition', () => {
    const [tr] = run(3, { transition: true });
    expect(Object.keys(tr)).toEqual(expect.arrayContaining(['alphaSp', 'spinodalSpec', 'epsSp']));
    expect(tr.alphaSp as number).toBeGreaterThan(tr.spinodalSpec as number);
  });

  it('refuses what the theory does not cover with one line', () => {
    expect(() => run(3, { activation: 'tanh2-unit' })).toThrow(ParamError);
    expect(() => run(4, { weights: 'rademacher' })).toThrow(/Gaussian W/);
    expect(() => run(9)).toThrow(UsageError);
    expect(() => run(3, { gammas: '1,1' })).toThrow(/3 values/);
    expect(() => run(3, { branch: 'layer1' })).toThrow(UsageError);
    expect(() => run(3, { gamma2: '1' })).toThrow(/--depth 2/);
  });
});
