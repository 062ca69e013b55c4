// Which spectral tables the build computes ahead for the theory worker (physics/mlp/tablePack.ts): every readout
// law at the γ of the default view and of each preset, so that the first curve of the page and of every preset,
// and any readout change there, skip the table build. Other γ are computed as before.
import { READOUT_LAWS } from '../../physics/types';
import type { PackedTable } from '../../physics/mlp/tablePack';
import { decodeHash, defaultParams } from './params';
import { MLP_PRESETS } from './presets';

export function packedTables(): PackedTable[] {
  const gammas = new Set([defaultParams().gamma, ...MLP_PRESETS.map((p) => decodeHash(p.hash).params.gamma)]);
  return [...gammas].flatMap((gamma) => READOUT_LAWS.map((readout) => ({ gamma, readout })));
}
