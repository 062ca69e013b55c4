// The deep tab's simulation panel: finite-d runs of the teacher–student network with L = 1 … 8 hidden layers at
// the selected α with the tab's σ1, σ2, γ1, γ2 (layer 1, then every deeper layer), Δ, P_v, P_W; HMC or ADAM from
// the informative start, the uninformative one, or both side by side; live error, per-layer overlap and Nishimori
// plots; a sweep over α × seeds whose finished runs appear as points on the ε(α) plot above (at the theory's depth).
import { memo } from 'react';
import { deepSim } from '../simController';
import {
  DEEP_SIM_ALGOS,
  DEEP_SIM_DEPTHS,
  DEEP_SIM_DS,
  DEEP_SIM_STARTS,
  useDeepSim,
  type DeepSimForm,
} from '../simStore';
import { NISHIMORI_MODES } from '../../mlp/simStore';
import { useDeep } from '../store';
import { SimPanelFrame } from '../../../platform/sim/views/SimPanelFrame';
import { NISHIMORI_LABELS, SimFormSelects, type SimSelectSpec } from '../../../platform/sim/views/SimWidgets';
import { DeepSimErrorPlot, DeepSimNishimori, DeepSimOverlapPlot } from './DeepSimPlots';
import './deepSim.css';

const D_LABELS: Record<string, string> = Object.fromEntries(DEEP_SIM_DS.map((d) => [d, `${d} (k1 = γ1 d)`]));

const DEPTH_LABELS: Record<string, string> = Object.fromEntries(
  DEEP_SIM_DEPTHS.map((L) => [L, L === 2 ? '2 (this tab’s network)' : String(L)]),
);

const FIELDS: readonly SimSelectSpec<DeepSimForm>[] = [
  { key: 'depth', id: 'deep-sim-depth', label: 'hidden layers L', values: DEEP_SIM_DEPTHS, labels: DEPTH_LABELS },
  { key: 'algo', id: 'deep-sim-algo', label: 'algorithm', values: DEEP_SIM_ALGOS },
  { key: 'start', id: 'deep-sim-start', label: 'start', values: DEEP_SIM_STARTS },
  { key: 'd', id: 'deep-sim-d', label: 'd', values: DEEP_SIM_DS, labels: D_LABELS },
];

/** Says when the tab's parameters have no L = 2 theory curve (the runs still go, without reference lines). */
const TheoryNote = memo(function TheoryNote() {
  const error = useDeep((s) => s.computeError);
  const quenched = useDeep((s) => s.params.quenched);
  if (error)
    return (
      <p className="hint warn" data-testid="deep-sim-no-theory">
        No L = 2 theory curve for these parameters ({error.message}). Simulations still run with any activation; their
        points and traces have no theory to compare with.
      </p>
    );
  if (quenched)
    return (
      <p className="hint warn">
        The simulations learn both layers: the quenched curve (first layer given) is not their reference.
      </p>
    );
  return null;
});

function Fields({ locked }: { locked: boolean }) {
  const form = useDeepSim((s) => s.form);
  const setForm = useDeepSim((s) => s.setForm);
  const fields: SimSelectSpec<DeepSimForm>[] = [
    ...FIELDS,
    {
      key: 'nishimori',
      id: 'deep-sim-nishimori',
      label: 'Nishimori check',
      values: NISHIMORI_MODES,
      labels: NISHIMORI_LABELS,
      disabled: form.algo !== 'hmc',
    },
  ];
  return <SimFormSelects fields={fields} form={form} setForm={setForm} locked={locked} />;
}

export function DeepSimPanel() {
  const alpha = useDeep((s) => s.params.alpha);
  const depth = useDeepSim((s) => s.form.depth);
  return (
    <SimPanelFrame
      prefix="deep-sim"
      className="deep-sim-panel"
      useStore={useDeepSim}
      sim={deepSim}
      title={
        <>
          Simulation at α = {alpha}: {depth === 1 ? 'one hidden layer' : `${depth} hidden layers`}, finite d, in your
          browser
        </>
      }
      intro={
        <>
          <p className="hint">
            Teacher y = v·σ_L(W_L ⋯ σ1(W1 x/√d) ⋯ /√k_(L−1))/√k_L + √Δ z with L hidden layers: layer 1 has this
            tab&apos;s σ1 and γ1, every deeper layer σ2 and γ2 (L = 2 is the tab&apos;s network); Δ, P_v and P_W as
            above. The student samples (HMC, Gaussian prior, v fixed to the teacher&apos;s) or trains (ADAM) every
            layer. Informative HMC starts at W = W⁰ and should follow ε_opt; the uninformative start is meant to stall
            on a sub-optimal branch. Small d escapes sooner: at d ≈ 20–50 the gap is shorter-lived than at the
            papers&apos; d = 200. The Nishimori check runs a second chain on the same data: at equilibrium the
            teacher–student and student–student overlaps agree (N = 0).
          </p>
          <TheoryNote />
        </>
      }
      Fields={Fields}
      gamp={false}
      plots={
        <>
          <DeepSimErrorPlot />
          <DeepSimOverlapPlot />
          <DeepSimNishimori />
        </>
      }
    />
  );
}
