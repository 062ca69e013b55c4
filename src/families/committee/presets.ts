// Presets of the committee-machine tab (the page's menu): the binary-weight hard phase of arXiv 1806.05451.
import type { Preset } from '../family';
import { committeeCodec } from './params';

export const PRESETS: Preset[] = [
  {
    id: 'committee-binary',
    family: 'committee',
    group: 'Committee machine (Aubin et al. 2018)',
    title: 'K = 2, ±1 weights: exact recovery and its hard phase',
    hash: committeeCodec.encode({ ...committeeCodec.defaults(), prior: 'rademacher', K: 2, alphaMax: 3 }),
    caption:
      'Binary teacher weights, K = 2: ε jumps to 0 at α_IT ≈ 1.546, where exact recovery becomes the equilibrium; AMP from the uninformed start leaves q11 = q12 only at α_sb ≈ 1.589 and reaches q = I at α_AMP ≈ 1.98. The hard phase α_IT < α < α_AMP is shaded.',
    source: 'arXiv 1806.05451 (Aubin, Maillard, Barbier, Krzakala, Macris, Zdeborová)',
  },
];
