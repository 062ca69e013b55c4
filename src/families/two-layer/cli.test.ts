// The two-layer CLI contract: keys, the null/diverges convention at the p = n peak, usage errors.
import { describe, expect, it } from 'vitest';
import { main } from '../../cli';

async function run(args: string[]): Promise<{ code: number; rows: Record<string, unknown>[] }> {
  const lines: string[] = [];
  const code = await main(args, (s) => lines.push(s));
  return { code, rows: lines.map((l) => JSON.parse(l)) };
}

describe('two-layer CLI', () => {
  it('rf: ridgeless peak at β = α is null with diverges: true', async () => {
    const { code, rows } = await run([
      'rf',
      '--activation',
      'tanh',
      '--target',
      'linear',
      '--alpha',
      '1',
      '--beta',
      '0.5,1,2',
      '--lambda',
      '0',
      '--noise',
      '0.3',
    ]);
    expect(code).toBe(0);
    expect(rows.map((r) => r.diverges)).toEqual([false, true, false]);
    expect(rows[1].testError).toBeNull();
    expect(Math.abs((rows[2].testError as number) - 0.678155)).toBeLessThan(1e-6);
  });
  it('krr, onestep, sgd-escape keys', async () => {
    expect(Object.keys((await run(['krr', '--alpha', '2'])).rows[0])).toEqual(
      expect.arrayContaining(['alpha', 'testError', 'floor']),
    );
    expect(Object.keys((await run(['onestep', '--alpha0', '2'])).rows[0])).toEqual(
      expect.arrayContaining(['alpha0', 's1', 'overlap']),
    );
    const sgd = (await run(['sgd-escape', '--ell', '2', '--d', '100', '--sde', '--paths', '50', '--seed', '1']))
      .rows[0];
    expect(Object.keys(sgd)).toEqual(expect.arrayContaining(['ell', 'd', 'eta', 'samplesODE', 'median', 'mean']));
    expect(Math.abs((sgd.samplesODE as number) - 286.0)).toBeLessThan(0.1);
  });
  it('simulations end with mean and standard error', async () => {
    const { rows } = await run(['simulate-sgd', '--ell', '1', '--d', '50', '--seeds', '3']);
    expect(rows).toHaveLength(4);
    expect(rows[3]).toEqual(expect.objectContaining({ mean: expect.any(Number), se: expect.any(Number) }));
  });
  it('bad input exits 2', async () => {
    expect((await run(['rf', '--alpha', '1,2', '--beta', '1,2'])).code).toBe(2);
    expect((await run(['rf', '--activation', 'linear'])).code).toBe(2);
    expect((await run(['krr', '--target', 'banana'])).code).toBe(2);
    expect((await run(['sgd-escape', '--ell', '9'])).code).toBe(2);
  });
});
