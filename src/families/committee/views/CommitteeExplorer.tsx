// The committee-machine tab (K = 2 or 3): q11 and q12 against α for the non-specialised and specialised branches
// (metastable dashed), ε with a vertical jump at a first-order transition, and the thresholds. Points stream from the
// worker (a specialised point costs ~0.1 s for K = 2, ~1–3 s for K = 3).
import { useCommittee } from '../store';
import { Banner, fmt, Select } from '../../../platform/ui/fields';
import { LinePlot, type Series } from '../../../platform/plots/LinePlot';
import { useCursor } from '../../../platform/state/cursor';
import { useCursorKeys } from '../../../app/cursorKeys';
import { thresholdMarks, thresholdRule } from '../../../platform/plots/thresholds';
import { transitionOf } from '../transition';
import { committeeSeries } from './series';
import '../../../platform/ui/classic.css';

/** The two plots, both against α; `of` names their series in series()'s result. */
const PLOTS: { testId: string; caption: string; yLabel: string; yDomain: [number, number]; of: 'q' | 'eps' }[] = [
  {
    testId: 'plot-committee-q',
    caption: 'overlaps q11 and q12 against α',
    yLabel: 'overlap',
    yDomain: [-0.03, 1.03], // q12 = 0 and q11 = 1 (exact recovery) inside the frame, not on its edges
    of: 'q',
  },
  {
    testId: 'plot-committee-eps',
    caption: 'generalisation error ε(α)',
    yLabel: 'ε (squared error of the mean label)',
    yDomain: [-0.008, 0.26], // ε = 0 (exact recovery) above the axis
    of: 'eps',
  },
];

