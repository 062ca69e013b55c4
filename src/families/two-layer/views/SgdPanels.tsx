// Online SGD and the information exponent: m(t) of live runs beside the ODE and the SDE band, and the escape
// time against d on log–log axes with reference slopes d, d log d, d².
import { formatValue } from '../../../platform/plots/scales';
import { escapeKey, sgdKey, useTwoLayer } from '../store';
import { twoLayerController } from '../controller';
import { ESCAPE_DS, escapeSimDs } from '../service';
import { COLOURS } from '../../../platform/plots/palette';
import type { XY } from '../../../platform/plots/branches';
import { LinePlot, type Series } from '../../../platform/plots/LinePlot';
import { RunActions } from './RunActions';
import { rule, type LineSeries } from '../../../platform/plots/lineGeometry';

/** Colours of the information exponents ℓ = 1, 2, 3. */
const ELL_COLOURS = [COLOURS.blue, COLOURS.green, COLOURS.amber];

const RUNS = 5;

/** A trajectory m(t) as a line series; `more` sets its weight or dash. */
const mLine = (
  id: string,
  t: number[],
  m: number[],
  colour: string,
  label: string | undefined,
  more: Partial<LineSeries>,
): LineSeries => ({ mark: 'line', id, data: t.map((x, i) => [x, m[i]] as XY), colour, label, ...more });

/** In words: the d where ℓ's ODE does not reach 0.5, and where it settles; null where it always escapes. */
function stuckNote(ell: number, eta: number, stuck: XY[], none: boolean): string | null {
  if (!stuck.length) return null;
  const where = none ? 'at any d shown' : `at d = ${stuck.map((p) => p[0]).join(', ')}`;
  const ms = stuck.map((p) => p[1]);
  const lo = formatValue(Math.min(...ms), 3);
  const hi = formatValue(Math.max(...ms), 3);
  const at = lo === hi ? `|m| = ${lo}` : `|m| between ${lo} and ${hi}`;
  const hint = ell === 2 ? ' (ℓ = 2 needs η < 0.75)' : '';
  return `ℓ = ${ell}: no escape ${where} at η${ell >= 3 ? '0' : ''} = ${eta}: the ODE settles at ${at} < 0.5${hint}.`;
}

