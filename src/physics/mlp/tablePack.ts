// Spectral tables computed ahead, at build time (issue 19 §3): the m_S table of one (γ, P_v) is most of the first
// ε(α) curve's cost (~120–300 ms a table), and the page's first view and presets use a handful of them. The build
// runs the same code as the worker (buildSpectralTable with the model's options) and ships the node values keyed by
// tableKey; the worker installs them as its node store (spectralTable.ts), so a packed table is the same to the last
// bit, and any other table is computed as before. Built with the bundle from the current sources: never stale.
import { spectralLaw } from '../priors';
import { buildSpectralTable, tableKey, type TableNodeStore } from '../spectralTable';
import type { ReadoutLaw } from '../types';
import { tableOptionsOf } from './shallowModel';

/** tableKey → the m_S node values of that table (plain numbers, so that the pack is JSON). */
export type TablePack = Record<string, number[]>;

export interface PackedTable {
  gamma: number;
  readout: ReadoutLaw;
}

/** The key under which the model's table of (γ, P_v) is stored. */
export function packKey(t: PackedTable): string {
  return tableKey(spectralLaw(t.readout, t.gamma), tableOptionsOf(t.readout));
}

/** Builds the node values of every listed table, as the model would. */
export function buildTablePack(list: readonly PackedTable[]): TablePack {
  const pack: TablePack = {};
  for (const t of list) {
    const key = packKey(t);
    if (key in pack) continue;
    pack[key] = Array.from(buildSpectralTable(spectralLaw(t.readout, t.gamma), tableOptionsOf(t.readout)).nodeValues());
  }
  return pack;
}

/** A read-only node store over a pack (buildSpectralTable checks the values before it uses them). */
export function packStore(pack: Readonly<TablePack>): TableNodeStore {
  return {
    load: (key) => (Object.hasOwn(pack, key) ? Float64Array.from(pack[key]) : null),
    save: () => {},
  };
}
