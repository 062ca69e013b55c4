// The `glm` command: flags from the parameter table with the CLI's own defaults, parameter errors as usage errors.
import { describe, expect, it } from 'vitest';
import { parseFlags, UsageError } from '../../platform/cli/args';
import { commands } from './cli';

const run = (args: string[]) => {
  const rows: Record<string, unknown>[] = [];
  commands.glm.run(parseFlags(args, commands.glm.flags), (r) => rows.push(r));
  return rows;
};

describe('glm CLI', () => {
  it('keeps its own defaults where the page’s differ (prior, α range) and none for Δ (it depends on the channel)', () => {
    const f = commands.glm.flags;
    expect([f.prior.default, f['alpha-max'].default, f.delta.default]).toEqual(['gaussian', '10', undefined]);
    expect(f.prior.choices).toEqual(['gaussian', 'rademacher', 'binary-biased', 'gauss-bernoulli']);
    expect(run(['--alpha', '0.5,1'])).toMatchObject([{ alpha: 0.5, branch: 'uninformed' }, { alpha: 1 }]);
  });

  it('turns bad values into usage errors', () => {
    expect(() => run(['--delta', '0.1'])).toThrow(UsageError); // the sign channel is noiseless
    expect(() => run(['--prior', 'binary-biased', '--bias', '2'])).toThrow(UsageError);
    expect(() => run(['--alpha', '-1'])).toThrow('--alpha values must lie in [0, 1e6], got -1');
  });

  it('--gamp n runs GAMP over the α list (ReLU included), near state evolution within 2/√n', () => {
    const rows = run(['--gamp', '200', '--channel', 'relu', '--alpha', '2', '--seeds', '2']);
    expect(rows).toEqual([
      expect.objectContaining({ alpha: 2, n: 200, qStd: expect.any(Number), iterations: expect.any(Number) }),
    ]);
    const [se] = run(['--channel', 'relu', '--alpha', '2']);
    expect(Math.abs((rows[0].q as number) - (se.q as number))).toBeLessThan(2 / Math.sqrt(200));
    expect(() => run(['--gamp', '5'])).toThrow(UsageError);
    expect(() => run(['--gamp', '5000'])).toThrow(/multiply–adds/);
  });
});
