// The Saad–Solla family: online SGD of a soft committee machine as N → ∞ (PRL 74, 4337, 1995).
import { lazyView, type Family } from '../family';
import { SAAD_SOLLA_TABLE } from './params';
import { startSaadSolla } from './controller';
import { PRESETS } from './presets';

export const family: Family = {
  id: 'saad-solla',
  label: 'Saad–Solla online SGD',
  blurb:
    'Online SGD of a soft committee machine as N → ∞: the Saad–Solla ODEs for the overlaps, the symmetric plateau and its escape (PRL 74, 4337, 1995).',
  references: 'D. Saad & S. A. Solla, PRL 74, 4337 (1995)',
  footnote:
    'ε_g = ½ E(σ − y)²: the generalisation error of the student committee on a fresh input, in closed form from the overlaps R, Q, T.',
  params: SAAD_SOLLA_TABLE,
  start: () => startSaadSolla(),
  View: lazyView(
    () => import('./views/SaadSollaExplorer'),
    (m) => m.SaadSollaExplorer,
  ),
  presets: PRESETS,
  cli: { commands: ['saad-solla'], load: () => import('./cli') },
  bench: () => import('./bench'),
};
