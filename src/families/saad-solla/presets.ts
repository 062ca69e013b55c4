// Presets of the Saad–Solla tab (the page's menu): the symmetric plateau of online SGD and its escape.
import type { Preset } from '../family';
import { saadSollaCodec } from './params';

export const PRESETS: Preset[] = [
  {
    id: 'saad-solla-plateau',
    family: 'saad-solla',
    group: 'Online SGD (Saad & Solla 1995)',
    title: 'K = M = 3: the symmetric plateau and its escape',
    hash: saadSollaCodec.encode({ ...saadSollaCodec.defaults(), K: 3, M: 3, eta: 0.1, asym: 0.001, alphaMax: 10000 }),
    caption:
      'K = M = 3, η = 0.1, initial asymmetry 10⁻³: ε_g falls onto the symmetric plateau ε_g ≈ 0.022 (dashed), where every student unit has the same overlap R ≈ 0.26 with every teacher unit, stays there for about 2·10³ steps/N, then each student unit takes one teacher unit (one R_in → 1 per row, the others → 0) and ε_g decays to 0.',
    source: 'D. Saad & S. A. Solla, PRL 74, 4337 (1995)',
  },
];
