// Live plots of the deep tab's simulations: Gibbs error/2 against steps for each start, next to the theory's
// stationary points at this α when the runs have the theory's depth (equilibrium solid, other branches dashed, the
// plateau); the layer-wise overlaps of each run against steps (L = 2: Q1, Q2, Q2:1 with the equilibrium's values as
// references; other depths: q_1 … q_L); the Nishimori check of runs with a second chain.
import { memo, useMemo } from 'react';
import type { Polyline } from '../../../platform/plots/branches';
import { COLOURS, SERIES_HUES } from '../../../platform/plots/palette';
import type { DeepCurvePoint } from '../protocol';
import { useDeepSim, type DeepLiveRun } from '../simStore';
import { nearestDeepPoint, useDeep } from '../store';
import { simColour } from '../../../platform/sim/views/simColours';
import { BRANCH_COLOURS, metastableParts, Q_COLOURS } from './DeepPlots';
import { LinePlot, type Series } from '../../../platform/plots/LinePlot';
import { NishimoriPlot } from '../../../platform/sim/views/NishimoriPlot';

/** Hidden layers of the runs on screen (their per-layer overlaps have one entry per layer; L = 1 has none). */
function runsDepth(runs: DeepLiveRun[]): number {
  return Math.max(1, runs[0]?.trace[0]?.q.length ?? 0);
}

/** The theory's point for these runs: only when they have the depth of the theory on show. */
function useRunsTheory(runs: DeepLiveRun[]): DeepCurvePoint | null {
  const tabDepth = useDeep((s) => s.params.depth);
  const theory = useTheoryAt(runs[0]?.alpha ?? null);
  return runs.length && runsDepth(runs) === tabDepth ? theory : null;
}

const xMaxOf = (runs: DeepLiveRun[], steps: number) =>
  Math.max(steps, ...runs.map((r) => r.trace[r.trace.length - 1]?.step ?? 1));

/** The theory's point at the runs' α: the curve's nearest grid point (labelled with its α) when it is close. */
export function useTheoryAt(alpha: number | null): DeepCurvePoint | null {
  const curve = useDeep((s) => s.curve);
  const error = useDeep((s) => s.computeError);
  return useMemo(() => {
    if (alpha === null || !curve || error) return null;
    const p = nearestDeepPoint(curve.points, alpha);
    return p && Math.abs(p.alpha - alpha) <= 0.05 * alpha + 0.05 ? p : null;
  }, [alpha, curve, error]);
}

const flat = (y: number, x1: number): Polyline => [
  [0, y],
  [x1, y],
];
const startWord = (r: DeepLiveRun) => (r.init === 'informative' ? 'informative' : 'uninformative');

export const DeepSimErrorPlot = memo(function DeepSimErrorPlot() {
  const runs = useDeepSim((s) => s.runs);
  const steps = useDeepSim((s) => s.form.steps);
  const tabPlateau = useDeep((s) => (s.computeError ? null : (s.curve?.header.epsUniversal ?? null)));
  const alpha = runs[0]?.alpha ?? null;
  const theory = useRunsTheory(runs);
  const plateau = theory ? tabPlateau : null;
  const xMax = xMaxOf(runs, steps);
  const series = useMemo<Series[]>(() => {
    const out: Series[] = [];
    if (theory) {
      out.push({
        mark: 'line',
        id: 'theory-eq',
        label: `theory ε_opt (${theory.equilibrium}) at α ≈ ${theory.alpha.toFixed(2)}`,
        colour: COLOURS.equilibrium,
        weight: 'bold',
        data: flat(theory.eq.eps, xMax),
      });
      // Other stationary points as on the ε(α) plot: converged, distinct from the equilibrium and from each other.
      const parts = metastableParts([theory]);
      for (const b of ['layer1', 'product', 'specialised'] as const) {
        const p = parts[b][0];
        if (p)
          out.push({
            mark: 'line',
            id: `theory-${b}`,
            label: `${b} branch (metastable)`,
            colour: BRANCH_COLOURS[b],
            dashed: true,
            data: flat(p[1], xMax),
          });
      }
    }
    if (plateau !== null)
      out.push({
        mark: 'line',
        id: 'theory-plateau',
        label: 'plateau (universal: nothing specialised)',
        colour: COLOURS.universal,
        dashed: true,
        data: flat(plateau, xMax),
      });
    for (const r of runs) {
      const c = simColour(r.algo, r.init);
      if (r.algo === 'hmc') {
        out.push({
          mark: 'line',
          id: `run-${r.init}-sample`,
          label: `${startWord(r)}: Gibbs error/2 of each sample`,
          colour: c,
          weight: 'thin',
          data: r.trace.map((t) => [t.step, t.testError / 2]),
        });
        out.push({
          mark: 'line',
          id: `run-${r.init}`,
          label: `${startWord(r)}: mean over kept samples`,
          colour: c,
          weight: 'bold',
          data: r.trace.map((t) => [t.step, t.eps]),
        });
      } else
        out.push({
          mark: 'line',
          id: `run-${r.init}`,
          label: `${startWord(r)}: ADAM test error/2`,
          colour: c,
          weight: 'bold',
          data: r.trace.map((t) => [t.step, t.eps]),
        });
    }
    return out;
  }, [runs, theory, plateau, xMax]);
  return (
    <LinePlot
      testId="plot-deep-sim-error"
      caption={
        <>
          {runs[0]?.algo === 'adam' ? 'ADAM test error / 2' : 'Gibbs error / 2'} against{' '}
          {runs[0]?.algo === 'adam' ? 'ADAM steps' : 'HMC trajectories'}
          {alpha !== null ? ` at α = ${alpha}, d = ${runs[0].d}` : ''}
        </>
      }
      xLabel={<>step</>}
      yLabel={<>test error ε</>}
      series={series}
      xDomain={[0, xMax]}
      height={250}
      legend="above"
      attrs={{ 'data-runs': runs.length, 'data-steps': runs.map((r) => r.trace.length).join(',') }}
    />
  );
});

