// The Simulation panel of the MLP family: finite-size HMC / ADAM / GAMP-RIE runs at the selected α with the
// theory's parameters, live plots, the backend and its measured speed, and a sweep over α × seeds whose finished
// runs appear as points on the ε(α) plot.
import { ALGORITHMS, INITS, READOUT_MODES } from '../../../sim/config';
import { mlpSim } from '../simController';
import { useExplorer } from '../store';
import { NISHIMORI_MODES, SIM_D_RANGE, useMlpSim, useSim, type SimForm } from '../simStore';
import { NishimoriPlot } from '../../../platform/sim/views/NishimoriPlot';
import { NISHIMORI_LABELS } from '../../../platform/sim/views/SimWidgets';
import { SimErrorPlot, SimOverlapPlot } from '../../../platform/sim/views/SimTracePlots';
import { SimPanelFrame } from '../../../platform/sim/views/SimPanelFrame';
import { SimFormSelects, SimIntField, type SimSelectSpec } from '../../../platform/sim/views/SimWidgets';

function Fields({ locked }: { locked: boolean }) {
  const form = useMlpSim((s) => s.form);
  const setForm = useMlpSim((s) => s.setForm);
  // GAMP-RIE takes no start and keeps the teacher's readouts.
  const gamp = form.algo === 'gamp';
  const selects: SimSelectSpec<SimForm>[] = [
    { key: 'algo', id: 'sim-algo', label: 'algorithm', values: ALGORITHMS },
    { key: 'init', id: 'sim-init', label: 'start', values: INITS, disabled: gamp },
    { key: 'readouts', id: 'sim-readouts', label: 'readouts v', values: READOUT_MODES, disabled: gamp },
    {
      key: 'nishimori',
      id: 'sim-nishimori',
      label: 'Nishimori check',
      values: NISHIMORI_MODES,
      labels: NISHIMORI_LABELS,
      disabled: form.algo !== 'hmc',
    },
  ];
  return (
    <>
      <SimFormSelects fields={selects} form={form} setForm={setForm} locked={locked} />
      <SimIntField id="sim-d" label="d" value={form.d} {...SIM_D_RANGE} onChange={(x) => setForm('d', x)} />
    </>
  );
}

function MlpNishimori() {
  const live = useSim((s) => s.live);
  const steps = useSim((s) => s.form.steps);
  const xMax = Math.max(steps, live?.trace[live.trace.length - 1]?.step ?? 1);
  return <NishimoriPlot runs={live ? [live] : []} xMax={xMax} testId="plot-sim-nishimori" />;
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
          <MlpNishimori />
        </>
      }
    />
  );
}
