// The committee-machine family: K = 2 or 3 hidden units, sign–sign output (arXiv 1806.05451).
import { lazyView, type Family } from '../family';
import { COMMITTEE_TABLE } from './params';
import { startCommittee } from './controller';
import { PRESETS } from './presets';

export const family: Family = {
  id: 'committee',
  label: 'Committee machine',
  blurb:
    'Two-layer committee machine with K = 2 or 3 hidden units and sign–sign output: specialisation of the hidden units (first order for K = 3) and computational gaps (arXiv 1806.05451).',
  footnote:
    'ε = ½(E y² − E(Σ_y y Z_out)²): the squared error of the posterior-mean label (¼ at q = 0 for K = 2, where ties give y = 0; ½ for K = 3).',
  params: COMMITTEE_TABLE,
  start: () => startCommittee(),
  View: lazyView(
    () => import('./views/CommitteeExplorer'),
    (m) => m.CommitteeExplorer,
  ),
  presets: PRESETS,
  cli: { commands: ['committee'], load: () => import('./cli') },
  bench: () => import('./bench'),
};
