// Presentation mode's floating status chip: the simulation started by space (its panel is hidden there), with
// its step counter (platform/sim/chip.ts).
import { useSimChip } from '../platform/sim/chip';
import { formatNumber } from '../platform/state/hashCodec';
import { useShareUi } from './presentation';

export function SimChip() {
  const present = useShareUi((s) => s.present);
  const chip = useSimChip((s) => s.chip);
  if (!present || !chip) return null;
  return (
    <div className="sim-chip" role="status" data-testid="sim-chip">
      {chip.algo.toUpperCase()} · α = {formatNumber(chip.alpha)} · d = {chip.d} · step{' '}
      <span data-testid="sim-chip-step">{chip.step}</span> / {chip.steps} · {chip.status}
    </div>
  );
}
