// ε_opt(α): equilibrium (bold), universal and specialised branches (dashed where metastable), α_sp, selected α,
// and the papers' published points when the parameters match.
import { memo, useMemo } from 'react';
import { shallowParamsOf, useExplorer } from '../store';
import { branchPaths, interpolateEps, switchAlphas, type Polyline } from '../../../platform/plots/branches';
import { COLOURS } from '../../../platform/plots/palette';
import { LinePlot, type Series } from '../../../platform/plots/LinePlot';
import { curveBusy } from '../../../platform/plots/busy';
import { rule } from '../../../platform/plots/lineGeometry';
import { steepCrossover } from '../crossover';
import { matchPublished, publishedNotes } from '../published';
import { pickEps, publishedSeries } from './publishedSeries';
import { matchReference } from '../reference';
import { MlpHover, mlpExport } from './ExportTools';
import { simPointSeries } from '../../../platform/sim/views/SimPointsLayer';
import { simPoints } from '../../../platform/sim/simPoints';
import { physicsKey, useSim } from '../simStore';

const HEIGHT = 380;

/** At most `n` rows, evenly spread, the first and the last kept. */
const everyNth = <T,>(rows: readonly T[], n: number): T[] => {
  const step = Math.max(1, Math.ceil((rows.length - 1) / (n - 1)));
  return rows.filter((_, i) => i % step === 0 || i === rows.length - 1);
};

