// Ridge on sampled hidden-manifold data, drawn over the exact curve: the "simulate" control and the points (mean over
// seeds ± 2 standard errors, one legend entry "simulation, N = …").
import { useState } from 'react';
import { Select } from '../../../platform/ui/fields';
import type { Series } from '../../../platform/plots/LinePlot';
import { COLOURS } from '../../../platform/plots/palette';
import { useHiddenManifold, type RidgeSimView } from '../store';

const SEEDS = ['1', '3', '5'] as const;

export function ridgeSimSeries(sim: RidgeSimView | null): Series[] {
  if (!sim || !sim.points.length) return [];
  return [
    {
      mark: 'points',
      id: 'ridge-sim',
      testId: 'hmm-ridge-sim',
      data: sim.points.map((p) => ({ x: p.alpha, y: p.mean, err: p.se === null ? undefined : 2 * p.se })),
      colour: COLOURS.specialised,
      label: `simulation, N = ${sim.N} (${sim.seeds} seed${sim.seeds > 1 ? 's' : ''}, ± 2 SE)`,
    },
  ];
}

export function RidgeSimControls() {
  const sim = useHiddenManifold((s) => s.ridgeSim);
  const N = useHiddenManifold((s) => s.params.N);
  const request = useHiddenManifold((s) => s.requestRidgeSim);
  const [seeds, setSeeds] = useState<string>('3');
  return (
    <div
      className="classic-simulation"
      data-testid="hmm-ridge-simulation"
      data-complete={sim && !sim.running ? 'true' : 'false'}
    >
      <Select
        id="control-hmm-ridge-seeds"
        label="seeds per α"
        value={seeds}
        onChange={setSeeds}
        options={SEEDS.map((v) => [v, v] as const)}
      />
      <div className="classic-presets">
        <button type="button" data-testid="hmm-ridge-simulate" onClick={() => request(Number(seeds))}>
          simulate ridge at N = {N}
        </button>
      </div>
      {sim && (
        <p className="classic-note" data-testid="readout-hmm-ridge-sim">
          {sim.points.length} / 12 α done{sim.running ? ' (running…)' : ''}
        </p>
      )}
      {sim?.error && <p className="classic-note">{sim.error}</p>}
    </div>
  );
}
