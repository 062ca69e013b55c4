// The tables the build computes ahead cover the first curve of the default view and of every preset, under every
// readout law (a readout change there is instant too).
import { describe, expect, it } from 'vitest';
import { READOUT_LAWS } from '../../physics/types';
import { packedTables } from './packedTables';
import { decodeHash, defaultParams } from './params';
import { MLP_PRESETS } from './presets';

describe('packed tables', () => {
  const has = (gamma: number, readout: string) =>
    packedTables().some((t) => t.gamma === gamma && t.readout === readout);

  it('the default view and each preset, under every readout law', () => {
    const gammas = [defaultParams().gamma, ...MLP_PRESETS.map((p) => decodeHash(p.hash).params.gamma)];
    for (const g of gammas) for (const r of READOUT_LAWS) expect(has(g, r), `γ = ${g}, ${r}`).toBe(true);
    expect(has(defaultParams().gamma, defaultParams().readout)).toBe(true);
  });

  it('lists each table once (the presets share γ = 0.5)', () => {
    const keys = packedTables().map((t) => `${t.gamma}|${t.readout}`);
    expect(new Set(keys).size).toBe(keys.length);
    expect(keys.length).toBe(READOUT_LAWS.length);
  });
});
