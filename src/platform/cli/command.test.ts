// Honest rows and bounded work (issue 21, points 2 and 3): what every CLI row passes through in src/cli.ts.
import { describe, expect, it } from 'vitest';
import { UsageError } from './args';
import { boundRun, boundWork, honestRow, rowProblems, WORK_LIMITS } from './command';

describe('honestRow', () => {
  it('passes a converged row whose values lie in their ranges, unchanged', () => {
    const row = { alpha: 1, eps: 0.1, q11: -0.2, converged: true };
    expect(honestRow(row, {})).toBe(row);
  });

  it('flags a value outside its physical range beside converged: true, naming it', () => {
    const r = honestRow({ snr: 1e-20, mS: -1e20, converged: true }, {});
    expect(r).toMatchObject({ converged: false, reason: expect.stringContaining('mS = -100000000000000000000') });
    expect(honestRow({ eps: -1e-3, converged: true }, {})).toMatchObject({ converged: false });
    expect(honestRow({ eps: -1e-17, converged: true }, {})).toMatchObject({ converged: true }); // rounding at 0
    expect(honestRow({ overlap: 1.5, converged: true }, {})).toMatchObject({ converged: false });
    expect(honestRow({ acceptance: 1.01, converged: true }, {})).toMatchObject({ converged: false });
  });

  it('flags a null beside converged: true, unless the command says that key may be undefined', () => {
    expect(honestRow({ eps: null, converged: true }, {})).toMatchObject({
      converged: false,
      reason: 'eps is not a finite number',
    });
    const thresholds = { alphaIT: null, converged: true };
    expect(honestRow(thresholds, { nullable: ['alphaIT'] })).toBe(thresholds);
  });

  it('adds converged to the rows of a direct command, and flags a command that reports nothing', () => {
    expect(honestRow({ alpha: 1, testError: 0.3 }, { direct: true })).toEqual({
      alpha: 1,
      testError: 0.3,
      converged: true,
    });
    expect(honestRow({ alpha: 1 }, {})).toEqual({
      alpha: 1,
      converged: false,
      reason: 'the command reports no convergence',
    });
  });

  it('keeps a reason the command gave, and gives one where it did not', () => {
    expect(honestRow({ converged: false, reason: 'frozen' }, {})).toMatchObject({ reason: 'frozen' });
    expect(honestRow({ converged: false }, {})).toMatchObject({ reason: 'the solver did not converge' });
  });

  it('lists every problem of a row', () => {
    expect(rowProblems({ mS: 2, mmse: -1, f: null })).toHaveLength(3);
  });
});

describe('boundWork', () => {
  it('refuses an estimate above the limit with the estimate and the flags to lower', () => {
    expect(() => boundWork(WORK_LIMITS.seconds, '--d')).not.toThrow();
    expect(() => boundWork(2 * 3600, '--d')).toThrow(/about 2\.0 h \(limit 60 s\): lower --d/);
    expect(() => boundWork(NaN, '--d')).toThrow(UsageError);
  });

  it('lets a streamed run last longer than a minute, but no piece of it', () => {
    expect(() => boundRun(30, WORK_LIMITS.streamSeconds / 30, '--steps')).not.toThrow();
    expect(() => boundRun(90, 2, '--steps')).toThrow(UsageError);
    expect(() => boundRun(30, WORK_LIMITS.streamSeconds / 30 + 1, '--steps')).toThrow(UsageError);
  });
});
