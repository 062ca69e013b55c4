import { describe, expect, it } from 'vitest';
import { decodeHash, defaultParams, encodeHash, formatNumber, URL_TABLE } from './urlCodec';

describe('urlCodec', () => {
  it('has a default, a type and (for numbers) a range for every key', () => {
    for (const s of URL_TABLE) {
      expect(s.key).toMatch(/^[a-z]+$/);
      if (s.kind === 'number') {
        expect(s.min).toBeLessThanOrEqual(s.def);
        expect(s.def).toBeLessThanOrEqual(s.max);
      }
      if (s.kind === 'enum') expect(s.values).toContain(s.def);
    }
  });

  it('decodes an empty hash to the defaults without messages', () => {
    expect(decodeHash('')).toEqual({ params: defaultParams(), errors: [] });
    expect(decodeHash('#')).toEqual({ params: defaultParams(), errors: [] });
  });

  it('decodes the documented example link', () => {
    const { params, errors } = decodeHash('#v=1&alpha=2&gamma=0.5&delta=0.1&act=relu&readout=ones&weights=gaussian');
    expect(errors).toEqual([]);
    expect(params).toMatchObject({ alpha: 2, gamma: 0.5, delta: 0.1, act: 'relu', readout: 'ones', weights: 'gaussian' });
  });

  it('round-trips every parameter, including a custom expression with URL-special characters', () => {
    const p = { ...defaultParams(), alpha: 3.25, alphaMax: 12, gamma: 0.75, delta: 1.25, act: 'expr', expr: 'max(x,0) + 0.1*x^2 & y', readout: 'rad' as const, weights: 'rademacher' as const };
    const hash = encodeHash(p);
    expect(hash.startsWith('#v=1&')).toBe(true);
    expect(decodeHash(hash)).toEqual({ params: p, errors: [] });
  });

  it('writes short numbers and leaves out expr for built-in activations', () => {
    const hash = encodeHash({ ...defaultParams(), delta: 0.1 + 0.2 });
    expect(hash).toContain('delta=0.3&');
    expect(hash).not.toContain('expr=');
    expect(formatNumber(1e-4)).toBe('0.0001');
  });

  it('names a non-numeric parameter and falls back to its default (never NaN)', () => {
    const { params, errors } = decodeHash('#gamma=banana&delta=0.2');
    expect(params.gamma).toBe(0.5);
    expect(params.delta).toBe(0.2);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toContain('"gamma"');
    expect(errors[0]).toContain('banana');
    for (const v of Object.values(params)) if (typeof v === 'number') expect(Number.isFinite(v)).toBe(true);
  });

  it('rejects out-of-range numbers, unknown enum values, empty numbers and unknown keys', () => {
    const { params, errors } = decodeHash('#gamma=5&delta=&act=swish&readout=cauchy&amax=7&foo=1');
    expect(params).toMatchObject({ gamma: 0.5, delta: 0.1, act: 'relu', readout: 'ones', alphaMax: 8 });
    const joined = errors.join('\n');
    for (const key of ['"gamma"', '"delta"', '"act"', '"readout"', '"amax"', '"foo"']) expect(joined).toContain(key);
    expect(errors).toHaveLength(6);
  });

  it('keeps α inside the α range and reports it', () => {
    const { params, errors } = decodeHash('#alpha=10&amax=4');
    expect(params.alpha).toBe(4);
    expect(errors[0]).toContain('"alpha"');
  });

  it('needs an expression for act=expr and flags links from other versions', () => {
    const a = decodeHash('#act=expr&expr=');
    expect(a.params.act).toBe('expr');
    expect(a.params.expr).not.toBe('');
    expect(a.errors[0]).toContain('"expr"');
    const b = decodeHash('#v=2&gamma=0.7');
    expect(b.params.gamma).toBe(0.7);
    expect(b.errors[0]).toContain('newer version');
  });
});
