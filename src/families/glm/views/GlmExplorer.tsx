// The teacher–student GLM / perceptron tab: ε and q against α with both state-evolution branches (metastable
// dashed), the hard phase between α_IT and α_AMP shaded, and GAMP at finite n as points with error bars.
import { useMemo, useState } from 'react';
import { numberRow, sliderOf } from '../../../platform/state/hashCodec';
import { runGamp } from '../controller';
import { GLM_TABLE } from '../params';
import { GLM_SETTINGS } from '../presets';
import { useGlm } from '../store';
import { Banner, fmt, Select, Slider } from '../../../platform/ui/fields';
import { LinePlot } from '../../../platform/plots/LinePlot';
import { useCursor } from '../../../platform/state/cursor';
import { useCursorKeys } from '../../../app/cursorKeys';
import { thresholdMarks } from '../../../platform/plots/thresholds';
import { branchSeries, GLM_COLOURS as C } from './series';
import '../../../platform/ui/classic.css';

export function GlmExplorer() {
  const params = useGlm((s) => s.params);
  const result = useGlm((s) => s.result);
  const computing = useGlm((s) => s.computing);
  const urlErrors = useGlm((s) => s.urlErrors);
  const computeError = useGlm((s) => s.computeError);
  const gamp = useGlm((s) => s.gamp);
  const gampRunning = useGlm((s) => s.gampRunning);
  const patch = useGlm((s) => s.patch);
  const [gampN, setGampN] = useState(200);
  const cursor = useCursor('glm');
  useCursorKeys('glm', [0, params.alphaMax]);

  const pts = useMemo(() => result?.points ?? [], [result]);
  const th = result?.thresholds;
  const marks = thresholdMarks({ alphaIT: th?.alphaIT, alphaAMP: th?.alphaAMP }, 'hard phase');
  // A vertical segment where the equilibrium jumps (α_IT), no sloped one across it.
  const alphaIT = th?.alphaIT;
  const epsSeries = useMemo(() => branchSeries(pts, alphaIT, (b) => b.eps), [pts, alphaIT]);
  const qSeries = useMemo(() => branchSeries(pts, alphaIT, (b) => b.q), [pts, alphaIT]);
  const classification = params.channel === 'sign' || params.channel === 'probit';
  const epsMax = pts.length
    ? Math.max(...pts.map((p) => Math.max(p.uninformed.eps, p.informed.eps)).filter(Number.isFinite)) * 1.05
    : 0.5;
  const rho = params.prior === 'gauss-bernoulli' ? params.sparsity : 1;

  return (
    <>
      <Banner
        urlErrors={urlErrors}
        computeError={computeError}
        hasResult={result !== null}
        onDismiss={() => useGlm.getState().dismissUrl()}
      />
      <main className="classic-layout" data-testid="glm-explorer">
        <section className="panel">
          <h2>Teacher–student GLM</h2>
          <div className="classic-presets">
            {GLM_SETTINGS.map((p) => (
              <button key={p.id} type="button" data-testid={`preset-${p.id}`} onClick={() => patch(p.p)}>
                {p.label}
              </button>
            ))}
          </div>
          <Select
            id="control-prior"
            label="teacher prior P₀"
            value={params.prior}
            onChange={(v) => patch({ prior: v })}
            options={
              [
                ['gaussian', 'Gaussian N(0, 1)'],
                ['rademacher', 'Rademacher ±1'],
                ['binary-biased', 'biased ±1'],
                ['gauss-bernoulli', 'Gauss–Bernoulli (sparse)'],
              ] as const
            }
          />
          <Select
            id="control-channel"
            label="output channel"
            value={params.channel}
            onChange={(v) => patch({ channel: v })}
            options={
              [
                ['sign', 'sign (noiseless)'],
                ['probit', 'probit: sign(z + √Δ ξ)'],
                ['linear', 'linear: z + √Δ ξ'],
                ['relu', 'ReLU: max(0, z) + √Δ ξ'],
              ] as const
            }
          />
          {params.channel !== 'sign' && (
            <Slider
              id="control-delta"
              label="noise Δ"
              value={params.delta}
              {...sliderOf(numberRow(GLM_TABLE, 'delta'))}
              onChange={(v) => patch({ delta: v })}
            />
          )}
          {params.prior === 'binary-biased' && (
            <Slider
              id="control-bias"
              label="bias E w"
              value={params.bias}
              {...sliderOf(numberRow(GLM_TABLE, 'bias'))}
              onChange={(v) => patch({ bias: v })}
            />
          )}
          {params.prior === 'gauss-bernoulli' && (
            <Slider
              id="control-sparsity"
              label="density ρ"
              value={params.sparsity}
              {...sliderOf(numberRow(GLM_TABLE, 'sparsity'))}
              onChange={(v) => patch({ sparsity: v })}
            />
          )}
          <Select
            id="control-alpha-max"
            label="α range"
            value={String(params.alphaMax)}
            onChange={(v) => patch({ alphaMax: Number(v) })}
            options={(['1.5', '3', '5', '10', '20'].includes(String(params.alphaMax))
              ? ['1.5', '3', '5', '10', '20']
              : ['1.5', '3', '5', '10', '20', String(params.alphaMax)]
            ).map((v) => [v, `0 – ${v}`] as const)}
          />
          <dl className="classic-readout" data-testid="glm-thresholds">
            <dt>α_IT (information-theoretic)</dt>
            <dd data-testid="readout-alpha-it">{th ? fmt(th.alphaIT) : '…'}</dd>
            <dt>α_AMP (algorithmic)</dt>
            <dd data-testid="readout-alpha-amp">{th ? fmt(th.alphaAMP) : '…'}</dd>
          </dl>
          {th?.note && <p className="classic-note">{th.note}</p>}
          <h2>GAMP at finite n</h2>
          <Select
            id="control-gamp-n"
            label="n"
            value={String(gampN)}
            onChange={(v) => setGampN(Number(v))}
            options={
              [
                ['100', '100'],
                ['200', '200'],
                ['400', '400'],
                ['800', '800'],
              ] as const
            }
          />
          <button type="button" data-testid="run-gamp" onClick={() => runGamp(gampN)}>
            {gampRunning ? 'running… (restart)' : 'run GAMP (4 seeds × 8 α)'}
          </button>
          <p className="classic-note">
            GAMP from a random start, seeded; points: mean ± std over 4 teachers.
            {params.channel === 'relu' && ' ReLU: g_out in closed form; below SE by ≈ 1/√n at finite n.'}
          </p>
          <p className="classic-note">
            {classification
              ? 'ε: 0–1 test error on the noise-free teacher label, Bayes vote ε = arccos(√(q/ρ))/π, Gibbs arccos(q/ρ)/π.'
              : 'ε: noise-free test MSE of the Bayes-optimal predictor (add Δ for noisy labels).'}{' '}
            Equations: Barbier et al., arXiv 1708.03395; hard phase: Zdeborová, PAISS 2019 lecture.
          </p>
        </section>
        <div className="classic-plots">
          <LinePlot
            testId="plot-glm-eps"
            hover
            cursor={cursor}
            caption={<>Bayes-optimal test error ε(α)</>}
            xLabel="sample ratio α = m / n"
            yLabel={classification ? 'test error ε' : 'test MSE ε'}
            xDomain={[0, params.alphaMax]}
            yDomain={[-0.03 * (epsMax || 0.5), epsMax || 0.5]} // ε = 0 (perfect recovery) above the axis
            series={[
              ...marks.spans,
              ...epsSeries,
              {
                mark: 'points',
                id: 'gamp',
                colour: C.gamp,
                label: `GAMP, n = ${gampN}`,
                data: gamp.map((g) => ({ x: g.alpha, y: g.eps, err: g.epsStd })),
              },
              ...marks.rules,
            ]}
            busy={computing}
          />
          <LinePlot
            testId="plot-glm-q"
            hover
            cursor={cursor}
            caption={<>overlap q(α) = w·w⁰/n</>}
            xLabel="sample ratio α = m / n"
            yLabel="overlap q"
            xDomain={[0, params.alphaMax]}
            yDomain={[-0.03 * rho, rho * 1.02]} // q = 0 (uninformed) above the axis
            series={[
              ...marks.spans,
              ...qSeries,
              {
                mark: 'points',
                id: 'gamp-q',
                colour: C.gamp,
                label: `GAMP, n = ${gampN}`,
                data: gamp.map((g) => ({ x: g.alpha, y: g.q, err: g.qStd })),
              },
              ...marks.rules,
            ]}
          />
        </div>
      </main>
    </>
  );
}
