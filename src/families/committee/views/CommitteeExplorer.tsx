// The K = 2 committee-machine tab: q11 and q12 against α for the non-specialised and specialised branches
// (metastable dashed), ε, and the thresholds. Points stream from the worker (a specialised point costs ~0.1 s).
import { useCommittee } from '../store';
import { ampFixedPoint, type CommitteePoint } from '../../../physics/classic/committee';
import { Banner, fmt, Select } from '../../../platform/ui/fields';
import { LinePlot, type Series } from '../../../platform/plots/LinePlot';
import type { Polyline } from '../../../platform/plots/branches';
import { COLOURS } from '../../../platform/plots/palette';
import { thresholdMarks, thresholdRule } from '../../../platform/plots/thresholds';
import '../../../platform/ui/classic.css';

const C = { q11: COLOURS.blue, q12: COLOURS.rose, ns: COLOURS.grey, amp: COLOURS.green };

/** The two plots, both against α; `of` names their series in series()'s result. */
const PLOTS: { testId: string; caption: string; yLabel: string; yDomain: [number, number]; of: 'q' | 'eps' }[] = [
  {
    testId: 'plot-committee-q',
    caption: 'overlaps q11 and q12 against α',
    yLabel: 'overlap',
    yDomain: [0, 1],
    of: 'q',
  },
  {
    testId: 'plot-committee-eps',
    caption: 'generalisation error ε(α)',
    yLabel: 'ε (squared error of the mean label)',
    yDomain: [0, 0.26],
    of: 'eps',
  },
];

function series(points: CommitteePoint[]): { q: Series[]; eps: Series[] } {
  const spEq = (p: CommitteePoint) => p.equilibrium === 'specialised';
  const line = (f: (p: CommitteePoint) => number | null): Polyline =>
    points.map((p) => {
      const v = f(p);
      return v === null ? null : [p.alpha, v];
    });
  const nsEq = line((p) => (spEq(p) ? null : p.nonSpecialised.q11));
  const nsMeta = line((p) => (spEq(p) ? p.nonSpecialised.q11 : null));
  const sp11 = line((p) => (p.specialised ? p.specialised.q11 : null));
  const sp12 = line((p) => (p.specialised ? p.specialised.q12 : null));
  const spMeta11 = line((p) => (p.specialised && !spEq(p) ? p.specialised.q11 : null));
  return {
    q: [
      {
        mark: 'line',
        id: 'q-nonspecialised',
        data: nsEq,
        colour: C.ns,
        weight: 'bold',
        label: 'q11 = q12, non-specialised',
      },
      {
        mark: 'line',
        id: 'q-nonspecialised-metastable',
        data: nsMeta,
        colour: C.ns,
        dashed: true,
        label: 'non-specialised, not the equilibrium',
      },
      {
        mark: 'line',
        id: 'q11-specialised',
        data: sp11.map((p, i) => (spMeta11[i] ? null : p)),
        colour: C.q11,
        weight: 'bold',
        label: 'q11, specialised',
      },
      {
        mark: 'line',
        id: 'q12-specialised',
        data: sp12.map((p, i) => (spMeta11[i] ? null : p)),
        colour: C.q12,
        weight: 'bold',
        label: 'q12, specialised',
      },
      { mark: 'line', id: 'q11-specialised-metastable', data: spMeta11, colour: C.q11, dashed: true },
      ...(['q11', 'q12'] as const).map((k): Series => ({
        mark: 'line',
        id: `${k}-amp`,
        data: line((p) => (p.partial ? p.partial[k] : null)),
        colour: C[k],
        weight: 'thin',
        label: `${k}, AMP partially specialised (±1 weights)`,
      })),
    ],
    eps: [
      {
        mark: 'line',
        id: 'eps-equilibrium',
        data: line((p) => (spEq(p) && p.specialised ? p.specialised.eps : p.nonSpecialised.eps)),
        colour: COLOURS.equilibrium,
        weight: 'bold',
        label: 'ε, equilibrium',
      },
      {
        mark: 'line',
        id: 'eps-nonspecialised',
        data: line((p) => (spEq(p) ? p.nonSpecialised.eps : null)),
        colour: C.ns,
        dashed: true,
        label: 'ε, non-specialised',
      },
      {
        mark: 'line',
        id: 'eps-amp',
        data: line((p) => ampFixedPoint(p).eps),
        colour: C.amp,
        weight: 'thin',
        label: 'ε of AMP from the uninformed start',
      },
    ],
  };
}