export function CommitteeExplorer() {
  const params = useCommittee((s) => s.params);
  const points = useCommittee((s) => s.points);
  const thresholds = useCommittee((s) => s.thresholds);
  const computing = useCommittee((s) => s.computing);
  const total = useCommittee((s) => s.total);
  const received = useCommittee((s) => s.received);
  const urlErrors = useCommittee((s) => s.urlErrors);
  const computeError = useCommittee((s) => s.computeError);
  const patch = useCommittee((s) => s.patch);
  const cursor = useCursor('committee');
  useCursorKeys('committee', [0, params.alphaMax]);

  const K = params.K === 3 ? 3 : 2;
  const t = thresholds;
  // A vertical step at a first-order transition (ε jumps: exact recovery with ±1 weights, specialisation for K = 3),
  // the branches meeting at a continuous one (α_spec, Gaussian K = 2).
  const s = committeeSeries(points, transitionOf(t), t?.alphaAMP ?? null);
  const marks = thresholdMarks({ alphaSpec: t?.alphaSpec, alphaIT: t?.alphaIT, alphaAMP: t?.alphaAMP }, 'hard');
  // ±1 weights: where AMP leaves q11 = q12 (below α_AMP, where it reaches q = I).
  const sb = t?.alphaSymBreak;
  if (sb !== null && sb !== undefined) marks.rules.push(thresholdRule('alpha-sb', sb, `α_sb ≈ ${sb.toFixed(3)}`));
  // K = 3, Gaussian weights: where the specialised branch appears.
  const sp = t?.alphaSpinodal;
  if (sp !== null && sp !== undefined) marks.rules.push(thresholdRule('alpha-sp', sp, `α_sp ≈ ${sp.toFixed(2)}`));
  const ranges = K === 3 ? ['15', '25', '30'] : ['3', '5', '8'];
  const framed = (series: Series[]) => [...marks.spans, ...series, ...marks.rules];
  return (
    <>
      <Banner
        urlErrors={urlErrors}
        computeError={computeError}
        hasResult={points.length > 0}
        onDismiss={() => useCommittee.getState().dismissUrl()}
      />
      <main
        className="classic-layout"
        data-testid="committee-explorer"
        data-points={points.length}
        data-complete={!computing && !!thresholds ? 'true' : 'false'}
      >
        <section className="panel">
          <h2>Committee machine, K = {K}</h2>
          <Select
            id="control-committee-k"
            label="hidden units K"
            value={String(K)}
            onChange={(v) => patch({ K: Number(v), alphaMax: v === '3' ? 25 : 5 })}
            options={
              [
                ['2', 'K = 2'],
                ['3', 'K = 3'],
              ] as const
            }
          />
          <Select
            id="control-committee-prior"
            label="teacher weights"
            value={params.prior}
            onChange={(v) => patch({ prior: v })}
            options={
              [
                ['gaussian', 'Gaussian N(0, 1)'],
                ['rademacher', 'binary ±1'],
              ] as const
            }
          />
          <Select
            id="control-committee-alpha-max"
            label="α range"
            value={String(params.alphaMax)}
            onChange={(v) => patch({ alphaMax: Number(v) })}
            options={(ranges.includes(String(params.alphaMax)) ? ranges : [...ranges, String(params.alphaMax)]).map(
              (v) => [v, `0 – ${v}`] as const,
            )}
          />
          {computing && received < total && K === 3 && params.prior === 'gaussian' && (
            <p className="classic-note" data-testid="committee-progress">
              A coarse pass with the fast rule first, then refined left to right.
            </p>
          )}
          <dl className="classic-readout">
            <dt>α_spec (continuous specialisation)</dt>
            <dd data-testid="readout-alpha-spec">{t ? fmt(t.alphaSpec) : '…'}</dd>
            <dt>
              α_IT (first order{K === 3 && params.prior === 'gaussian' ? ': specialisation' : ': exact recovery'})
            </dt>
            <dd data-testid="readout-committee-alpha-it">{t ? fmt(t.alphaIT) : '…'}</dd>
            <dt>α_AMP (AMP from the uninformed start reaches q = I)</dt>
            <dd data-testid="readout-committee-alpha-amp">{t ? fmt(t.alphaAMP) : '…'}</dd>
            <dt>α_sb (AMP breaks the symmetry, q11 &gt; q12)</dt>
            <dd data-testid="readout-committee-alpha-sb">{t ? fmt(t.alphaSymBreak) : '…'}</dd>
            {K === 3 && params.prior === 'gaussian' && (
              <>
                <dt>α_sp (the specialised branch appears)</dt>
                <dd data-testid="readout-committee-alpha-spinodal">{t ? fmt(t.alphaSpinodal ?? null) : '…'}</dd>
              </>
            )}
          </dl>
          {params.prior === 'rademacher' && (
            <p className="classic-note">
              ±1 weights: exact recovery is the equilibrium beyond α_IT, but AMP from the uninformed start only leaves
              q11 = q12 at α_sb,{' '}
              {K === 3
                ? 'where the partially specialised branch bends back (subcritical), so it jumps to q = I there (α_AMP = α_sb).'
                : 'stays partially specialised (q11 < 1) and jumps to q = I at α_AMP.'}{' '}
              Shaded: the hard phase α_IT &lt; α &lt; α_AMP.
            </p>
          )}
          {K === 3 && params.prior === 'gaussian' && (
            <p className="classic-note">
              K = 3, Gaussian weights: specialisation is first order. The specialised branch appears at α_sp, wins (Φ)
              at α_IT, where ε jumps; AMP from the uninformed start stays non-specialised until q11 = q12 loses
              stability at α_AMP. Shaded: the hard phase α_IT &lt; α &lt; α_AMP.
            </p>
          )}
          <p className="classic-note">
            {K === 3
              ? 'y = sign(sign z₁ + sign z₂ + sign z₃) = ±1 (the majority), on the committee-symmetric manifold q = q_d I + q_o 11ᵀ (q11 = q_d + q_o, q12 = q_o).'
              : 'y = sign(sign z₁ + sign z₂) ∈ {−1, 0, +1} (0: the two units disagree).'}{' '}
            Error convention: ε = ½(E y² − E(Σ_y y Z_out)²), the squared error of the posterior-mean label (
            {K === 3 ? '½' : '¼'} at q = 0). Non-specialised: q11 = q12 (the units learn their sum); specialised: q11
            &gt; q12. Aubin et al., arXiv 1806.05451.
          </p>
          <p className="classic-note">
            Large K (Aubin et al., arXiv 1806.05451, large-K analysis, in α̃ = α/K; not computed here): the
            specialisation is first order, at α̃ ≈ 7.65 (n ≈ 7.65·K·p samples), while AMP stays non-specialised until α =
            Θ(K²), i.e. n = Θ(K²p): a computational gap growing with K.
            {K === 3 && ' K = 3 already shows it (α_IT/3 and α_AMP/3 here).'}
          </p>
        </section>
        <div className="classic-plots">
          {PLOTS.map(({ of, ...plot }) => (
            <LinePlot
              key={plot.testId}
              {...plot}
              xLabel="sample ratio α = m / n"
              xDomain={[0, params.alphaMax]}
              // K = 3: ε = ½ at q = 0 (¼ for K = 2)
              yDomain={of === 'eps' && K === 3 ? [-0.015, 0.51] : plot.yDomain}
              series={framed(s[of])}
              // The points as they come (coarse grid first), then the thresholds.
              busy={
                computing && {
                  done: received,
                  total,
                  unit: 'points',
                  phase: received >= total ? 'thresholds' : undefined,
                }
              }
              hover
              cursor={cursor}
            />
          ))}
        </div>
      </main>
    </>
  );
}
