import { describe, expect, it } from 'vitest';
import { FAMILIES } from './families';
import { PRESETS } from './presets';
import type { Family } from '../families/family';
import type { Command } from '../platform/cli/command';
import { createHashCodec, modelOfHash, numberRow, type HashSpec } from '../platform/state/hashCodec';
import { validateShallowParams } from '../physics/mlp/shallowModel';
import { validateSaadSolla } from '../physics/classic/saadSolla';
import { validateDeepParams } from '../physics/deep/deepModel';
import { DEEP_TABLE } from '../families/deep/params';
import { URL_TABLE } from '../families/mlp/params';
import { SAAD_SOLLA_TABLE } from '../families/saad-solla/params';

/** The commands whose flags a family's URL keys are: its own, or (deep) the `mlp --depth 2` it shows. */
async function commandsOf(f: Family): Promise<Command[]> {
  const owner = f.cli ? f : FAMILIES.find((g) => g.id === 'mlp')!;
  const mod = await owner.cli!.load();
  return f.cli ? Object.values(mod.commands) : [mod.commands.mlp];
}

/** A value of the row other than its default, inside the link's range (for the round trip). */
function other(s: HashSpec<Record<string, unknown>>): unknown {
  switch (s.kind) {
    case 'number': {
      if (s.choices) return s.choices.find((c) => c !== s.def) ?? s.def;
      const x = s.def === s.max ? s.min : s.max;
      return x;
    }
    case 'enum':
      return s.values.find((v) => v !== s.def) ?? s.def;
    case 'boolean':
      return !s.def;
    case 'string':
      return s.def;
  }
}

describe('the family list', () => {
  it('has unique ids, a label, a blurb, a parameter table, start() and a view for every family', () => {
    expect(new Set(FAMILIES.map((f) => f.id)).size).toBe(FAMILIES.length);
    for (const f of FAMILIES) {
      expect(f.id).toMatch(/^[a-z][a-z-]*$/);
      expect(f.label.length, f.id).toBeGreaterThan(0);
      expect(f.blurb.length, f.id).toBeGreaterThan(20);
      expect(f.params.length, f.id).toBeGreaterThan(0);
      expect(typeof f.start, f.id).toBe('function');
      expect(typeof f.View.preload, f.id).toBe('function');
    }
    expect(FAMILIES[0].id).toBe(modelOfHash('')); // the page's default family comes first
  });

  it('names exactly the commands its CLI module defines, and no command twice', async () => {
    const all: string[] = [];
    for (const f of FAMILIES) {
      if (!f.cli) continue;
      const { commands } = await f.cli.load();
      expect(Object.keys(commands).sort(), f.id).toEqual([...f.cli.commands].sort());
      all.push(...f.cli.commands);
    }
    expect(new Set(all).size).toBe(all.length);
  });

  it('opens every preset in a family of the list, with that family in its link', () => {
    expect(PRESETS.length).toBeGreaterThan(0);
    for (const p of PRESETS) {
      expect(
        FAMILIES.map((f) => f.id),
        p.id,
      ).toContain(p.family);
      expect(modelOfHash(p.hash), p.id).toBe(p.family);
    }
  });

  it('loads a named bench section for every family that has one', async () => {
    for (const f of FAMILIES.filter((g) => g.bench)) {
      const { section } = await f.bench!();
      expect(typeof section.run, f.id).toBe('function');
      expect(section.name.length, f.id).toBeGreaterThan(0);
    }
  });
});

