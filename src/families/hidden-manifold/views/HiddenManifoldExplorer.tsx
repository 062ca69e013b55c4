// The hidden-manifold tab: the exact ridge learning curve E(α = n/N) on x = f(Fᵀc/√D), and online SGD of a
// two-layer network on such data against i.i.d. inputs (docs/physics/hidden-manifold.md).
import { numberRow, sliderOf } from '../../../platform/state/hashCodec';
import { Banner, fmt, Select, Slider } from '../../../platform/ui/fields';
import { LinePlot, type Series } from '../../../platform/plots/LinePlot';
import { useCursor } from '../../../platform/state/cursor';
import { useCursorKeys } from '../../../app/cursorKeys';
import { rule } from '../../../platform/plots/lineGeometry';
import { COLOURS } from '../../../platform/plots/palette';
import { HMM_ACTIVATIONS, HMM_TABLE, HMM_TARGETS, HMM_UNITS, type HmmUiParams } from '../params';
import { useHiddenManifold } from '../store';
import type { CurvePoint } from '../protocol';
import { hmmExport } from './ExportTools';
import { SgdPanel, sgdSeries } from './SgdPanel';
import { RidgeSimControls, ridgeSimSeries } from './RidgeSim';
import '../../../platform/ui/classic.css';

type NumberField = 'delta' | 'lambda' | 'noise' | 'alphaMax' | 'K' | 'M' | 'eta' | 'N' | 'sgdAlpha';
const LABELS: Record<NumberField, string> = {
  delta: 'latent / input dimension D/N',
  lambda: 'ridge λ',
  noise: 'label noise σ_ε',
  alphaMax: 'α range of the ridge curve',
  K: 'student units K',
  M: 'teacher units M',
  eta: 'learning rate η',
  N: 'input dimension N (simulation)',
  sgdAlpha: 'SGD steps / N',
};

function NumberControl({ field }: { field: NumberField }) {
  const value = useHiddenManifold((s) => s.params[field]);
  const patch = useHiddenManifold((s) => s.patch);
  return (
    <Slider
      id={`control-hmm-${field}`}
      label={LABELS[field]}
      value={value}
      {...sliderOf(numberRow(HMM_TABLE, field))}
      onChange={(v) => patch({ [field]: v } as Partial<HmmUiParams>)}
    />
  );
}

function EnumControl({
  field,
  label,
  values,
}: {
  field: 'activation' | 'target' | 'units';
  label: string;
  values: readonly string[];
}) {
  const value = useHiddenManifold((s) => s.params[field]);
  const patch = useHiddenManifold((s) => s.patch);
  return (
    <Select
      id={`control-hmm-${field}`}
      label={label}
      value={value}
      onChange={(v) => patch({ [field]: v })}
      options={values.map((v) => [v, v] as const)}
    />
  );
}

const line = (c: CurvePoint[]) =>
  c.map((p): [number, number] | null => (p.testError === null ? null : [p.alpha, p.testError]));

