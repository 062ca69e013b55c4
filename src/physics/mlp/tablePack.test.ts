// The tables computed ahead at build time (tablePack.ts): the model built over a pack is the model built without it,
// to the last bit; a pack only answers for its own keys, and a corrupted entry is ignored, not used.
import { afterEach, describe, expect, it } from 'vitest';
import { spectralLaw } from '../priors';
import { buildSpectralTable, setTableNodeStore } from '../spectralTable';
import { buildTablePack, packKey, packStore } from './tablePack';
import { tableOptionsOf } from './shallowModel';

afterEach(() => setTableNodeStore(null));

const LAMBDAS = [0, 1e-3, 0.05, 0.7, 3, 40, 900, 1.5e4, 5e4];
const sample = (t: ReturnType<typeof buildSpectralTable>) =>
  LAMBDAS.flatMap((l) => [t.mS(l), t.mSPrime(l), t.iota(l), t.gain(l, 0.2)]);

describe('table pack', () => {
  const list = [
    { gamma: 0.5, readout: 'ones' as const },
    { gamma: 0.5, readout: 'gauss' as const },
    { gamma: 0.5, readout: 'ones' as const }, // listed twice: built once
  ];
  const pack = buildTablePack(list);

  it('holds one entry per table, keyed as the model keys its tables, with the model’s node count', () => {
    expect(Object.keys(pack)).toEqual([packKey(list[0]), packKey(list[1])]);
    expect(pack[packKey(list[0])]).toHaveLength(420);
    expect(pack[packKey(list[1])]).toHaveLength(200); // continuous laws: the coarser table
  });

  it('a table built over the pack is read from it (nothing computed) and equals a table built from scratch, to the last bit', () => {
    for (const t of list.slice(0, 2)) {
      const law = spectralLaw(t.readout, t.gamma);
      const fresh = buildSpectralTable(law, tableOptionsOf(t.readout));
      const inner = packStore(pack);
      const answered: boolean[] = [];
      let saves = 0;
      setTableNodeStore({
        load: (k) => {
          const v = inner.load(k);
          answered.push(v !== null);
          return v;
        },
        save: () => saves++, // a table computed rather than read would be saved
      });
      const packed = buildSpectralTable(law, tableOptionsOf(t.readout));
      setTableNodeStore(null);
      expect(answered).toEqual([true]);
      expect(saves).toBe(0);
      expect(Array.from(packed.nodeValues())).toEqual(Array.from(fresh.nodeValues()));
      expect(sample(packed)).toEqual(sample(fresh));
    }
  });

  it('answers only for its own keys; a damaged entry is refused and the table computed', () => {
    const store = packStore(pack);
    expect(store.load(packKey({ gamma: 0.7, readout: 'ones' }))).toBeNull();
    expect(store.load('toString')).toBeNull();
    const key = packKey(list[0]);
    const damaged = { [key]: pack[key].map((x, i) => (i === 100 ? 1.5 : x)) }; // out of [0, 1]
    const law = spectralLaw('ones', 0.5);
    setTableNodeStore(packStore(damaged));
    const t = buildSpectralTable(law, tableOptionsOf('ones'));
    expect(Array.from(t.nodeValues())).toEqual(pack[key]);
  });
});
