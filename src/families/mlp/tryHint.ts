// The one-line "try this" hint over the MLP figures (issue 20): drawn from the phase diagram on screen, so it stays
// true when the parameters change. A critical point (where the first-order α_sp line ends) near the slider's value
// is the most visible thing to try; else the α_sp line itself; else a click on the diagram.
import type { PhasePlane } from '../../physics/mlp/phaseTypes';
import type { XY } from './phaseGeometry';

const SYMBOL: Record<PhasePlane, string> = { gamma: 'γ', delta: 'Δ' };
const fmt = (x: number) => String(Number(x.toPrecision(2)));

/**
 * @param critical critical points [α, y] of the diagram (y = γ or Δ, the plane's axis)
 * @param hasSpLine whether the diagram draws a first-order α_sp line
 * @param alphaMax the α range shown: a critical point beyond it is not on screen
 * @param yNow the slider's value of the plane's parameter
 */
export function tryHint(
  plane: PhasePlane,
  critical: readonly XY[],
  hasSpLine: boolean,
  alphaMax: number,
  yNow: number,
): string {
  const y = SYMBOL[plane];
  const shown = critical.filter((p) => p[0] <= alphaMax);
  if (shown.length) {
    const c = shown.reduce((a, b) => (Math.abs(b[1] - yNow) < Math.abs(a[1] - yNow) ? b : a));
    return `Try this: drag ${y} across ≈ ${fmt(c[1])} (the open circle on the phase diagram): the smooth rise of Q near α ≈ ${fmt(c[0])} turns into a first-order jump of Q and ε.`;
  }
  if (hasSpLine)
    return `Try this: drag ${y} and watch the specialisation jump α_sp (solid line on the phase diagram) move; ε(α) follows.`;
  return `Try this: click the phase diagram to move (α, ${y}); ε(α) and the values at the selected α follow.`;
}
