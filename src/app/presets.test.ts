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
import type { HashCodec } from '../platform/state/hashCodec';
import { glmCodec } from '../families/glm/params';
import { committeeCodec } from '../families/committee/params';
import { saadSollaCodec } from '../families/saad-solla/params';
import { twoLayerCodec } from '../families/two-layer/params';
import { hmmCodec } from '../families/hidden-manifold/params';
import { matrixTensorCodec } from '../families/matrix-tensor/params';
import { glmThresholds, makeGlm } from '../physics/classic/glm';
import { symmetricPlateau, trajectory } from '../physics/classic/saadSolla';
import { plateauLength } from '../physics/classic/saadSollaSim';
import { rfPoint } from '../physics/twoLayer/randomFeatures';
import { krrPoint } from '../physics/twoLayer/kernel';
import { activationProfile, targetProfile } from '../physics/twoLayer/profiles';

/** The link codec of each tab with presets beyond the MLP and deep ones. */
const CODECS: Record<string, HashCodec<object>> = {
  glm: glmCodec,
  committee: committeeCodec,
  'saad-solla': saadSollaCodec,
  'two-layer': twoLayerCodec,
  'hidden-manifold': hmmCodec,
  'matrix-tensor': matrixTensorCodec,
} as unknown as Record<string, HashCodec<object>>;

const preset = (id: string) => PRESETS.find((p) => p.id === id)!;
/** The number a caption quotes after `symbol ≈`. */
const quoted = (id: string, symbol: string) => {
  const m = new RegExp(`${symbol} ≈ (\\d+(?:\\.\\d+)?)`).exec(preset(id).caption);
  if (!m) throw new Error(`${id}: no “${symbol} ≈” in the caption`);
  return Number(m[1]);
};

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

  it('every tab with presets: each decodes cleanly, round-trips through the link the tab writes, stays active', () => {
    for (const id of ['glm-binary-hard', 'committee-binary', 'saad-solla-plateau', 'two-layer-double-descent'])
      expect(PRESETS.some((p) => p.id === id)).toBe(true);
    for (const p of PRESETS.filter((x) => CODECS[x.family])) {
      const codec = CODECS[p.family];
      const { params, errors } = codec.decode(p.hash);
      expect(errors, p.id).toEqual([]);
      // The link the tab writes once the preset is open decodes to the same setting and keeps the caption up.
      const canonical = codec.encode(params);
      expect(codec.decode(canonical).params, p.id).toEqual(params);
      expect(activePreset(p.hash)?.id, p.id).toBe(p.id);
      expect(activePreset(canonical)?.id, p.id).toBe(p.id);
      expect(p.caption.length, p.id).toBeGreaterThan(40);
    }
  });

  it('the classic presets’ captions quote what the engines compute', () => {
    // GLM, binary perceptron: α_IT and α_AMP to the three decimals quoted.
    const g = glmCodec.decode(preset('glm-binary-hard').hash).params;
    const t = glmThresholds(makeGlm({ prior: g.prior, channel: g.channel, delta: 0 }));
    expect(Math.abs(t.alphaIT! - quoted('glm-binary-hard', 'α_IT'))).toBeLessThan(5e-4);
    expect(Math.abs(t.alphaAMP! - quoted('glm-binary-hard', 'α_AMP'))).toBeLessThan(5e-4);
    // Committee ±1: α_IT, α_sb, α_AMP are pinned by src/physics/classic/committee.test.ts (1.546, 1.589, 1.98); the
    // caption quotes them (a second solve here would cost seconds of the suite).
    expect(quoted('committee-binary', 'α_IT')).toBe(1.546);
    expect(quoted('committee-binary', 'α_sb')).toBe(1.589);
    expect(quoted('committee-binary', 'α_AMP')).toBe(1.98);
    // Saad–Solla K = M = 3: plateau ε_g ≈ 0.022 with R ≈ 0.26, left after about 2·10³ steps/N.
    const { alphaMax, ...ss } = saadSollaCodec.decode(preset('saad-solla-plateau').hash).params;
    expect(alphaMax).toBe(10000);
    const sp = { ...ss, q0: 0.5 };
    const plateau = symmetricPlateau(sp);
    expect(plateau.epsPlateau).toBeCloseTo(quoted('saad-solla-plateau', 'ε_g'), 3);
    expect(plateau.R).toBeCloseTo(quoted('saad-solla-plateau', 'R'), 2);
    // (to α = 2500 only: the ODE at η = 0.1 costs ~1 ms per unit of α)
    const escape = plateauLength(trajectory(sp, 2500, 50).points, plateau.epsPlateau);
    expect(escape).toBeGreaterThan(1.5e3);
    expect(escape).toBeLessThan(2.5e3);
    // Two-layer, ridgeless random features: E diverges at p = n (β = α = 1.5, and α = β = 2), and E(β) descends
    // after the peak towards the kernel limit.
    const tl = twoLayerCodec.decode(preset('two-layer-double-descent').hash).params;
    const rf = {
      activation: activationProfile(tl.activation),
      target: targetProfile(tl.target),
      lambda: tl.lambda,
      noise: tl.noise,
    };
    expect(rfPoint(rf, tl.alpha, tl.alpha).diverges).toBe(true);
    expect(rfPoint(rf, tl.beta, tl.beta).diverges).toBe(true);
    const e = (beta: number) => rfPoint(rf, tl.alpha, beta).testError;
    expect(e(3)).toBeGreaterThan(e(6));
    expect(e(6)).toBeGreaterThan(krrPoint(rf, tl.alpha).testError);
  });
});