export const EpsPlot = memo(function EpsPlot() {
  const curve = useExplorer((s) => s.curve);
  const previous = useExplorer((s) => s.previous);
  const alpha = useExplorer((s) => s.params.alpha);
  const alphaMax = useExplorer((s) => s.params.alphaMax);
  const point = useExplorer((s) => s.point);
  const reference = useExplorer((s) => s.reference);
  const computing = useExplorer((s) => s.computing);
  const requestedGen = useExplorer((s) => s.requestedGen);
  const params = useExplorer((s) => s.params);
  const finished = useSim((s) => s.finished);
  const simKey = physicsKey(shallowParamsOf(params));
  const userRuns = useMemo(() => simPointSeries(simPoints(finished, simKey), 'sim-points'), [finished, simKey]);

  const alphaSp = curve?.transition?.alphaSp ?? null;
  const alphaOnset = curve?.transition?.alphaOnset ?? null;
  const paths = useMemo(() => {
    if (!curve || curve.points.length === 0) return null;
    return branchPaths(curve.points, (b) => b.eps, switchAlphas(curve.points, [alphaOnset, alphaSp]));
  }, [curve, alphaSp, alphaOnset]);
  const ghost = useMemo<Polyline>(() => {
    if (!curve || curve.spansRange || !previous) return [];
    return previous.points.map((p) => [p.alpha, p.eps]);
  }, [curve, previous]);
  const curveParams = curve?.params;
  const match = useMemo(() => (curveParams ? matchReference(reference, curveParams) : null), [reference, curveParams]);
  const published = useExplorer((s) => s.published);
  const pubMatch = useMemo(() => (curveParams ? matchPublished(published, curveParams) : []), [published, curveParams]);

  const hmc = match?.showHmc ? match.entry.hmc.filter((r) => r.alpha <= alphaMax) : [];
  const markerEps = curve
    ? point && point.key === curve.key && point.alpha === alpha
      ? point.value.eps
      : interpolateEps(curve.points, alpha)
    : null;
  // Transition markers: α_sp, and the onset of Q ≠ 0 where it comes earlier (continuous growth from Q = 0).
  const rules: Series[] = [];
  if (alphaSp !== null) {
    rules.push(
      rule('alpha-sp', 'x', alphaSp, COLOURS.transition, {
        dash: 'dotted',
        className: 'alpha-sp',
        testId: 'marker-alpha-sp',
        text: (
          <>
            α
            <tspan baselineShift="sub" fontSize="0.75em">
              sp
            </tspan>{' '}
            ≈ {alphaSp.toFixed(2)}
          </>
        ),
      }),
    );
  }
  if (alphaOnset !== null && (alphaSp === null || alphaSp - alphaOnset > 1e-3)) {
    rules.push(
      rule('alpha-onset', 'x', alphaOnset, COLOURS.transition, {
        dash: 'dotted',
        className: 'alpha-sp',
        testId: 'marker-alpha-onset',
        text: <>Q ≠ 0 from α ≈ {alphaOnset.toFixed(2)}</>,
      }),
    );
  }
  // A steep but continuous rise of Q after the onset (ReLU, Δ = 0.1 near α ≈ 4.3): marked and named, not a jump.
  const crossover = useMemo(() => (curve?.complete ? steepCrossover(curve.points, curve.transition) : null), [curve]);
  if (crossover)
    rules.push(
      rule('crossover', 'x', crossover.alpha, COLOURS.transition, {
        dash: 'dotted',
        className: 'crossover',
        testId: 'marker-crossover',
        text: <>steep Q, no jump</>,
      }),
    );
  rules.push(
    rule('alpha', 'x', alpha, COLOURS.selection, { className: 'selection', testId: 'marker-alpha', ringAt: markerEps }),
  );
  const branch = (id: string, data: Polyline, colour: string, label?: string): Series => ({
    mark: 'line',
    id,
    data,
    colour,
    dashed: !!label,
    label,
  });
  const series: Series[] = [
    { mark: 'line', id: 'ghost', data: ghost, colour: COLOURS.ghost, className: 'ghost' },
    ...(paths
      ? [
          branch('universal-off', paths.universalOff, COLOURS.universal, 'universal (Q ≡ 0), metastable'),
          branch('specialised-off', paths.specialisedOff, COLOURS.specialised, 'specialised (Q ≠ 0), metastable'),
          branch('specialised-other', paths.otherOff, COLOURS.specialised, 'specialised (Q ≠ 0), metastable'),
          branch('universal-on', paths.universalOn, COLOURS.universal),
          branch('specialised-on', paths.specialisedOn, COLOURS.specialised),
          {
            mark: 'line',
            id: 'equilibrium',
            data: paths.equilibrium,
            colour: COLOURS.equilibrium,
            weight: 'bold',
            label: 'ε_opt (equilibrium, largest f)',
          } satisfies Series,
        ]
      : []),
    // The paper's universal branch lies on ours: drawn as small filled markers on top (≤ 40), so both stay visible
    // (the paper's GAMP-RIE points are the open grey rings).
    ...(match
      ? [
          {
            mark: 'points',
            id: 'paper-universal',
            data: everyNth(match.entry.universal, 40).map((r) => ({ x: r.alpha, y: r.eps })),
            colour: COLOURS.paperUniversal,
            label: 'paper: universal branch',
          } satisfies Series,
        ]
      : []),
    {
      mark: 'points',
      id: 'hmc-uninformative',
      data: hmc.map((r) => ({ x: r.alpha, y: r.unfoMean, err: r.unfoStd })),
      colour: COLOURS.hmcUninformative,
      ring: true,
      dx: -2.5,
      label: 'HMC d=150, uninformative',
    },
    {
      mark: 'points',
      id: 'hmc-informative',
      data: hmc.map((r) => ({ x: r.alpha, y: r.infoMean, err: r.infoStd })),
      colour: COLOURS.hmcInformative,
      dx: 2.5,
      label: 'HMC d=150, informative',
    },
    ...publishedSeries(pubMatch, alphaMax, pickEps),
    ...userRuns,
    ...rules,
  ];
  const notes = publishedNotes(pubMatch);
  const complete = !!curve?.complete;
  const spans = !!curve?.spansRange;

  return (
    <LinePlot
      testId="plot-eps"
      exportAs={mlpExport('eps')}
      xColumn="alpha"
      caption={
        <>
          Bayes-optimal test error <i>ε</i>
          <sub>opt</sub>(<i>α</i>)
          <MlpHover plot="eps" />
        </>
      }
      busy={curveBusy(computing, curve, requestedGen)}
      ariaLabel="Bayes-optimal error against sample ratio α"
      xLabel={<>sample ratio α = n / d²</>}
      yLabel={<>test error ε</>}
      series={series}
      xDomain={[0, alphaMax]}
      height={HEIGHT}
      legendWidth={212}
      attrs={{
        'data-crossover': crossover ? crossover.alpha : undefined,
        'data-render-gen': spans ? curve!.gen : undefined,
        'data-complete-gen': complete ? curve!.gen : undefined,
        'data-complete': complete ? 'true' : 'false',
        'data-transition': curve?.transitionState ?? 'idle',
        'data-points': curve?.points.length ?? 0,
        'data-reference': match ? match.entry.id : undefined,
        'data-published': pubMatch.length ? pubMatch.map((p) => p.id).join(' ') : undefined,
      }}
    >
      {notes.map((n) => (
        <p key={n} className="hint" data-testid="published-note">
          {n}
        </p>
      ))}
      {crossover && (
        <p className="hint" data-testid="crossover-note">
          Near α ≈ {crossover.alpha.toFixed(2)} Q rises steeply ({crossover.from[1].toFixed(2)} →{' '}
          {crossover.to[1].toFixed(2)} for α {crossover.from[0].toFixed(2)}–{crossover.to[0].toFixed(2)}) along the one
          specialised branch: no second solution and no jump, so ε falls fast there without a transition.
        </p>
      )}
    </LinePlot>
  );
});
