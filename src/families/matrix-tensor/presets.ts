// Presets of the spiked matrix–tensor tab: the lecture's phase diagram (p = 3) and the p = 4 diagram of the paper.
import type { Preset } from '../family';

const link = (p: number, deltaP: number, invDelta2Max: number, deltaPMax: number) =>
  `#model=matrix-tensor&v=1&p=${p}&delta-p=${deltaP}&inv-delta2-max=${invDelta2Max}&delta-p-max=${deltaPMax}`;

export const MATRIX_TENSOR_PRESETS: Preset[] = [
  {
    id: 'matrix-tensor-lecture',
    family: 'matrix-tensor',
    group: 'Spiked matrix–tensor model',
    title: 'p = 3: the lecture’s phase diagram',
    hash: link(3, 0.5, 3, 4),
    caption:
      'p = 3 in the (Δp, 1/Δ2) plane: impossible below 1/Δ2_IT, hard for AMP up to 1/Δ2 = 1, then easy for AMP but hard for Langevin at T = 1 up to 1/Δ2_L = max(1, √(2/Δp)), hard for gradient flow up to 1/Δ2_GF, and a landscape without spurious minima only above 1/Δ2_triv. At Δp = 0.5 the overlap jumps (first-order transition) and the informative branch is metastable below 1/Δ2_IT.',
    source:
      'Zdeborová, PAISS 2019 lecture; Sarao Mannelli et al., arXiv 1812.09066 (Fig. 1) and arXiv 1902.00139 (Fig. 1)',
  },
  {
    id: 'matrix-tensor-p4',
    family: 'matrix-tensor',
    group: 'Spiked matrix–tensor model',
    title: 'p = 4',
    hash: link(4, 0.1, 3, 4),
    caption:
      'p = 4: at Δp = 0.1 the tensor alone makes recovery possible (1/Δ2_IT = 0), but AMP from the uninformative start reaches the informative branch only at 1/Δ2_AMP ≈ 1.03 > 1; at small Δp the AMP line bends above 1.',
    source: 'Sarao Mannelli et al., arXiv 1902.00139 (Fig. 1, right)',
  },
];
