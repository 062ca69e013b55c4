// The committee-machine family: K = 2 hidden units, sign–sign output (arXiv 1806.05451).
import { lazyView, type Family } from '../family';
import { COMMITTEE_TABLE } from './params';
import { startCommittee } from './controller';

export const family: Family = {
  id: 'committee',
  label: 'Committee machine',
  blurb:
    'Two-layer committee machine with K = 2 hidden units and sign–sign output: specialisation of the hidden units and, for binary weights, a computational gap (arXiv 1806.05451).',
  footnote: 'ε = ½(E y² − E(Σ_y y Z_out)²): the squared error of the posterior-mean label (¼ at q = 0).',
  params: COMMITTEE_TABLE,
  start: () => startCommittee(),
  View: lazyView(
    () => import('./views/CommitteeExplorer'),
    (m) => m.CommitteeExplorer,
  ),
  cli: { commands: ['committee'], load: () => import('./cli') },
  bench: () => import('./bench'),
};
