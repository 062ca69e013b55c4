// One giant step: singular values of W¹ − W⁰ (histogram, spike marked, d → ∞ prediction), the overlap of the
// spike with θ*, and ridge on σ(W⁰x) vs σ(W¹x) (simulation only) next to the kernel and the linear floor.
import { formatValue } from '../../../platform/plots/scales';
import { ONE_STEP_TARGETS, useTwoLayer, type OneStepSlot } from '../store';
import { twoLayerController } from '../controller';
import type { OneStepSimSummary } from '../service';
import { COLOURS } from '../../../platform/plots/palette';
import { LinePlot } from '../../../platform/plots/LinePlot';
import { rule, type Scale } from '../../../platform/plots/lineGeometry';

const LABEL: Record<OneStepSlot, string> = { ell1: 'ℓ = 1: g = z + He₂/2', ell2: 'ℓ = 2: g = He₂/√2' };

function Histogram({ r, slot }: { r: OneStepSimSummary; slot: OneStepSlot }) {
  const sv = r.singularValues;
  const top = Math.max(r.s1, r.theory.s1) * 1.1;
  const bins = 48;
  const w = top / bins;
  const counts = new Array<number>(bins).fill(0);
  for (const v of sv.slice(0, -1)) counts[Math.min(bins - 1, Math.floor(v / w))]++;
  const maxCount = Math.max(...counts, 1);
  const bulkTop = sv.length > 1 ? sv[sv.length - 2] : 0;
  return (
    <LinePlot
      testId={`plot-spectrum-${slot}`}
      className="tl-plot"
      caption={`Singular values of W¹ − W⁰ (÷√p), ${LABEL[slot]}`}
      xLabel="singular value / √p"
      yLabel="count"
      xDomain={[0, top]}
      yDomain={[0, maxCount * 1.1]}
      series={[rule('spike-theory', 'x', r.theory.s1, COLOURS.red, { text: 'd → ∞ spike', dash: 'dashed' })]}
      height={240}
      attrs={{ 'data-s1': String(r.s1), 'data-bulk-top': String(bulkTop) }}
      overlay={(x, y) => <HistBars counts={counts} w={w} spike={r.s1} maxCount={maxCount} s={{ x, y }} />}
    />
  );
}

function HistBars({
  counts,
  w,
  spike,
  maxCount,
  s,
}: {
  counts: number[];
  w: number;
  spike: number;
  maxCount: number;
  s: { x: Scale; y: Scale };
}) {
  const y0 = s.y(0);
  return (
    <g className="tl-hist">
      {counts.map((c, i) =>
        c > 0 ? (
          <rect
            key={i}
            x={s.x(i * w)}
            y={s.y(c)}
            width={Math.max(1, s.x(w) - s.x(0) - 1)}
            height={y0 - s.y(c)}
            fill={COLOURS.slate}
          />
        ) : null,
      )}
      <rect
        data-testid="spike-bar"
        x={s.x(spike) - 2}
        y={s.y(Math.max(1, maxCount * 0.3))}
        width={4}
        height={y0 - s.y(Math.max(1, maxCount * 0.3))}
        fill={COLOURS.red}
      />
      <text
        x={s.x(spike) - 6}
        y={s.y(Math.max(1, maxCount * 0.3)) - 6}
        textAnchor="end"
        fill={COLOURS.red}
        className="tl-marker-label"
      >
        spike s1 (one value)
      </text>
    </g>
  );
}

export function OneStepPanel() {
  const one = useTwoLayer((s) => s.oneStep);
  const params = useTwoLayer((s) => s.params);
  const theory = useTwoLayer((s) => s.theory);
  const slots: OneStepSlot[] = ['ell1', 'ell2'];
  return (
    <section className="tl-section" aria-label="one giant step">
      <h2>One giant gradient step: a spike that learns one direction</h2>
      <p className="hint">
        Network f(x) = Σ a_j σ(w_j·x)/√p, p = βd; one full-batch step with learning rate η̃√p on n0 = α0·d samples (Ba et
        al. arXiv 2205.01445). The step is a rank-one spike of size ~√p plus an O(1) bulk; the spike points along θ*
        only if the target has a linear part (g1 ≠ 0). For the selected target ({params.target}) the d → ∞ theory gives
        s1/√p = {formatValue(theory?.oneStep.s1 ?? NaN, 4)} and overlap {formatValue(theory?.oneStep.overlap ?? NaN, 4)}
        .
      </p>
      <div className="tl-actions">
        {slots.map((slot) => (
          <button
            key={slot}
            type="button"
            data-testid={`run-onestep-${slot}`}
            disabled={one.running !== null}
            onClick={() => void twoLayerController()?.runOneStep(slot)}
          >
            {one.running === slot
              ? 'stepping…'
              : `Take one step: ${LABEL[slot]} (d = ${params.d}, α0 = ${params.alpha0}, β = ${params.beta})`}
          </button>
        ))}
        {one.error && <span className="expr-error">{one.error}</span>}
      </div>
      <div className="tl-row">
        {slots.map((slot) => {
          const r = one[slot];
          return r ? <Histogram key={slot} r={r} slot={slot} /> : null;
        })}
      </div>
      {(one.ell1 || one.ell2) && (
        <table className="kv tl-table" data-testid="onestep-table">
          <thead>
            <tr>
              <th>
                target ({ONE_STEP_TARGETS.ell1}, {ONE_STEP_TARGETS.ell2})
              </th>
              <th>s1/√p sim (d → ∞)</th>
              <th>overlap |⟨v1, θ*⟩| sim (d → ∞)</th>
              <th>ridge E on σ(W⁰x) (simulation)</th>
              <th>ridge E on σ(W¹x) (simulation)</th>
              <th>kernel</th>
              <th>linear floor</th>
            </tr>
          </thead>
          <tbody>
            {slots.map((slot) => {
              const r = one[slot];
              if (!r) return null;
              return (
                <tr key={slot} data-testid={`onestep-row-${slot}`} data-overlap={r.overlap} data-after={r.errorAfter}>
                  <td>{LABEL[slot]}</td>
                  <td>
                    {formatValue(r.s1, 4)} ({formatValue(r.theory.s1, 4)})
                  </td>
                  <td>
                    {formatValue(r.overlap, 3)} ({formatValue(r.theory.overlap, 3)})
                  </td>
                  <td>{formatValue(r.errorBefore, 4)}</td>
                  <td>
                    <strong>{formatValue(r.errorAfter, 4)}</strong>
                  </td>
                  <td>{formatValue(r.krr, 4)}</td>
                  <td>{formatValue(r.floor, 4)}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
      <p className="hint">
        Ridge after the step: n = α·d fresh samples, penalty λ (λ = 0⁺ is ill-posed near p = n: use λ ≈ 0.03 as in the
        lecture). Errors before/after are one seed, simulation only (no exact theory here). He₂ needs n0 = Θ(d²) samples
        to be learnt in one step (Dandi et al. arXiv 2305.18270).
      </p>
    </section>
  );
}
