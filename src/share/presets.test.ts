import { describe, expect, it } from 'vitest';
import { activePreset, PRESETS, presetMatches } from './presets';
import { decodeHash, encodeHash } from '../state/urlCodec';
import { matchReference, REFERENCE_SPECS } from '../data/reference';
import { shallowParamsOf } from '../state/store';

describe('presets', () => {
  it('have unique ids and links that decode cleanly to their canonical form', () => {
    expect(new Set(PRESETS.map((p) => p.id)).size).toBe(PRESETS.length);
    for (const p of PRESETS.filter((x) => x.family === 'mlp')) {
      const { params, errors } = decodeHash(p.hash);
      expect(errors, p.id).toEqual([]);
      expect(encodeHash(params), p.id).toBe(p.hash);
      expect(p.caption.length).toBeGreaterThan(40);
      expect(p.source).toMatch(/arXiv \d{4}\.\d{5}/);
    }
  });

  it('say they overlay published points exactly when the project ships them for the setting', () => {
    const set = REFERENCE_SPECS.map((s) => ({ ...s, hmc: [], universal: [] }));
    for (const p of PRESETS.filter((x) => x.family === 'mlp')) {
      const m = matchReference(set, shallowParamsOf(decodeHash(p.hash).params));
      expect(!!p.overlay, p.id).toBe(!!m);
      expect(!!p.overlay?.includes('HMC'), p.id).toBe(!!m?.showHmc);
    }
  });

  it('stay active while α moves or presentation mode is on, not when a parameter changes', () => {
    const p = PRESETS.find((x) => x.id === 'relu-ones')!;
    expect(presetMatches(p, p.hash)).toBe(true);
    expect(presetMatches(p, p.hash.replace('alpha=5', 'alpha=6.3') + '&present=1')).toBe(true);
    expect(presetMatches(p, p.hash.replace('delta=0.1', 'delta=0.100000'))).toBe(true);
    expect(presetMatches(p, p.hash.replace('delta=0.1', 'delta=0.2'))).toBe(false);
    expect(presetMatches(p, p.hash.replace('model=mlp', 'model=glm'))).toBe(false);
    expect(activePreset(p.hash)?.id).toBe('relu-ones');
    expect(activePreset('#model=mlp&v=2&activation=erf')).toBeNull();
  });
});
