import { describe, expect, it } from 'vitest';
import { activePreset, PRESETS, presetMatches } from './presets';
import { decodeHash, encodeHash } from '../families/mlp/params';
import { matchReference, REFERENCE_SPECS } from '../families/mlp/reference';
import { matchPublished, PUBLISHED_SPECS } from '../families/mlp/published';
import { shallowParamsOf } from '../families/mlp/store';
import { deepCodec } from '../families/deep/params';
import { getDeepModel } from '../physics/deep/deepModel';
import { getShallowModel } from '../physics/mlp/shallowModel';
import { getAnyDepthModel, uniformLayers } from '../physics/deep/anyDepth/anyDepthModel';

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
      const samplers = matchPublished(
        PUBLISHED_SPECS.map((s) => ({ ...s, rows: [] })),
        shallowParamsOf(decodeHash(p.hash).params),
      ).filter((s) => s.kind === 'informative' || s.kind === 'uninformative');
      expect(!!p.overlay?.includes('MCMC'), p.id).toBe(samplers.length > 0);
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

  it('deep presets decode cleanly, round-trip, and their captions quote what the engine computes', () => {
    const deep = PRESETS.filter((x) => x.family === 'deep');
    expect(deep.length).toBeGreaterThanOrEqual(3);
    const setting = (id: string) => {
      const { params, errors } = deepCodec.decode(PRESETS.find((x) => x.id === id)!.hash);
      expect(errors, id).toEqual([]);
      return params;
    };
    for (const p of deep) {
      expect(deepCodec.encode(setting(p.id)), p.id).toBe(p.hash);
      expect(p.source).toMatch(/arXiv \d{4}\.\d{5}/);
    }
    const model = (id: string) => getDeepModel(setting(id));
    // deep-paper: layer-1 point at α = 2 (ε ≈ 0.233, mean Q1 ≈ 0.20, plateau 0.298), jump between 2.80 and 2.82,
    // and the shallow network with the same σ, γ, Δ specialises near α ≈ 2.03.
    const paper = model('deep-paper');
    const at2 = paper.solvePoint(2);
    expect(at2.equilibrium).toBe('layer1');
    expect(at2.eq.eps).toBeCloseTo(0.233, 3);
    expect(at2.eq.Q1mean).toBeCloseTo(0.2, 2);
    expect(at2.eq.Q2mean).toBe(0);
    expect(paper.solvePoint(2.8).equilibrium).toBe('layer1');
    expect(paper.solvePoint(2.82).equilibrium).toBe('specialised');
    const shallow = getShallowModel({
      activation: 'tanh2-unit',
      gamma: 0.5,
      delta: 0.2,
      readout: 'ones',
      weights: 'gaussian',
    }).transition();
    expect(shallow.alphaSp!).toBeCloseTo(2.03, 2);
    // deep-quenched: plateau 0.162, specialised with ε ≈ 0.081 at α = 1.
    const quenched = model('deep-quenched').solvePoint(1);
    expect(quenched.equilibrium).toBe('specialised');
    expect(quenched.eq.eps).toBeCloseTo(0.081, 3);
    expect(model('deep-quenched').solvePoint(0.5).eq.eps).toBeCloseTo(0.162, 3);
    // deep-rad: same layer-1 point at α = 2, ε ≈ 0.160 at α = 3.
    const rad = model('deep-rad');
    expect(rad.solvePoint(2).eq.eps).toBeCloseTo(at2.eq.eps, 8);
    expect(rad.solvePoint(3).equilibrium).toBe('specialised');
    expect(rad.solvePoint(3).eq.eps).toBeCloseTo(0.16, 3);
  });

  it('any-depth presets quote the engine’s α_e/L and α_sp/L for L = 1 … 5 and the L = 3 values', () => {
    const p = deepCodec.decode(PRESETS.find((x) => x.id === 'anydepth-L3')!.hash).params;
    const at = (L: number) => getAnyDepthModel(uniformLayers(L, p)).transition();
    const alphaE = [1.6, 2.49, 3.1, 3.63, 4.11];
    const alphaSp = [1.47, 1.66, 1.69, 1.71, 1.72];
    for (let L = 1; L <= 5; L++) {
      const tr = at(L);
      expect(tr.alphaSp! / L, `L = ${L}`).toBeCloseTo(alphaE[L - 1], 2);
      expect(tr.spinodalSpec! / L, `L = ${L}`).toBeCloseTo(alphaSp[L - 1], 2);
    }
    const l3 = at(3);
    expect(l3.spinodalSpec!).toBeCloseTo(5.08, 2);
    expect(l3.alphaSp!).toBeCloseTo(9.31, 2);
    expect(l3.epsSp!).toBeCloseTo(0.05, 2);
  });
});