describe('the parameter tables', () => {
  it('hold every default inside the link range, the link range inside the valid one, the slider inside the link', () => {
    for (const f of FAMILIES) {
      for (const s of f.params) {
        const what = `${f.id}.${s.key}`;
        if (s.kind === 'enum') expect(s.values, what).toContain(s.def);
        if (s.kind !== 'number') continue;
        expect(s.min, what).toBeLessThanOrEqual(s.def);
        expect(s.def, what).toBeLessThanOrEqual(s.max);
        const valid = s.valid ?? s;
        expect(valid.min, what).toBeLessThanOrEqual(s.min);
        expect(valid.max, what).toBeGreaterThanOrEqual(s.max);
        const slider = s.slider ?? s;
        expect(slider.min, what).toBeGreaterThanOrEqual(s.min);
        expect(slider.max, what).toBeLessThanOrEqual(s.max);
        if (s.choices) expect(s.choices, what).toContain(s.def);
      }
    }
  });

  it('use flags of the family’s CLI commands as URL keys, of a matching kind', async () => {
    for (const f of FAMILIES) {
      const commands = await commandsOf(f);
      for (const s of f.params) {
        const flag = commands.map((c) => c.flags[s.key]).find((x) => x !== undefined);
        expect(flag, `${f.id}: --${s.key}`).toBeDefined();
        if (s.kind === 'boolean') expect(flag!.kind, `${f.id}: --${s.key}`).toBe('boolean');
        if (s.kind === 'number') expect(['number', 'list', 'string'], `${f.id}: --${s.key}`).toContain(flag!.kind);
        if (s.kind === 'enum' && flag!.choices)
          for (const v of s.values) expect(flag!.choices, `${f.id}: --${s.key}`).toContain(v);
      }
    }
  });

  it('round-trip their defaults and a value of every key other than the default through the URL', () => {
    for (const f of FAMILIES) {
      const codec = createHashCodec(f.id, 1, f.params);
      const defaults = codec.defaults();
      expect(codec.decode(codec.encode(defaults)), f.id).toEqual({ params: defaults, errors: [] });
      const changed = { ...defaults };
      for (const s of f.params) changed[s.field] = other(s);
      expect(codec.decode(codec.encode(changed)), f.id).toEqual({ params: changed, errors: [] });
    }
  });

  it('give the theory’s own valid ranges (the MLP’s γ and Δ, the deep family’s γ1, γ2, Δ, Saad–Solla’s K, M, σ, asym)', () => {
    const shallow = { activation: 'relu', gamma: 0.5, delta: 0.1, readout: 'ones', weights: 'gaussian' } as const;
    const deep = { ...shallow, activation: 'tanh2-unit', activation2: 'tanh2-unit', gamma2: 0.5, quenched: false };
    const saad = { K: 2, M: 2, eta: 0.1, noise: 0, q0: 0.5, asym: 0.001, seed: 1 };
    const cases: [readonly HashSpec<Record<string, unknown>>[], string[], (field: string, x: number) => unknown][] = [
      [URL_TABLE, ['gamma', 'delta'], (field, x) => validateShallowParams({ ...shallow, [field]: x })],
      [DEEP_TABLE, ['gamma', 'gamma2', 'delta'], (field, x) => validateDeepParams({ ...deep, [field]: x })],
      [SAAD_SOLLA_TABLE, ['K', 'M', 'noise', 'asym'], (field, x) => validateSaadSolla({ ...saad, [field]: x })],
    ];
    for (const [table, fields, validate] of cases) {
      for (const field of fields) {
        const s = numberRow(table, field);
        const r = s.valid ?? s;
        const step = s.integer ? 1 : 1e-9 * Math.max(1, Math.abs(r.max));
        expect(() => validate(field, r.min), field).not.toThrow();
        expect(() => validate(field, r.max), field).not.toThrow();
        expect(() => validate(field, r.min - step), field).toThrow();
        expect(() => validate(field, r.max + step), field).toThrow();
      }
    }
  });
});

describe('what each tab says about itself', () => {
  it('states its own error definition and what its figures cite', () => {
    for (const f of FAMILIES) {
      expect(f.footnote, f.id).toMatch(/(ε|ε_g|E)(\s|:|\s=)/);
      expect(f.references ?? f.blurb, f.id).toMatch(/arXiv \d{4}\.\d{4,5}|PRL|lecture/);
    }
    // No tab repeats another's definition (the MLP's used to stand in every footer).
    expect(new Set(FAMILIES.map((f) => f.footnote)).size).toBe(FAMILIES.length);
  });
});
