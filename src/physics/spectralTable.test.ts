// The node-value hook of the spectral tables (the CLI's disk cache rests on it): a table rebuilt from its node values,
// given directly or by a store, is the same table to the last bit; bad values are refused or ignored, never used.
import { afterEach, describe, expect, it } from 'vitest';
import { Superseded } from './errors';
import { readoutAtoms, spectralLaw } from './priors';
import {
  buildSpectralTable,
  COARSE_TABLE,
  setTableNodeStore,
  tableKey,
  type SpectralTable,
  type TableNodeStore,
} from './spectralTable';

const rad = spectralLaw('rad', 0.7);
const LAMBDAS = [0, 1e-3, 0.3, 1, 2.5, 17, 400, 1.9e4, 2e4, 3e4, 1e6];

/** Every method of two tables at the same arguments, for exact comparison. */
function values(t: SpectralTable): number[] {
  const out: number[] = [];
  const ev = { v: 0, d: 0 };
  for (const l of LAMBDAS) {
    t.evalMS(l, ev);
    out.push(t.mS(l), t.mSPrime(l), ev.v, ev.d, t.mmse(l), t.iota(l), t.gain(l, 0.3), t.iotaDrop(l, 0.3));
  }
  for (const y of [0, 0.1, 0.5, 0.9, 0.999, 0.99999]) out.push(t.mSInverse(y));
  return out;
}

/** A store in memory that counts its calls. */
function memoryStore(): TableNodeStore & { map: Map<string, Float64Array>; loads: number; saves: number } {
  const map = new Map<string, Float64Array>();
  return {
    map,
    loads: 0,
    saves: 0,
    load(key) {
      this.loads++;
      return map.get(key) ?? null;
    },
    save(key, v) {
      this.saves++;
      map.set(key, v);
    },
  };
}

afterEach(() => setTableNodeStore(null));

describe('spectral table from stored node values', () => {
  const direct = buildSpectralTable(rad);

  it('nodeValues: the table rebuilt from them equals the built one exactly (all methods, inside and beyond λ_max)', () => {
    const again = buildSpectralTable(rad, { nodeValues: direct.nodeValues() });
    expect(values(again)).toEqual(values(direct));
  });

  it('a store: the first build saves under tableKey, the next one loads instead of computing', () => {
    const store = memoryStore();
    setTableNodeStore(store);
    const first = buildSpectralTable(rad);
    expect(store.saves).toBe(1);
    expect([...store.map.keys()]).toEqual([tableKey(rad)]);
    expect(values(first)).toEqual(values(direct));
    // Shift the stored values (still valid): the next table must follow them, so it did read the store.
    const shifted = store.map.get(tableKey(rad))!.map((x, i) => (i === 0 ? 0 : x * 0.999));
    store.map.set(tableKey(rad), shifted);
    const second = buildSpectralTable(rad);
    expect(store.saves).toBe(1);
    expect(second.mS(1)).not.toBe(direct.mS(1));
    expect(second.nodeValues()).toEqual(shifted);
  });

  it('stored values of the wrong length, with NaN or outside [0, 1] are ignored: the table is computed', () => {
    const store = memoryStore();
    setTableNodeStore(store);
    const good = direct.nodeValues();
    for (const bad of [good.slice(1), good.map((x, i) => (i === 5 ? NaN : x)), good.map((x) => x + 2)]) {
      store.map.set(tableKey(rad), bad);
      expect(values(buildSpectralTable(rad))).toEqual(values(direct));
    }
  });

  it('nodeValues that cannot be a table are refused with a message', () => {
    expect(() => buildSpectralTable(rad, { nodeValues: new Float64Array(7) })).toThrow(/420 values/);
  });

  it('tableKey separates γ, the law and the options', () => {
    const keys = [
      tableKey(rad),
      tableKey(spectralLaw('rad', 0.7000001)),
      tableKey(spectralLaw('ones', 0.7)),
      tableKey(spectralLaw('gauss', 0.7)),
      tableKey(spectralLaw('unif', 0.7)),
      tableKey(rad, COARSE_TABLE),
      tableKey(rad, { nodes: 421 }),
    ];
    expect(new Set(keys).size).toBe(keys.length);
    expect(tableKey(rad, { nodes: 420, lambdaMax: 2e4, relTol: 1e-11 })).toBe(tableKey(rad));
    expect(readoutAtoms('rad').v.length).toBe(2); // the key lists both atoms
    expect(JSON.parse(tableKey(rad)).v).toEqual([-1, 1]);
  });
});

describe('a table build asked to stop', () => {
  it('throws Superseded between node values; the model cache keeps nothing and builds it in full next time', async () => {
    const { getSpectralTable, prepareShallowModel } = await import('./mlp/shallowModel');
    const gamma = 0.537; // used by no other test: not cached yet
    let polls = 0;
    expect(() => getSpectralTable(gamma, 'ones', () => ++polls > 3)).toThrow(Superseded);
    expect(polls).toBe(4); // every 16th of the 420 nodes until told to stop
    expect(() =>
      prepareShallowModel({ activation: 'relu', gamma, delta: 0.1, readout: 'ones', weights: 'gaussian' }, () => true),
    ).toThrow(Superseded);
    const full = getSpectralTable(gamma, 'ones', () => false);
    expect(Array.from(full.nodeValues())).toEqual(
      Array.from(buildSpectralTable(spectralLaw('ones', gamma)).nodeValues()),
    );
    expect(getSpectralTable(gamma, 'ones', () => true)).toBe(full); // cached: nothing left to stop
  });
});
