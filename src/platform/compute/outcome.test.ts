import { describe, expect, it } from 'vitest';
import { attempt, classifier, errorOf, STALE } from './outcome';

class ParamError extends Error {
  constructor(
    message: string,
    readonly param: string,
  ) {
    super(message);
  }
}
class ActivationError extends Error {}

describe('outcomes', () => {
  const classify = classifier({ ParamError, ActivationError });

  it('sorts thrown errors by class, naming the parameter and where a solver failed', () => {
    expect(classify(new ParamError('γ must be > 0', 'gamma'))).toEqual({
      kind: 'param',
      message: 'γ must be > 0',
      param: 'gamma',
    });
    expect(classify(new ActivationError('cannot parse "x+"'), 'at α = 1')).toEqual({
      kind: 'activation',
      message: 'cannot parse "x+"',
    });
    expect(classify(new Error('no fixed point\nafter 500 steps'), 'at α = 1')).toEqual({
      kind: 'solver',
      message: 'no fixed point (at α = 1)',
    });
  });

  it('attempt turns a throw into an error value; errorOf ignores success and stale replies', () => {
    expect(attempt(classify, () => 2)).toEqual({ ok: true, value: 2 });
    const bad = attempt(classify, () => {
      throw new ParamError('Δ must be ≥ 0', 'delta');
    });
    expect(errorOf(bad)).toEqual({ kind: 'param', message: 'Δ must be ≥ 0', param: 'delta' });
    expect(errorOf(STALE)).toBeNull();
    expect(errorOf({ ok: true, value: 1 })).toBeNull();
  });
});
