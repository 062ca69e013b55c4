// The deep tab's simulation panel: finite-d runs of the two-hidden-layer teacher–student network at the
// selected α with the tab's σ1, σ2, γ1, γ2, Δ, P_v, P_W; HMC or ADAM from the informative start, the
// uninformative one, or both side by side; live error and overlap plots; a sweep over α × seeds whose finished
// runs appear as points on the ε(α) plot above.
import { memo } from 'react';
import { deepSim } from '../simController';
import { DEEP_SIM_ALGOS, DEEP_SIM_DS, DEEP_SIM_STARTS, useDeepSim, type DeepSimForm } from '../simStore';
import { useDeep } from '../store';
import { SimPanelFrame } from '../../../platform/sim/views/SimPanelFrame';
import { SimFormSelects, type SimSelectSpec } from '../../../platform/sim/views/SimWidgets';
import { DeepSimErrorPlot, DeepSimOverlapPlot } from './DeepSimPlots';
import './deepSim.css';

const D_LABELS: Record<string, string> = Object.fromEntries(DEEP_SIM_DS.map((d) => [d, `${d} (k1 = γ1 d)`]));

const FIELDS: readonly SimSelectSpec<DeepSimForm>[] = [
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
  return <SimFormSelects fields={FIELDS} form={form} setForm={setForm} locked={locked} />;
}

export function DeepSimPanel() {
  const alpha = useDeep((s) => s.params.alpha);
  return (
    <SimPanelFrame
      prefix="deep-sim"
      className="deep-sim-panel"
      useStore={useDeepSim}
      sim={deepSim}
      title={<>Simulation at α = {alpha}: two hidden layers, finite d, in your browser</>}
      intro={
        <>
          <p className="hint">
            Teacher y = v·σ2(W2 σ1(W1 x/√d)/√k1)/√k2 + √Δ z with this tab&apos;s σ1, σ2, γ1, γ2, Δ, P_v and P_W; the
            student samples (HMC, Gaussian prior, v fixed to the teacher&apos;s) or trains (ADAM) both layers.
            Informative HMC starts at W = W⁰ and should follow ε_opt; the uninformative start is meant to stall on a
            sub-optimal branch (first layer partly learnt, second not). Small d escapes sooner: at d ≈ 20–40 the gap is
            shorter-lived than at the papers&apos; d = 200.
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
        </>
      }
    />
  );
}
