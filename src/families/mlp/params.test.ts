import { describe, expect, it } from 'vitest';
import { MAX_EXPRESSION_LENGTH } from '../../physics/expression/parse';
import { commands } from './cli';
import {
  decodeHash,
  defaultParams,
  encodeHash,
  formatNumber,
  isDiscreteChange,
  PHASE_VIEW_TABLE,
  SIM_VIEW_TABLE,
  URL_TABLE,
  type ExplorerParams,
} from './params';
import { createHashCodec, encodeValue, globalSuffix, modelOfHash } from '../../platform/state/hashCodec';
import { decodeView } from '../../platform/state/viewLink';
import { DEFAULT_FORM } from './simStore';

const DEFAULT_V2 =
  '#model=mlp&v=2&activation=relu&gamma=0.5&delta=0.1&readout=ones&weights=gaussian&alpha=2&alpha-max=8';

describe('urlCodec (link version 2)', () => {
  it('has a default, a type and (for numbers) a range for every key', () => {
    for (const s of URL_TABLE) {
      expect(s.key).toMatch(/^[a-z-]+$/);
      if (s.kind === 'number') {
        expect(s.min).toBeLessThanOrEqual(s.def);
        expect(s.def).toBeLessThanOrEqual(s.max);
      }
      if (s.kind === 'enum') expect(s.values).toContain(s.def);
    }
  });

  it('uses the flag names of the CLI command `mlp` as keys', () => {
    const flags = Object.keys(commands.mlp.flags);
    for (const s of URL_TABLE) expect(flags, s.key).toContain(s.key);
  });

  it('decodes an empty hash to the defaults without messages, and encodes the defaults canonically', () => {
    expect(decodeHash('')).toEqual({ params: defaultParams(), errors: [] });
    expect(decodeHash('#')).toEqual({ params: defaultParams(), errors: [] });
    expect(encodeHash(defaultParams())).toBe(DEFAULT_V2);
    expect(modelOfHash(DEFAULT_V2)).toBe('mlp');
  });

  it('decodes a hand-written v2 link', () => {
    const { params, errors } = decodeHash(
      '#activation=h23&gamma=0.5&delta=1.25&readout=rad&weights=rademacher&alpha=3&alpha-max=12',
    );
    expect(errors).toEqual([]);
    expect(params).toEqual({
      ...defaultParams(),
      act: 'h23',
      delta: 1.25,
      readout: 'rad',
      weights: 'rademacher',
      alpha: 3,
      alphaMax: 12,
    });
  });

  it('round-trips every parameter, including a custom expression with URL-special characters', () => {
    const p: ExplorerParams = {
      ...defaultParams(),
      alpha: 3.25,
      alphaMax: 12,
      gamma: 0.75,
      delta: 1.25,
      act: 'expr',
      expr: 'max(x,0) + 0.1*x^2 & y=#%',
      readout: 'rad',
      weights: 'rademacher',
    };
    const hash = encodeHash(p);
    expect(hash.startsWith('#model=mlp&v=2&activation=expr:max(x,0)%20%2B%200.1*x^2%20%26%20y%3D%23%25&')).toBe(true);
    expect(decodeHash(hash)).toEqual({ params: p, errors: [] });
  });

  it('writes short numbers', () => {
    expect(encodeHash({ ...defaultParams(), delta: 0.1 + 0.2 })).toContain('delta=0.3&');
    expect(formatNumber(1e-4)).toBe('0.0001');
    expect(encodeValue('expr:a/b,c^2')).toBe('expr:a/b,c^2');
  });

  it('migrates every v1 link: act, expr and amax keep their meaning, without messages', () => {
    const v1 = decodeHash('#v=1&alpha=2&amax=12&gamma=0.5&delta=0.1&act=tanh&readout=ones&weights=gaussian');
    expect(v1.errors).toEqual([]);
    expect(v1.params).toEqual({ ...defaultParams(), act: 'tanh', alphaMax: 12 });
    const custom = decodeHash('#v=1&act=expr&expr=max(x%2C0)%20%2B%201&readout=rad');
    expect(custom.errors).toEqual([]);
    expect(custom.params).toMatchObject({ act: 'expr', expr: 'max(x,0) + 1', readout: 'rad' });
    // v1 links written without `v`
    expect(decodeHash('#act=h23&delta=1.25').params).toMatchObject({ act: 'h23', delta: 1.25 });
    // the v1 writer left `expr` out for built-ins: harmless if present
    expect(decodeHash('#v=1&act=relu&expr=tanh(x)')).toEqual({ params: defaultParams(), errors: [] });
    // a v1 link re-encoded is the v2 canonical form
    expect(
      encodeHash(decodeHash('#v=1&alpha=2&amax=8&gamma=0.5&delta=0.1&act=relu&readout=ones&weights=gaussian').params),
    ).toBe(DEFAULT_V2);
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

  it('clamps out-of-range numbers, rejects unknown names, empty numbers and unknown keys', () => {
    const { params, errors } = decodeHash('#gamma=5&delta=&activation=swish&readout=cauchy&alpha-max=7&foo=1&alpha=-3');
    expect(params).toMatchObject({ gamma: 2, delta: 0.1, act: 'relu', readout: 'ones', alphaMax: 8, alpha: 0.02 });
    const joined = errors.join('\n');
    for (const key of ['"gamma"', '"delta"', '"activation"', '"readout"', '"alpha-max"', '"foo"', '"alpha"'])
      expect(joined).toContain(key);
    expect(joined).toContain('using gamma = 2');
    expect(errors).toHaveLength(7);
  });

  it('keeps α inside the α range and reports it', () => {
    const { params, errors } = decodeHash('#alpha=10&alpha-max=4');
    expect(params.alpha).toBe(4);
    expect(errors[0]).toContain('"alpha"');
  });

  it('needs a non-empty expression and flags links from other versions', () => {
    const a = decodeHash('#activation=expr:%20');
    expect(a.params.act).toBe('relu');
    expect(a.errors[0]).toContain('"activation"');
    const b = decodeHash('#v=1&act=expr&expr=');
    expect(b.params.act).toBe('expr');
    expect(b.params.expr).not.toBe('');
    expect(b.errors[0]).toContain('"expr"');
    const c = decodeHash('#v=3&gamma=0.7');
    expect(c.params.gamma).toBe(0.7);
    expect(c.errors[0]).toContain('newer version');
    expect(decodeHash('#v=banana').errors[0]).toContain('"v"');
  });

  it('never throws and always returns finite, in-range parameters for garbage', () => {
    const junk = [
      '#%',
      '#&&&=',
      '#v=2&alpha=1e999',
      '#activation=expr:' + 'x'.repeat(5000),
      '#=&=&v',
      '#alpha=0x10',
      '#%E0%A4%A',
      '#gamma=Infinity&delta=NaN',
      '#model=mlp&model=glm',
      '#activation=__proto__&constructor=1',
    ];
    for (const h of junk) {
      const { params } = decodeHash(h);
      for (const s of URL_TABLE) {
        if (s.kind !== 'number') continue;
        const v = (params as unknown as Record<string, number>)[s.field];
        expect(Number.isFinite(v), `${h}: ${s.key}`).toBe(true);
        expect(v).toBeGreaterThanOrEqual(s.min);
        expect(v).toBeLessThanOrEqual(s.max);
      }
      expect(params.expr.length).toBeLessThanOrEqual(MAX_EXPRESSION_LENGTH);
    }
  });

  it('menu choices are discrete history steps, slider moves are not', () => {
    const p = defaultParams();
    expect(isDiscreteChange(p, { ...p, alpha: 3, gamma: 0.6, delta: 0.2 })).toBe(false);
    expect(isDiscreteChange(p, { ...p, readout: 'rad' })).toBe(true);
    expect(isDiscreteChange(p, { ...p, act: 'tanh' })).toBe(true);
    expect(isDiscreteChange(p, { ...p, alphaMax: 12 })).toBe(true);
  });
});

describe('hashCodec', () => {
  const codec = createHashCodec<{ n: number; on: boolean; name: string }>('toy', 1, [
    { kind: 'number', key: 'n', field: 'n', def: 3, min: 1, max: 9, integer: true, label: 'n' },
    { kind: 'boolean', key: 'on', field: 'on', def: false, label: 'on' },
    { kind: 'string', key: 'name', field: 'name', def: 'a', maxLength: 5, label: 'name' },
  ]);

  it('keeps the behaviour other families rely on: defaults on bad values, model and v first', () => {
    expect(codec.encode({ n: 4, on: true, name: 'b c' })).toBe('#model=toy&v=1&n=4&on=1&name=b%20c');
    const r = codec.decode('#model=toy&v=1&n=2.5&on=maybe&name=toolong&present=1');
    expect(r.params).toEqual({ n: 3, on: false, name: 'a' });
    expect(r.errors).toHaveLength(3); // present is a page-level key, not an error
    expect(codec.decode('#v=7').errors[0]).toContain('newer version');
  });

  it('carries the page-level keys', () => {
    expect(globalSuffix('#model=toy&present=1&n=2')).toBe('&present=1');
    expect(globalSuffix('#model=toy')).toBe('');
  });
});

describe('the MLP view in the link', () => {
  it('reads the phase view and the simulation settings, and the parameters codec accepts their keys', () => {
    const hash = '#model=mlp&v=2&plane=delta&colour=epsOpt&sim-algo=adam&sim-start=uninformative&sim-d=60&sim-seed=7';
    expect(decodeHash(hash).errors).toEqual([]);
    expect(decodeView(PHASE_VIEW_TABLE, hash).view).toEqual({ plane: 'delta', quantity: 'epsOpt', readoutValue: 1 });
    expect(decodeView(SIM_VIEW_TABLE, `${hash}&sim-steps=0`, 'present')).toEqual({
      view: { algo: 'adam', init: 'uninformative', d: 60, seed: 7, steps: DEFAULT_FORM.steps },
      errors: [`URL parameter "sim-steps" = 0 is outside [1, 100000]; using the default ${DEFAULT_FORM.steps}.`],
    });
    // A key of neither table is still named.
    expect(decodeHash('#model=mlp&v=2&plain=delta').errors).toEqual([
      'URL parameter "plain" is not known to this model; ignored.',
    ]);
  });
});
