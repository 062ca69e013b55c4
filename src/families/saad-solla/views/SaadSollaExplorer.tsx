// The Saad–Solla tab: online SGD of a soft committee machine in the N → ∞ limit, ε_g and the overlaps against α on a
// log axis, with the symmetric plateau and its escape.
import { numberRow, sliderOf } from '../../../platform/state/hashCodec';
import { SAAD_SOLLA_TABLE } from '../params';
import { useSaadSolla } from '../store';
import { Banner, fmt, Select, Slider } from '../../../platform/ui/fields';
import { LinePlot, type Series } from '../../../platform/plots/LinePlot';
import { useCursor } from '../../../platform/state/cursor';
import { useCursorKeys } from '../../../app/cursorKeys';
import { COLOURS, SERIES_HUES } from '../../../platform/plots/palette';
import { thresholdRule } from '../../../platform/plots/thresholds';
import { InformationExponentPanel, MatrixTensorPanel } from './LecturePanels';
import { SimulationPanel, simulationSeries } from './SimulationPanel';
import { saadSollaExport } from './ExportTools';
import '../../../platform/ui/classic.css';

export function SaadSollaExplorer() {
  const params = useSaadSolla((s) => s.params);
  const result = useSaadSolla((s) => s.result);
  const computing = useSaadSolla((s) => s.computing);
  const urlErrors = useSaadSolla((s) => s.urlErrors);
  const computeError = useSaadSolla((s) => s.computeError);
  const patch = useSaadSolla((s) => s.patch);
  const cursor = useCursor('saad-solla');
  useCursorKeys('saad-solla', [Math.min(1, params.alphaMax / 10), params.alphaMax], true);
  const simulation = useSaadSolla((s) => s.simulation);
  const simulated = simulationSeries(simulation, params.K, params.M);

  const pts = (result?.points ?? []).filter((p) => p.alpha > 0);
  const eps: Series[] = [
    {
      mark: 'line',
      id: 'eps',
      data: pts.map((p) => [p.alpha, p.eps]), // below the frame where ε_g → 0: clipped there, read out as it is
      colour: COLOURS.equilibrium,
      weight: 'bold',
      label: 'ε_g',
    },
  ];
  if (result)
    eps.push({
      mark: 'line',
      id: 'plateau',
      data: [
        [params.alphaMax / 1e6 + 0.1, result.plateau.epsPlateau],
        [params.alphaMax, result.plateau.epsPlateau],
      ],
      colour: COLOURS.amber,
      dashed: true,
      label: 'symmetric plateau',
    });
  const K = params.K;
  const M = params.M;
  const overlaps: Series[] = [];
  for (let i = 0; i < K; i++)
    for (let n = 0; n < M; n++)
      overlaps.push({
        mark: 'line',
        id: `R${i}${n}`,
        data: pts.map((p) => [p.alpha, p.R[i * M + n]]),
        colour: SERIES_HUES[(i * M + n) % SERIES_HUES.length],
        label: K * M <= 6 ? `R${i + 1}${n + 1}` : undefined,
      });
  for (let i = 0; i < K; i++)
    for (let k = i + 1; k < K; k++)
      overlaps.push({
        mark: 'line',
        id: `Q${i}${k}`,
        data: pts.map((p) => [p.alpha, p.Q[i * K + k]]),
        colour: COLOURS.grey,
        dashed: true,
        weight: 'thin',
        label: i === 0 && k === 1 ? 'Q_ik (i ≠ k)' : undefined,
      });
  const ys = pts.flatMap((p) => [...p.R, ...p.Q.filter((_, j) => j % (K + 1) !== 0)]);
  const lo = Math.min(0, ...ys);
  const hi = Math.max(1, ...ys);
  const marks = result?.alphaEscape
    ? [thresholdRule('escape', result.alphaEscape, `escape α ≈ ${result.alphaEscape.toFixed(0)}`)]
    : [];
  const epsMin = Math.max(
    1e-8,
    Math.min(...pts.map((p) => p.eps).filter((e) => e > 0), result?.plateau.epsPlateau ?? 1) / 2,
  );
  return (
    <>
      <Banner
        urlErrors={urlErrors}
        computeError={computeError}
        hasResult={result !== null}
        onDismiss={() => useSaadSolla.getState().dismissUrl()}
      />
      <main
        className="classic-layout"
        data-testid="saad-solla-explorer"
        data-complete={!computing && !!result ? 'true' : 'false'}
      >
        <section className="panel">
          <h2>Online SGD (Saad–Solla)</h2>
          <Slider
            id="control-K"
            label="student units K"
            value={params.K}
            {...sliderOf(numberRow(SAAD_SOLLA_TABLE, 'K'))}
            onChange={(v) => patch({ K: v })}
          />
          <Slider
            id="control-M"
            label="teacher units M"
            value={params.M}
            {...sliderOf(numberRow(SAAD_SOLLA_TABLE, 'M'))}
            onChange={(v) => patch({ M: v })}
          />
          <Slider
            id="control-eta"
            label="learning rate η"
            value={params.eta}
            {...sliderOf(numberRow(SAAD_SOLLA_TABLE, 'eta'))}
            onChange={(v) => patch({ eta: v })}
          />
          <Slider
            id="control-noise"
            label="output noise σ"
            value={params.noise}
            {...sliderOf(numberRow(SAAD_SOLLA_TABLE, 'noise'))}
            onChange={(v) => patch({ noise: v })}
          />
          <Select
            id="control-asym"
            label="initial asymmetry R_in ~ asym·U(0, 1)"
            value={String(params.asym)}
            onChange={(v) => patch({ asym: Number(v) })}
            options={(['0', '1e-06', '0.0001', '0.001', '0.01'].includes(String(params.asym))
              ? ['0', '1e-06', '0.0001', '0.001', '0.01']
              : ['0', '1e-06', '0.0001', '0.001', '0.01', String(params.asym)]
            ).map((v) => [v, v === '0' ? '0 (perfectly symmetric)' : v] as const)}
          />
          <Select
            id="control-ss-alpha-max"
            label="α range"
            value={String(params.alphaMax)}
            onChange={(v) => patch({ alphaMax: Number(v) })}
            options={(['1000', '10000', '100000'].includes(String(params.alphaMax))
              ? ['1000', '10000', '100000']
              : ['1000', '10000', '100000', String(params.alphaMax)]
            ).map((v) => [v, `up to ${v}`] as const)}
          />
          <dl className="classic-readout">
            <dt>ε on the symmetric plateau</dt>
            <dd data-testid="readout-eps-plateau">{result ? fmt(result.plateau.epsPlateau) : '…'}</dd>
            <dt>escape from the plateau (ε &lt; ½ plateau)</dt>
            <dd data-testid="readout-escape">
              {result ? (result.alphaEscape === null ? 'no escape in range' : fmt(result.alphaEscape)) : '…'}
            </dd>
          </dl>
          <p className="classic-note">
            g(u) = erf(u/√2), T = I, Q_ii(0) = 0.5; time α = steps/N. The plateau is the fixed point of the
            permutation-symmetric subspace; its length grows like (1/η) log(1/asymmetry), and a perfectly symmetric
            start never leaves it. Saad & Solla, PRL 74, 4337 (1995).
          </p>
          {result?.diverged && <p className="classic-note">The dynamics diverged: η is beyond the stable range.</p>}
          <SimulationPanel />
        </section>
        <div className="classic-plots">
          <LinePlot
            testId="plot-ss-eps"
            hover
            cursor={cursor}
            exportAs={saadSollaExport('ss-eps')}
            xColumn="alpha"
            ariaLabel="generalisation error ε_g(α)"
            caption={<>generalisation error ε_g(α)</>}
            xLabel="α = steps / N (log scale)"
            yLabel="ε_g (log scale)"
            xLog
            yLog
            xDomain={[Math.min(1, params.alphaMax / 10), params.alphaMax]}
            yDomain={[epsMin, 1]}
            series={[...eps, ...simulated.eps, ...marks]}
            busy={computing}
          />
          <LinePlot
            testId="plot-ss-overlaps"
            hover
            cursor={cursor}
            exportAs={saadSollaExport('ss-overlaps')}
            xColumn="alpha"
            ariaLabel="overlaps R_in (student–teacher) and Q_ik (student–student)"
            caption={<>overlaps R_in (student–teacher) and Q_ik (student–student)</>}
            xLabel="α = steps / N (log scale)"
            yLabel="overlap"
            xLog
            xDomain={[Math.min(1, params.alphaMax / 10), params.alphaMax]}
            yDomain={[lo, hi * 1.02]}
            series={[...overlaps, ...simulated.overlaps, ...marks]}
            busy={computing}
          />
          <InformationExponentPanel />
          <MatrixTensorPanel />
        </div>
      </main>
    </>
  );
}