export function SgdPanels() {
  const params = useTwoLayer((s) => s.params);
  const ode = useTwoLayer((s) => s.ode);
  const escape = useTwoLayer((s) => s.escape);
  const sgd = useTwoLayer((s) => s.sgd);
  const escapeSim = useTwoLayer((s) => s.escapeSim);
  const escapePoints = escapeSim.key === escapeKey(params) ? escapeSim.points : [];
  const current = sgd.key === sgdKey(params);
  const runs = current ? sgd.runs : [];
  const band = current ? sgd.band : null;
  const colour = ELL_COLOURS[params.ell - 1];
  const tMax = ode && Number.isFinite(ode.tEscape) ? 3 * ode.tEscape : 10;
  const mSeries: Series[] = [];
  if (band)
    mSeries.push({
      mark: 'area',
      id: 'sde-band',
      data: band.t.map((x, i) => ({ x, lo: band.q25[i], hi: band.q75[i] })),
      colour: COLOURS.blueBand,
      label: 'SDE quartiles (400 paths)',
    });
  mSeries.push(rule('escape', 'y', 0.5, COLOURS.grey, { text: 'escape |m| = 0.5', dash: 'dashed' }));
  if (ode)
    mSeries.push(
      mLine('ode', ode.t, ode.m, COLOURS.equilibrium, 'ODE (d → ∞ drift, from m0 = 1/√d)', { weight: 'bold' }),
    );
  if (band) mSeries.push(mLine('sde-median', band.t, band.median, COLOURS.blue, 'SDE median', { dashed: true }));
  runs.forEach((r, i) =>
    mSeries.push(
      mLine(`sgd-run-${i}`, r.t, r.m, colour, i === 0 ? `SGD runs at d = ${params.d}` : undefined, { weight: 'thin' }),
    ),
  );

  // Escape plot: ODE curves per ℓ, reference slopes anchored below each curve's first point; a curve whose m(t)
  // settles below 0.5 at some d says so (legend and a line under the plot) instead of vanishing.
  const eSeries: Series[] = [];
  const noEscape: string[] = [];
  let yLo = Infinity;
  let yHi = 0;
  if (escape) {
    for (const e of escape) {
      const pts = e.d.map((d, i) => [d, e.samples[i]] as XY).filter((p) => Number.isFinite(p[1]));
      for (const p of pts) {
        yLo = Math.min(yLo, p[1]);
        yHi = Math.max(yHi, p[1]);
      }
      const stuck = e.d.map((d, i) => [d, e.mStationary[i]] as XY).filter((_, i) => !Number.isFinite(e.samples[i]));
      const note = stuckNote(e.ell, params.eta, stuck, pts.length === 0);
      if (note) noEscape.push(note);
      eSeries.push({
        mark: 'line',
        id: `escape-${e.ell}`,
        data: pts,
        colour: ELL_COLOURS[e.ell - 1],
        label: pts.length ? `ℓ = ${e.ell} (ODE)` : `ℓ = ${e.ell}: no escape at η = ${params.eta}`,
      });
      if (pts.length) {
        const [d0, T0] = pts[0];
        const ref = (f: (d: number) => number): XY[] => ESCAPE_DS.map((d) => [d, (0.5 * T0 * f(d)) / f(d0)]);
        const shape =
          e.ell === 1 ? (d: number) => d : e.ell === 2 ? (d: number) => d * Math.log(d) : (d: number) => d * d;
        const name = e.ell === 1 ? 'slope 1 (d)' : e.ell === 2 ? 'd log d' : 'slope 2 (d²)';
        eSeries.push({
          mark: 'line',
          id: `slope-${e.ell}`,
          data: ref(shape),
          colour: COLOURS.lightGrey,
          dashed: true,
          weight: 'thin',
          label: name,
        });
      }
    }
  }
  const finished = runs.filter((r) => Number.isFinite(r.samples)).map((r) => r.samples);
  const simPoint =
    escapePoints.length > 0
      ? escapePoints.filter((p) => Number.isFinite(p.mean)).map((p) => ({ x: p.d, y: p.mean, err: p.se }))
      : finished.length > 0
        ? (() => {
            const m = finished.reduce((a, b) => a + b, 0) / finished.length;
            const se =
              finished.length > 1
                ? Math.sqrt(finished.reduce((a, b) => a + (b - m) ** 2, 0) / (finished.length - 1) / finished.length)
                : NaN;
            return [{ x: params.d, y: m, err: se }];
          })()
        : [];
  const sgdLabel = sgd.running
    ? `running… (${runs.length}/${RUNS})`
    : `Run online SGD: ${RUNS} runs, ℓ = ${params.ell}, d = ${params.d}, η = ${params.eta}`;
  const escapeLabel = escapeSim.running
    ? `escape times… (${escapePoints.length}/${escapeSimDs(params.ell).length} d)`
    : `Escape time vs d: 8 runs at d = ${escapeSimDs(params.ell).join(', ')} (ℓ = ${params.ell})`;
  return (
    <section className="tl-section" aria-label="online SGD">
      <h2>Online SGD: escape time and the information exponent</h2>
      <p className="hint">
        Target y = He_ℓ(θ*·x)/√ℓ!, student σ = g on the sphere, one fresh sample a step (Ben Arous–Gheissari–Jagannath
        arXiv 2003.10409). Escape from m0 = 1/√d to |m| = 0.5 takes Θ(d) samples for ℓ = 1, Θ(d log d) for ℓ = 2 and
        Θ(d^(ℓ−1)) for ℓ ≥ 3 (with step η0·d^(−(ℓ−2)/2)). For ℓ = 3 noise matters at every d: the SDE band is wide and
        its right tail heavy.
      </p>
      <RunActions
        cancelId="cancel-escape"
        actions={[
          { id: 'run-sgd', sim: sgd, run: () => void twoLayerController()?.runSgd(RUNS), label: sgdLabel },
          { id: 'run-escape', sim: escapeSim, run: () => void twoLayerController()?.runEscape(8), label: escapeLabel },
        ]}
      >
        {finished.length > 0 && (
          <span data-testid="sgd-summary">
            escape samples at d = {params.d}: mean{' '}
            {formatValue(finished.reduce((a, b) => a + b, 0) / finished.length, 4)} over {finished.length} runs; ODE{' '}
            {formatValue(ode ? ode.tEscape * params.d : NaN, 4)}
          </span>
        )}
      </RunActions>
      <div className="tl-row">
        <LinePlot
          testId="plot-sgd-m"
          className="tl-plot"
          legend="below"
          caption={`Overlap m(t) = θ*·w${params.ell % 2 === 0 ? ' (|m|: ±θ* are equivalent for even ℓ)' : ''}, ℓ = ${params.ell}`}
          xLabel="t = samples/d"
          yLabel={params.ell % 2 === 0 ? '|m|' : 'm'}
          xDomain={[0, tMax]}
          yDomain={[params.ell % 2 === 0 ? 0 : -0.3, 1]}
          series={mSeries}
          attrs={{ 'data-runs': String(runs.length), 'data-band': band ? '1' : '0' }}
        >
          {ode && !Number.isFinite(ode.tEscape) && (
            <p className="hint" data-testid="ode-no-escape">
              No escape: at η = {params.eta} the ODE settles at {params.ell % 2 === 0 ? '|m|' : 'm'} ={' '}
              {formatValue(ode.mStationary, 3)} &lt; 0.5, where the drift η(1 − m²)φ′(m) balances the noise term (η²/2)m
              C(m){params.ell === 2 ? '; ℓ = 2 escapes only for η < 0.75' : ''}.
            </p>
          )}
        </LinePlot>
        <LinePlot
          testId="plot-escape"
          className="tl-plot"
          legend="below"
          caption="Escape time (samples) against d, log–log"
          xLabel="d"
          yLabel="samples T to |m| = 0.5"
          xLog
          yLog
          xDomain={[ESCAPE_DS[0], ESCAPE_DS[ESCAPE_DS.length - 1]]}
          yDomain={Number.isFinite(yLo) ? [yLo * 0.3, yHi * 2] : [10, 1e7]}
          series={[
            ...eSeries,
            {
              mark: 'points',
              id: 'sgd-escape',
              className: 'tl-point',
              data: simPoint,
              colour: COLOURS.equilibrium,
              label: `SGD runs (ℓ = ${params.ell}, mean ± SE)`,
            },
          ]}
          attrs={{
            'data-curves': String(escape?.length ?? 0),
            'data-sim-points': String(escapePoints.length),
            'data-no-escape': noEscape.length,
          }}
        >
          {noEscape.map((n) => (
            <p key={n} className="hint" data-testid="escape-none">
              {n}
            </p>
          ))}
        </LinePlot>
      </div>
    </section>
  );
}
