// The readout table's transition rows as text: α_sp with its order, and the spinodals of a first-order transition
// only. A continuous transition has one onset, where Q = 0 loses stability and the Q ≠ 0 branch is born at once:
// its two "spinodals" are that one α found by two searches (e.g. 0.6323 and 0.6321 for ReLU, Δ = 0.1), not two.
import type { TransitionResult } from '../../../physics/mlp/shallowModel';
import { formatValue } from '../../../platform/plots/scales';

export function alphaSpText(t: TransitionResult): string {
  const at = formatValue(t.alphaSp, 4);
  if (t.order === 'continuous') return `${at} (continuous: the one onset, where Q = 0 loses stability)`;
  return t.order ? `${at} (${t.order})` : at;
}

/** Null for a continuous transition (no spinodals: one onset) and where neither spinodal exists. */
export function spinodalsText(t: TransitionResult): string | null {
  if (t.order === 'continuous' || (t.spinodalSpec === null && t.spinodalUni === null)) return null;
  const spec = t.spinodalSpec === null ? '—' : formatValue(t.spinodalSpec, 4);
  const uni =
    t.spinodalUni === null
      ? 'Q = 0 never linearly unstable'
      : `Q = 0 unstable from α ≈ ${formatValue(t.spinodalUni, 4)}`;
  return `Q ≠ 0 branch from α ≈ ${spec}; ${uni}`;
}