const Q_SERIES = [
  { key: 'Q1', label: 'Q1', colour: Q_COLOURS.Q1 },
  { key: 'Q2', label: 'Q2', colour: Q_COLOURS.Q2 },
  { key: 'Q21', label: 'Q2:1', colour: Q_COLOURS.Q21 },
] as const;

export const DeepSimOverlapPlot = memo(function DeepSimOverlapPlot() {
  const runs = useDeepSim((s) => s.runs);
  const steps = useDeepSim((s) => s.form.steps);
  const theory = useRunsTheory(runs);
  const xMax = xMaxOf(runs, steps);
  const depth = runsDepth(runs);
  const series = useMemo<Series[]>(() => {
    const out: Series[] = [];
    if (depth !== 2) {
      // q_1 … q_L, one hue per layer (L = 1: the first layer's overlap is the MLP tab's Q, not traced here).
      for (const r of runs)
        for (let l = 0; l < depth; l++)
          out.push({
            mark: 'line',
            id: `run-${r.init}-q${l + 1}`,
            label: `q${l + 1}, ${startWord(r)}`,
            colour: SERIES_HUES[l % SERIES_HUES.length],
            weight: r.init === 'informative' ? 'bold' : 'regular',
            dashed: r.init !== 'informative',
            data: r.trace.map((t) => [t.step, t.q[l] ?? NaN]),
          });
      return out;
    }
    for (const r of runs)
      for (const q of Q_SERIES)
        out.push({
          mark: 'line',
          id: `run-${r.init}-${q.key}`,
          label: `${q.label}, ${startWord(r)}`,
          colour: q.colour,
          weight: r.init === 'informative' ? 'bold' : 'regular',
          dashed: r.init !== 'informative',
          data: r.trace.map((t) => [t.step, t[q.key]]),
        });
    if (theory) {
      const eq = theory.eq;
      const vals = { Q1: eq.Q1mean, Q2: eq.Q2mean, Q21: eq.Q21mean };
      for (const q of Q_SERIES)
        out.push({
          mark: 'line',
          id: `theory-${q.key}`,
          label: `theory ${q.label} (equilibrium)`,
          colour: q.colour,
          weight: 'thin',
          data: flat(vals[q.key], xMax),
        });
    }
    return out;
  }, [runs, theory, xMax, depth]);
  return (
    <LinePlot
      testId="plot-deep-sim-overlaps"
      caption={
        depth === 2 ? (
          <>Layer-wise overlaps of the runs: mean Q1 (first layer), Q2 (second layer), Q2:1 (product W⁽²⁾W⁽¹⁾)</>
        ) : (
          <>Per-layer overlaps of the runs: q1 (input side) … q{depth} (readout side)</>
        )
      }
      xLabel={<>step</>}
      yLabel={<>overlap</>}
      series={series}
      xDomain={[0, xMax]}
      yDomain={[-0.1, 1.1]}
      height={250}
      legend="above"
      attrs={{ 'data-runs': runs.length, 'data-depth': depth }}
    />
  );
});

export const DeepSimNishimori = memo(function DeepSimNishimori() {
  const runs = useDeepSim((s) => s.runs);
  const steps = useDeepSim((s) => s.form.steps);
  return <NishimoriPlot runs={runs} xMax={xMaxOf(runs, steps)} testId="plot-deep-sim-nishimori" />;
});
