// Depth L of the network: 1 (the MLP family), 2 (the deep family's L = 2 theory), 3 … 8 (its any-depth theory,
// enabled for activations under the hypothesis μ0 = μ1 = μ2 = 0, E σ² = 1; otherwise the reason is shown).
// Switching carries the shared parameters (activation, γ, Δ, readout, weights, α) across the two families.
import { useId } from 'react';
import { ACTIVATION_NAMES } from '../../../physics/types';
import { useFamily } from '../../../app/familyStore';
import { DEEP_ALPHA_MAX } from '../params';
import { useDeep } from '../store';
import { useExplorer } from '../../mlp/store';
import { ALPHA_MAX_CHOICES, CUSTOM_ACTIVATION } from '../../mlp/params';

/** Built-ins under the any-depth hypothesis; a typed σ is checked by the worker (its refusal names the coefficient). */
const ANY_DEPTH_BUILTINS = ['tanh2-nolin', 'h3'];

/** Why depths L ≥ 3 are unavailable for this activation (null when they are). */
export function depthReason(activation: string): string | null {
  if (ANY_DEPTH_BUILTINS.includes(activation) || activation.startsWith('expr:')) return null;
  return `L ≥ 3 needs μ0 = μ1 = μ2 = 0 and E σ² = 1 in every layer (arXiv 2510.24616); ${activation} does not satisfy this: choose tanh2-nolin (the paper’s σ), h3, or type σ.`;
}

const DEPTHS = [1, 2, 3, 4, 5, 6, 7, 8];

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

export function DepthControl({ current }: { current: number }) {
  const id = useId();
  const mlpActivation = useExplorer((s) =>
    s.params.act === CUSTOM_ACTIVATION ? `expr:${s.params.expr}` : s.params.act,
  );
  const deepActivation = useDeep((s) => s.params.activation);
  const reason = depthReason(current === 1 ? mlpActivation : deepActivation);
  const choose = (v: number) => {
    if (v === current) return;
    if (v === 1) return toShallow();
    if (current === 1) toDeep();
    useDeep.getState().setParam('depth', v);
  };
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
        onChange={(e) => choose(Number(e.currentTarget.value))}
      >
        {DEPTHS.map((L) => (
          <option
            key={L}
            value={L}
            disabled={L >= 3 && reason !== null}
            title={L >= 3 ? (reason ?? undefined) : undefined}
          >
            {L === 1
              ? '1 (shallow MLP)'
              : L === 2
                ? '2 (two hidden layers)'
                : `${L}${reason ? ' (not available)' : ''}`}
          </option>
        ))}
      </select>
      {/* Folded: four lines of small print would push the first plot down on a phone (issue 20). */}
      {reason && (
        <details className="depth-note">
          <summary className="hint">why L ≥ 3 is not available</summary>
          <p className="hint" data-testid="depth3-reason">
            {reason}
          </p>
        </details>
      )}
    </div>
  );
}
