// The Simulation panel of the MLP family: finite-size HMC / ADAM / GAMP-RIE runs at the selected α with the
// theory's parameters, live plots, the backend and its measured speed, and a sweep over α × seeds whose finished
// runs appear as points on the ε(α) plot.
import { ALGORITHMS, INITS, READOUT_MODES } from '../../../sim/simulation';
import { mlpSim } from '../simController';
import { useExplorer } from '../store';
import { useMlpSim } from '../simStore';
import { SimErrorPlot, SimOverlapPlot } from '../../../platform/sim/views/SimTracePlots';
import { SimPanelFrame } from '../../../platform/sim/views/SimPanelFrame';
import { SimIntField, SimSelect } from '../../../platform/sim/views/SimWidgets';

function Fields({ locked }: { locked: boolean }) {
  const form = useMlpSim((s) => s.form);
  const setForm = useMlpSim((s) => s.setForm);
  const gamp = form.algo === 'gamp';
  return (
    <>
      <SimSelect
        id="sim-algo"
        label="algorithm"
        value={form.algo}
        values={ALGORITHMS}
        onChange={(v) => setForm('algo', v)}
        disabled={locked}
      />
      <SimSelect
        id="sim-init"
        label="start"
        value={form.init}
        values={INITS}
        onChange={(v) => setForm('init', v)}
        disabled={locked || gamp}
      />
      <SimSelect
        id="sim-readouts"
        label="readouts v"
        value={form.readouts}
        values={READOUT_MODES}
        onChange={(v) => setForm('readouts', v)}
        disabled={locked || gamp}
      />
      <SimIntField id="sim-d" label="d" value={form.d} min={8} max={200} onChange={(x) => setForm('d', x)} />
    </>
  );
}

export function SimPanel() {
  const alpha = useExplorer((s) => s.params.alpha);
  return (
    <SimPanelFrame
      prefix="sim"
      useStore={useMlpSim}
      sim={mlpSim}
      title={<>Simulation at α = {alpha} (finite d, in your browser)</>}
      intro={
        <p className="hint">
          Teacher, data and student from one seeded generator with the theory&apos;s σ, γ, Δ, P_v and P_W. Informative
          HMC should follow ε_opt; uninformative HMC, ADAM and GAMP-RIE stay on the universal branch past α_sp. Small d
          escapes the universal branch sooner: the gap lasts for d ≳ 50 (the papers used d = 150–240).
        </p>
      }
      Fields={Fields}
      gamp
      plots={
        <>
          <SimErrorPlot />
          <SimOverlapPlot />
        </>
      }
    />
  );
}