export function CommitteeExplorer() {
  const params = useCommittee((s) => s.params);
  const points = useCommittee((s) => s.points);
  const thresholds = useCommittee((s) => s.thresholds);
  const computing = useCommittee((s) => s.computing);
  const urlErrors = useCommittee((s) => s.urlErrors);
  const computeError = useCommittee((s) => s.computeError);
  const patch = useCommittee((s) => s.patch);

  const s = series(points);
  const t = thresholds;
  const marks = thresholdMarks({ alphaSpec: t?.alphaSpec, alphaIT: t?.alphaIT, alphaAMP: t?.alphaAMP }, 'hard');
  // ±1 weights: where AMP leaves q11 = q12 (below α_AMP, where it reaches q = I).
  const sb = t?.alphaSymBreak;
  if (sb !== null && sb !== undefined) marks.rules.push(thresholdRule('alpha-sb', sb, `α_sb ≈ ${sb.toFixed(3)}`));
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
          <h2>Committee machine, K = 2</h2>
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
            options={(['3', '5', '8'].includes(String(params.alphaMax))
              ? ['3', '5', '8']
              : ['3', '5', '8', String(params.alphaMax)]
            ).map((v) => [v, `0 – ${v}`] as const)}
          />
          <dl className="classic-readout">
            <dt>α_spec (continuous specialisation)</dt>
            <dd data-testid="readout-alpha-spec">{t ? fmt(t.alphaSpec) : '…'}</dd>
            <dt>α_IT</dt>
            <dd data-testid="readout-committee-alpha-it">{t ? fmt(t.alphaIT) : '…'}</dd>
            <dt>α_AMP (AMP from the uninformed start reaches q = I)</dt>
            <dd data-testid="readout-committee-alpha-amp">{t ? fmt(t.alphaAMP) : '…'}</dd>
            <dt>α_sb (AMP breaks the symmetry, q11 &gt; q12)</dt>
            <dd data-testid="readout-committee-alpha-sb">{t ? fmt(t.alphaSymBreak) : '…'}</dd>
          </dl>
          {params.prior === 'rademacher' && (
            <p className="classic-note">
              ±1 weights: exact recovery is the equilibrium beyond α_IT, but AMP from the uninformed start only leaves
              q11 = q12 at α_sb, stays partially specialised (q11 &lt; 1) and jumps to q = I at α_AMP. Shaded: the hard
              phase α_IT &lt; α &lt; α_AMP.
            </p>
          )}
          <p className="classic-note">
            y = sign(sign z₁ + sign z₂) ∈ {'{−1, 0, +1}'} (0: the two units disagree). Error convention: ε = ½(E y² −
            E(Σ_y y Z_out)²), the squared error of the posterior-mean label (¼ at q = 0). Non-specialised: q11 = q12
            (both units learn their sum); specialised: q11 &gt; q12. Aubin et al., arXiv 1806.05451.
          </p>
          <p className="classic-note">
            Large K (lecture, from the literature, not computed here): information-theoretic specialisation at α̃ = α/K ≈
            7.65, while AMP needs n = Θ(K²p): a computational gap.
          </p>
        </section>
        <div className="classic-plots">
          {PLOTS.map(({ of, ...plot }) => (
            <LinePlot
              key={plot.testId}
              {...plot}
              xLabel="sample ratio α = m / n"
              xDomain={[0, params.alphaMax]}
              series={framed(s[of])}
              busy={computing}
            />
          ))}
        </div>
      </main>
    </>
  );
}
