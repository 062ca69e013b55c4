// The online-SGD comparison of the hidden-manifold tab: the "simulate" control, and the runs' test errors on
// hidden-manifold and i.i.d. inputs (one legend entry each, "simulation, N = …").
import { useState } from 'react';
import { fmt, Select } from '../../../platform/ui/fields';
import type { Series } from '../../../platform/plots/LinePlot';
import { COLOURS } from '../../../platform/plots/palette';
import { latentDim } from '../../../physics/hiddenManifold/sgdSim';
import { useHiddenManifold, type SgdView } from '../store';

const SEEDS = ['1', '2', '4'] as const;
export const KIND_COLOUR = { hmm: COLOURS.specialised, iid: COLOURS.universal } as const;

/** The median over finished runs of the last test error, by kind (null before any). */
export function finalErrors(sim: SgdView | null): { hmm: number | null; iid: number | null } {
  const med = (runs: { testError: number }[][]) => {
    const v = runs
      .map((r) => r[r.length - 1]?.testError)
      .filter((x): x is number => Number.isFinite(x))
      .sort((a, b) => a - b);
    return v.length ? (v.length % 2 ? v[(v.length - 1) / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2) : null;
  };
  return { hmm: sim ? med(sim.runs.hmm) : null, iid: sim ? med(sim.runs.iid) : null };
}

/** One line a run, coloured by data kind, the first of each kind in the legend. */
export function sgdSeries(sim: SgdView | null, delta: number): Series[] {
  if (!sim) return [];
  const D = latentDim({ N: sim.N, delta });
  const text = { hmm: `hidden manifold, D = ${D}`, iid: 'i.i.d. Gaussian inputs' };
  const out: Series[] = [];
  for (const kind of ['hmm', 'iid'] as const)
    sim.runs[kind].forEach((run, r) =>
      out.push({
        mark: 'line',
        id: `sgd-${kind}-${r}`,
        testId: r === 0 ? `sgd-${kind}` : undefined,
        data: (run ?? []).filter((p) => p.alpha > 0).map((p) => [p.alpha, Math.max(p.testError, 1e-8)]),
        colour: KIND_COLOUR[kind],
        dots: true,
        label: r === 0 ? `simulation, N = ${sim.N}: ${text[kind]}` : undefined,
      }),
    );
  return out;
}

export function SgdPanel() {
  const sim = useHiddenManifold((s) => s.simulation);
  const request = useHiddenManifold((s) => s.requestSimulation);
  const [seeds, setSeeds] = useState<string>('2');
  const final = finalErrors(sim);
  return (
    <div
      className="classic-simulation"
      data-testid="hmm-simulation"
      data-complete={sim && !sim.running ? 'true' : 'false'}
    >
      <h3>Online SGD: manifold vs i.i.d.</h3>
      <Select
        id="control-hmm-seeds"
        label="runs of each (seeds)"
        value={seeds}
        onChange={setSeeds}
        options={SEEDS.map((v) => [v, v] as const)}
      />
      <div className="classic-presets">
        <button type="button" data-testid="hmm-simulate" onClick={() => request(Number(seeds))}>
          simulate
        </button>
      </div>
      {sim && (
        <dl className="classic-readout">
          <dt>runs finished</dt>
          <dd data-testid="readout-hmm-runs">
            {sim.finished} / {2 * sim.seeds}
            {sim.running ? ' (running…)' : ''}
            {sim.diverged ? ` (${sim.diverged} blew up: lower η)` : ''}
          </dd>
          <dt>final ε_g, hidden manifold</dt>
          <dd data-testid="readout-hmm-final">{fmt(final.hmm)}</dd>
          <dt>final ε_g, i.i.d. inputs</dt>
          <dd data-testid="readout-iid-final">{fmt(final.iid)}</dd>
        </dl>
      )}
      {sim?.error && <p className="classic-note">{sim.error}</p>}
      <p className="classic-note">
        Float64 online SGD, one fresh sample a step, both layers trained; ε_g = ½E(y − ŷ)² on 1000 fresh points. The
        i.i.d. inputs carry the same teacher construction on x itself; the manifold’s teacher acts on the latent c.
      </p>
    </div>
  );
}
