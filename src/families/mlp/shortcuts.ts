// The MLP family's answer to the ←/→ shortcut: step the selected α by 0.1 (1 with shift) within [α_min, α range].
import { onStep, type StepDetail } from '../../app/shortcuts';
import { useFamily } from '../../app/familyStore';
import { DEFAULT_MODEL } from '../../platform/state/hashCodec';
import { ALPHA_MIN, type useExplorer } from './store';

export const ALPHA_STEP = 0.1;

/** The α after one step: on the 0.1 grid (so repeated steps give round numbers), clamped to the α range. */
export function steppedAlpha(alpha: number, alphaMax: number, d: StepDetail): number {
  const step = d.large ? 1 : ALPHA_STEP;
  const k = d.direction > 0 ? Math.floor(alpha / step + 1e-9) + 1 : Math.ceil(alpha / step - 1e-9) - 1;
  const next = Number((k * step).toFixed(6));
  return Math.min(alphaMax, Math.max(ALPHA_MIN, next));
}

export function listenMlpShortcuts(store: typeof useExplorer): () => void {
  return onStep((d) => {
    if (useFamily.getState().model !== DEFAULT_MODEL) return;
    const { params, setParam } = store.getState();
    const next = steppedAlpha(params.alpha, params.alphaMax, d);
    if (next !== params.alpha) setParam('alpha', next);
  });
}
