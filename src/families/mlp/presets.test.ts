// Every number an MLP preset's caption quotes, checked against what it claims to be: the engine (ε_opt, ε_uni at
// α; α_sp) or the shipped published points (public/data, HMC at d = 150), to the digits written. And every
// preset's caption uses exactly its claims (the caption is written from them, app/presets.ts presetCaption).
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { PRESETS, presetCaption } from '../../app/presets';
import { getShallowModel } from '../../physics/mlp/shallowModel';
import type { PresetClaim } from '../family';
import { decodeHash } from './params';
import { loadReference, matchReference } from './reference';
import { shallowParamsOf } from './store';

const publicData = new URL('../../../public/data/', import.meta.url);
const fileFetch = (async (url: string) =>
  new Response(readFileSync(new URL(String(url).split('/').pop()!, publicData), 'utf8'))) as unknown as typeof fetch;

describe('preset captions', () => {
  it('write every claim and nothing else in braces, for every family', () => {
    for (const p of PRESETS) {
      const names = [...p.caption.matchAll(/\{(\w+)\}/g)].map((m) => m[1]);
      expect(new Set(names), p.id).toEqual(new Set(Object.keys(p.claims ?? {})));
      expect(presetCaption(p), p.id).not.toMatch(/[{}]/);
    }
    const h23 = PRESETS.find((p) => p.id === 'h23-ones')!;
    expect(presetCaption(h23)).toContain('at α = 3 the informative and the random-start (uninformative) points');
    expect(presetCaption(h23)).toContain('0.256 and 0.258');
  });

  it('MLP: each quoted number is the engine’s or the shipped data’s, to the digits written', async () => {
    const reference = await loadReference('/', fileFetch);
    const checked: string[] = [];
    for (const p of PRESETS.filter((x) => x.family === 'mlp' && x.claims)) {
      const params = shallowParamsOf(decodeHash(p.hash).params);
      const model = getShallowModel(params);
      const hmc = matchReference(reference, params);
      const value = (c: PresetClaim): number => {
        if (c.quantity === 'alphaSp') return model.transition().alphaSp!;
        if (c.quantity === 'epsOpt' || c.quantity === 'epsUni') {
          const pt = model.solvePoint(c.alpha!);
          return c.quantity === 'epsOpt' ? pt.eps : pt.epsUni;
        }
        const row = hmc?.showHmc ? hmc.entry.hmc.find((r) => r.alpha === c.alpha) : undefined;
        if (!row) throw new Error(`${p.id}: no shipped HMC point at α = ${c.alpha}`);
        if (c.quantity === 'hmcInformative') return row.infoMean;
        if (c.quantity === 'hmcUninformative') return row.unfoMean;
        throw new Error(`${p.id}: unknown quantity ${c.quantity}`);
      };
      for (const [name, c] of Object.entries(p.claims!)) {
        expect(Math.abs(value(c) - c.value), `${p.id}.${name}`).toBeLessThanOrEqual(0.5 * 10 ** -c.digits + 1e-12);
        checked.push(`${p.id}.${name}`);
      }
    }
    // What the words say about the numbers: random-start HMC stays on the universal branch for ReLU, and reaches
    // ε_opt's side for h23 (nearer ε_opt than ε_uni), as do the informative starts.
    const claim = (id: string, name: string) => PRESETS.find((x) => x.id === id)!.claims![name].value;
    const nearer = (v: number, a: number, b: number) => Math.abs(v - a) < Math.abs(v - b);
    expect(nearer(claim('relu-ones', 'hmcUnf5'), claim('relu-ones', 'epsUni5'), claim('relu-ones', 'epsOpt5'))).toBe(
      true,
    );
    expect(nearer(claim('relu-ones', 'hmcInf5'), claim('relu-ones', 'epsOpt5'), claim('relu-ones', 'epsUni5'))).toBe(
      true,
    );
    for (const k of ['hmcInf3', 'hmcUnf3'])
      expect(nearer(claim('h23-ones', k), claim('h23-ones', 'epsOpt3'), claim('h23-ones', 'epsUni3')), k).toBe(true);
    // the h23 caption (random-start HMC at d = 150 on ε_opt, not the universal branch) is among them
    expect(checked).toContain('h23-ones.hmcUnf3');
    expect(checked.length).toBeGreaterThanOrEqual(15);
  });
});
