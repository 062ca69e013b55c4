// Flag parsing: duplicated flags and seeds (issue 21, points 5 and 6).
import { describe, expect, it } from 'vitest';
import { parseFlags, seedFlag, UsageError, type FlagSpec } from './args';

const spec: Record<string, FlagSpec> = {
  alpha: { kind: 'list', help: 'α', default: '1' },
  seed: { kind: 'number', help: 'seed', default: '1' },
  plateau: { kind: 'boolean', help: 'switch' },
};

describe('parseFlags', () => {
  it('refuses a flag given twice, in either spelling, instead of letting the last one win', () => {
    for (const argv of [
      ['--alpha', '1', '--alpha', '2'],
      ['--alpha=1', '--alpha', '2'],
      ['--plateau', '--plateau'],
      ['--seed', '3', '--seed=3'],
    ])
      expect(() => parseFlags(argv, spec), argv.join(' ')).toThrow(/given twice/);
    expect(parseFlags(['--alpha', '2', '--seed', '3'], spec)).toEqual({ alpha: '2', seed: '3' });
  });

  it('refuses a number beyond the float64 range (1e400 would read as Infinity and pass "> 0")', () => {
    expect(() => parseFlags(['--seed', '1e400'], spec)).toThrow(/beyond the float64 range/);
    expect(() => parseFlags(['--alpha', '1,-1e999'], spec)).toThrow(/beyond the float64 range/);
  });
});

describe('seedFlag', () => {
  const seed = (text: string, runs?: number) => seedFlag({ seed: text }, 'seed', runs);

  it('accepts the integers 0 … 2³² − 1, each a different run', () => {
    expect(seed('0')).toBe(0);
    expect(seed('4294967295')).toBe(4294967295);
  });

  it('refuses what the generator would fold onto another seed: floats, negatives, beyond 2³², non-numbers', () => {
    for (const t of ['1.5', '-1', '4294967296', '1e300', 'Infinity', 'NaN'])
      expect(() => seed(t), t).toThrow(UsageError);
  });

  it('keeps every seed of a sweep (seed, seed + 1, …) in range, so no two runs coincide', () => {
    expect(seed('4294967290', 6)).toBe(4294967290);
    expect(() => seed('4294967291', 6)).toThrow(/6 runs/);
  });
});
