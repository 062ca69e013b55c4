import { describe, expect, it } from 'vitest';
import {
  ActivationError,
  ChannelError,
  ExpressionError,
  ParamError,
  PriorError,
  SaadSollaError,
  SimConfigError,
  TwoLayerParamError,
} from './errors';

describe('parameter errors', () => {
  it('every class is a ParamError and an Error, with its own name and the message as given', () => {
    const classes = { ActivationError, ChannelError, PriorError, SaadSollaError, SimConfigError, TwoLayerParamError };
    for (const [name, C] of Object.entries(classes)) {
      const e = new C('gamma must be > 0');
      expect(e).toBeInstanceOf(ParamError);
      expect(e).toBeInstanceOf(Error);
      expect(e.name).toBe(name);
      expect(e.message).toBe('gamma must be > 0');
    }
    expect(new ChannelError('x')).not.toBeInstanceOf(PriorError);
    expect(new Error('x')).not.toBeInstanceOf(ParamError);
  });

  it('ExpressionError keeps the 1-based position of the fault', () => {
    const e = new ExpressionError('unexpected )', 4);
    expect(e).toBeInstanceOf(ParamError);
    expect(e.name).toBe('ExpressionError');
    expect(e.position).toBe(4);
    expect(new ExpressionError('empty').position).toBe(0);
  });
});
