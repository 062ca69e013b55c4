// Bench section "phase": the 64 × 64 (α, γ) phase diagram with its lines (α ≤ 8, γ ∈ [0.1, 2], the UI's diagram),
// single-threaded, cold (phase tables and models built: caches emptied) and warm (tables cached, rows solved
// again for another Δ). The page spreads the rows over min(4, hardwareConcurrency) workers.
import { clearPhaseCaches } from '../../physics/mlp/phase';
import { solveRow } from '../../physics/mlp/phaseRow';
import { rowAlphas } from '../../physics/mlp/phaseTypes';
import type { ShallowParams } from '../../physics/types';
import type { BenchSection } from '../family';
import { median } from '../../../bench/timing';

function diagram(base: ShallowParams): number {
  const ys = Array.from({ length: 64 }, (_, i) => 0.1 + (1.9 * i) / 63);
  const alphas = rowAlphas(8, 64);
  const t0 = performance.now();
  for (const y of ys) solveRow(base, 'gamma', y, alphas, { alphaMax: 8 });
  return performance.now() - t0;
}

export const section: BenchSection = {
  name: 'phase',
  async run(log) {
    const out: Record<string, unknown> = {};
    for (const [name, base] of [
      ['relu', { activation: 'relu', gamma: 0.5, delta: 0.1, readout: 'ones', weights: 'rademacher' }],
      ['h23', { activation: 'h23', gamma: 0.5, delta: 1.25, readout: 'ones', weights: 'rademacher' }],
    ] as const) {
      const cold: number[] = [];
      const warm: number[] = [];
      for (let r = 0; r < 3; r++) {
        clearPhaseCaches();
        cold.push(diagram(base));
        warm.push(diagram({ ...base, delta: base.delta * (1.01 + 0.01 * r) }));
      }
      const c = median(cold);
      const w = median(warm);
      log(
        `64×64 (α, γ) diagram with lines, ${name}/ones/Rademacher W, one thread: cold ${c.toFixed(0)} ms (tables included), warm ${w.toFixed(0)} ms`,
      );
      out[`phaseColdMs_${name}`] = c;
      out[`phaseWarmMs_${name}`] = w;
    }
    return out;
  },
};
