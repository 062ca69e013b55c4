// Depth L of the network: 1 (the MLP family), 2 (the deep family), 3 shown but disabled with the reason.
// Switching carries the shared parameters (activation, γ, Δ, readout, weights, α) across the two families.
import { useId } from 'react';
import { ACTIVATION_NAMES } from '../../../physics/types';
import { useFamily } from '../../../app/familyStore';
import { DEEP_ALPHA_MAX } from '../params';
import { useDeep } from '../store';
import { useExplorer } from '../../mlp/store';
import { ALPHA_MAX_CHOICES, CUSTOM_ACTIVATION } from '../../mlp/params';

export const DEPTH3_REASON =
  'L = 3 is not available: the authors’ L = 3 equations (arXiv 2510.24616, appendix) are not derived and checked by ∂f = 0 here, so no numbers are shown as the paper’s.';

const nearest = (choices: readonly number[], x: number) =>
  choices.reduce((a, b) => (Math.abs(b - x) < Math.abs(a - x) ? b : a));

/** MLP (L = 1) → deep (L = 2). */
export function toDeep(): void {
  const m = useExplorer.getState().params;
  const activation = m.act === CUSTOM_ACTIVATION ? `expr:${m.expr}` : m.act;
  const d = useDeep.getState();
  const alphaMax = nearest(DEEP_ALPHA_MAX, m.alphaMax);
  d.setParams({
    ...d.params,
    activation,
    activation2: activation,
    gamma: m.gamma,
    delta: m.delta,
    readout: m.readout,
    weights: m.weights,
    alphaMax,
    alpha: Math.min(m.alpha, alphaMax),
  });
  useFamily.getState().setModel('deep');
}

/** Deep (L = 2) → MLP (L = 1): the first layer's activation; Δ and γ clamped to the MLP's ranges. */
export function toShallow(): void {
  const d = useDeep.getState().params;
  const m = useExplorer.getState();
  const custom = d.activation.startsWith('expr:');
  const known = (ACTIVATION_NAMES as readonly string[]).includes(d.activation);
  const alphaMax = nearest(ALPHA_MAX_CHOICES, d.alphaMax);
  m.setParams({
    ...m.params,
    act: custom ? CUSTOM_ACTIVATION : known ? d.activation : m.params.act,
    expr: custom ? d.activation.slice(5) : m.params.expr,
    gamma: Math.max(0.1, Math.min(d.gamma, 2)),
    delta: Math.min(d.delta, 2),
    readout: d.readout,
    weights: d.weights,
    alphaMax,
    alpha: Math.min(d.alpha, alphaMax),
  });
  useFamily.getState().setModel('mlp');
}

export function DepthControl({ current }: { current: 1 | 2 }) {
  const id = useId();
  return (
    <div className="control depth-control">
      <label htmlFor={id}>
        <span>
          depth <i>L</i> (hidden layers)
        </span>
      </label>
      <select
        id={id}
        data-testid="control-depth"
        value={current}
        onChange={(e) => {
          const v = Number(e.currentTarget.value);
          if (v === 2 && current === 1) toDeep();
          if (v === 1 && current === 2) toShallow();
        }}
      >
        <option value={1}>1 (shallow MLP)</option>
        <option value={2}>2 (two hidden layers)</option>
        <option value={3} disabled title={DEPTH3_REASON}>
          3 (not available)
        </option>
      </select>
      <p className="hint" data-testid="depth3-reason">
        {DEPTH3_REASON}
      </p>
    </div>
  );
}