export function HiddenManifoldExplorer() {
  const params = useHiddenManifold((s) => s.params);
  const cursor = useCursor('hidden-manifold');
  useCursorKeys('hidden-manifold', [0, params.alphaMax]);
  const sgdCursor = useCursor('hidden-manifold-sgd');
  const result = useHiddenManifold((s) => s.result);
  const computing = useHiddenManifold((s) => s.computing);
  const urlErrors = useHiddenManifold((s) => s.urlErrors);
  const computeError = useHiddenManifold((s) => s.computeError);
  const simulation = useHiddenManifold((s) => s.simulation);
  const ridgeSim = useHiddenManifold((s) => s.ridgeSim);
  const logistic = useHiddenManifold((s) => s.logistic);
  const logisticPoints = logistic && 'points' in logistic ? logistic.points : [];
  const logisticSeries: Series[] = logisticPoints.length
    ? [
        {
          mark: 'line',
          id: 'logistic',
          testId: 'hmm-logistic-curve',
          data: logisticPoints.map((p): [number, number] | null => (p.converged ? [p.alpha, p.classError] : null)),
          colour: COLOURS.green,
          weight: 'bold',
          label: `logistic, λ = ${fmt(params.lambda)} (theory)`,
        },
      ]
    : [];

  const ridge: Series[] = result
    ? [
        {
          mark: 'line',
          id: 'ridge',
          testId: 'hmm-ridge-curve',
          data: line(result.points),
          colour: COLOURS.equilibrium,
          weight: 'bold',
          label: `ridge, λ = ${fmt(params.lambda)} (theory)`,
        },
        {
          mark: 'line',
          id: 'ridgeless',
          data: line(result.interpolation),
          colour: COLOURS.blue,
          weight: 'thin',
          label: 'λ → 0⁺ (theory)',
        },
        rule('null', 'y', result.nullError, COLOURS.grey, { text: 'λ → ∞: E y²', dash: 'dashed', label: 'λ → ∞' }),
        rule('peak', 'x', 1, COLOURS.amber, { text: 'n = N', dash: 'dotted' }),
        ...ridgeSimSeries(ridgeSim),
      ]
    : [];
  const last = result?.points[result.points.length - 1];
  const sgd = sgdSeries(simulation, params.delta);
  const sgdErrors = sgd.flatMap((s) => (s.mark === 'line' ? s.data.map((p) => (p ? p[1] : 1)) : []));
  const yMin = Math.max(1e-5, Math.min(0.05, ...sgdErrors) / 2);
  const yMax = Math.max(1, ...sgdErrors) * 1.2;
  return (
    <>
      <Banner
        urlErrors={urlErrors}
        computeError={computeError}
        hasResult={result !== null}
        onDismiss={() => useHiddenManifold.getState().dismissUrl()}
      />
      <main
        className="classic-layout"
        data-testid="hidden-manifold-explorer"
        data-complete={!computing && !!result ? 'true' : 'false'}
      >
        <section className="panel">
          <h2>Hidden manifold model</h2>
          <EnumControl field="activation" label="f of the inputs x = f(Fᵀc/√D)" values={HMM_ACTIVATIONS} />
          <NumberControl field="delta" />
          <NumberControl field="noise" />
          <h3>Ridge regression on x</h3>
          <EnumControl field="target" label="labels y = g(θ·c/√D) + σ_ε ξ, g =" values={HMM_TARGETS} />
          <NumberControl field="lambda" />
          <NumberControl field="alphaMax" />
          <dl className="classic-readout">
            <dt>E at α = {fmt(params.alphaMax)}</dt>
            <dd data-testid="readout-hmm-E">{last ? fmt(last.testError) : '…'}</dd>
            <dt>E y² (λ → ∞)</dt>
            <dd data-testid="readout-hmm-null">{result ? fmt(result.nullError) : '…'}</dd>
          </dl>
          <RidgeSimControls />
          <h3>Online SGD of a two-layer network</h3>
          <EnumControl field="units" label="hidden units (teacher and student)" values={HMM_UNITS} />
          <NumberControl field="K" />
          <NumberControl field="M" />
          <NumberControl field="eta" />
          <NumberControl field="N" />
          <NumberControl field="sgdAlpha" />
          <SgdPanel />
          <p className="classic-note">
            Hidden manifold: latent c ∈ R^D, inputs x = f(Fᵀc/√D) ∈ R^N, labels from c (Goldt, Mézard, Krzakala,
            Zdeborová, arXiv 1909.11500). Ridge on x is random-features ridge on the latent; its exact curve comes from
            the Gaussian equivalence f(u) ≈ κ0 + κ1 u + κ⋆ z (Gerace et al., arXiv 2002.09339).
          </p>
        </section>
        <div className="classic-plots">
          <LinePlot
            testId="plot-hmm-ridge"
            hover
            cursor={cursor}
            exportAs={hmmExport('hmm-ridge')}
            caption={<>ridge regression on hidden-manifold inputs: test error E(α)</>}
            xLabel="α = n / N"
            yLabel="test error E = E(y − ŷ)²"
            xDomain={[0, params.alphaMax]}
            yDomain={[0, (result?.nullError ?? 1) * 1.6]}
            series={ridge}
            busy={computing}
          />
          <LinePlot
            testId="plot-hmm-logistic"
            hover
            cursor={cursor}
            exportAs={hmmExport('hmm-logistic')}
            caption={<>logistic regression on y = sign(θ·c/√D): classification error</>}
            xLabel="α = n / N"
            yLabel="P(sign ŷ ≠ y)"
            xDomain={[0, params.alphaMax]}
            yDomain={[0, 0.5]}
            series={logisticSeries}
            height={220}
          >
            {logistic && 'refused' in logistic && <p className="hint">Not drawn here: {logistic.refused}</p>}
          </LinePlot>
          <LinePlot
            testId="plot-hmm-sgd"
            hover
            cursor={sgdCursor}
            exportAs={hmmExport('hmm-sgd')}
            caption={<>online SGD: test error against steps/N, hidden manifold vs i.i.d. inputs</>}
            xLabel="α = steps / N (log scale)"
            yLabel="ε_g (log scale)"
            xLog
            yLog
            xDomain={[Math.min(1, params.sgdAlpha / 10) / 2, params.sgdAlpha]}
            yDomain={[yMin, yMax]}
            series={sgd}
            legend="below"
          >
            {!simulation && <p className="hint">Press “simulate” to train the networks (a few seconds).</p>}
          </LinePlot>
        </div>
      </main>
    </>
  );
}
