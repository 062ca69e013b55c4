// The spiked matrix–tensor tab: the (Δp, 1/Δ2) phase diagram with its regions (impossible, hard for AMP, hard for
// Langevin at T = 1, hard for gradient flow, spurious minima, trivial landscape) and the overlap m against 1/Δ2 on both state-evolution
// branches at the chosen Δp, thresholds marked. Numbers from the worker; every plot exports SVG/PNG/CSV/JSON.
import { useCallback } from 'react';
import type { ExportContext } from '../../../platform/plots/export';
import { pageBase } from '../../../platform/plots/export';
import { LinePlot, type Series } from '../../../platform/plots/LinePlot';
import { useCursor } from '../../../platform/state/cursor';
import { useCursorKeys } from '../../../app/cursorKeys';
import { COLOURS } from '../../../platform/plots/palette';
import { thresholdRule } from '../../../platform/plots/thresholds';
import { Banner, fmt, KeyValueTable, Select, Slider } from '../../../platform/ui/fields';
import { numberRow, sliderOf } from '../../../platform/state/hashCodec';
import { MATRIX_TENSOR_TABLE, matrixTensorCodec, type MatrixTensorUiParams } from '../params';
import { useMatrixTensor } from '../store';
import { LangevinPanel } from './LangevinPanel';
import { choiceOptions } from './choices';
import { diagramSeries, diagramTable, overlapSeries, overlapTable, regionBand, regionLabel, regionsOf } from './series';
import '../../../platform/ui/classic.css';

const context = (): ExportContext => {
  const p = useMatrixTensor.getState().params;
  return {
    model: 'matrix-tensor',
    params: { p: p.p, 'delta-p': p.deltaP, 'inv-delta2-max': p.invDelta2Max, 'delta-p-max': p.deltaPMax },
    url: pageBase() + matrixTensorCodec.encode(p),
  };
};

/** Half the width of a 12 px label in pixels (≈ 6.5 px a character), with a margin. */
const labelHalfWidth = (text: string) => 3.25 * text.length + 4;

/** A label's centre moved inside [left, right]. */
const clampLabel = (px: number, text: string, left: number, right: number) => {
  const half = labelHalfWidth(text);
  return Math.min(Math.max(px, left + half), right - half);
};

/** A range's label: its upper end (the axis starts at 0). */
const range = (v: string) => `0 – ${v}`;

function Controls({ params, patch }: { params: MatrixTensorUiParams; patch(p: Partial<MatrixTensorUiParams>): void }) {
  const dp = sliderOf(numberRow(MATRIX_TENSOR_TABLE, 'deltaP'));
  return (
    <>
      <Select
        id="control-mt-p"
        label="tensor order p"
        value={String(params.p)}
        onChange={(v) => patch({ p: Number(v) })}
        options={(['3', '4', '5', '6'] as const).map((v) => [v, `p = ${v}`] as const)}
      />
      <Slider
        id="control-mt-delta-p"
        label="Δp of the overlap plot"
        value={params.deltaP}
        min={dp.min}
        max={dp.max}
        step={dp.step}
        onChange={(v) => patch({ deltaP: v })}
      />
      <Select
        id="control-mt-inv-delta2-max"
        label="1/Δ2 range"
        value={String(params.invDelta2Max)}
        onChange={(v) => patch({ invDelta2Max: Number(v) })}
        options={choiceOptions('invDelta2Max', params.invDelta2Max, range)}
      />
      <Select
        id="control-mt-delta-p-max"
        label="Δp range"
        value={String(params.deltaPMax)}
        onChange={(v) => patch({ deltaPMax: Number(v) })}
        options={choiceOptions('deltaPMax', params.deltaPMax, range)}
      />
    </>
  );
}

export function MatrixTensorExplorer() {
  const params = useMatrixTensor((s) => s.params);
  const overlaps = useMatrixTensor((s) => s.overlaps);
  const lines = useMatrixTensor((s) => s.lines);
  const linesDone = useMatrixTensor((s) => s.linesDone);
  const computing = useMatrixTensor((s) => s.computing);
  const urlErrors = useMatrixTensor((s) => s.urlErrors);
  const computeError = useMatrixTensor((s) => s.computeError);
  const patch = useMatrixTensor((s) => s.patch);
  const cursor = useCursor('matrix-tensor', '1/Δ2');
  useCursorKeys('matrix-tensor', [0, params.invDelta2Max]);
  const yMax = params.invDelta2Max;
  const at = overlaps?.at ?? null;

  const diagram = diagramSeries(lines, yMax, params.deltaP);
  const bands = regionsOf(lines)
    .filter((r) => r.label)
    .map((r) => ({ r, band: regionBand(lines, r, yMax) }));
  const rules: Series[] = [];
  if (at) {
    const mark = (id: string, v: number | null, text: string) => {
      if (v !== null && v > 0 && v < yMax) rules.push(thresholdRule(id, v, `${text} ${v.toFixed(3)}`));
    };
    mark('inv-delta2-it', at.it, 'IT');
    if (at.hard !== null && at.it !== null && at.hard - at.it > 1e-6) mark('inv-delta2-hard', at.hard, 'jump');
    if (at.amp !== null && at.it !== null && at.amp - at.it > 1e-6) mark('inv-delta2-amp', at.amp, 'AMP');
    if (at.langevin !== null && at.amp !== null && at.langevin - at.amp > 1e-6)
      mark('inv-delta2-langevin', at.langevin, 'L');
    mark('inv-delta2-gf', at.gf, 'GF');
    mark('inv-delta2-triv', at.triv, 'triv');
  }
  const hard: Series[] =
    at && at.hard !== null && at.amp !== null && at.amp - at.hard > 1e-6
      ? [{ mark: 'span', id: 'hard', x0: at.hard, x1: at.amp, colour: COLOURS.hard, text: 'hard', testId: 'band-hard' }]
      : [];
  const diagramTableOf = useCallback(() => diagramTable(useMatrixTensor.getState().lines), []);
  const overlapTableOf = useCallback(() => {
    const o = useMatrixTensor.getState().overlaps;
    return o ? overlapTable(o.rows) : null;
  }, []);

  return (
    <>
      <Banner
        urlErrors={urlErrors}
        computeError={computeError}
        hasResult={!!overlaps}
        onDismiss={() => useMatrixTensor.getState().dismissUrl()}
      />
      <main
        className="classic-layout"
        data-testid="matrix-tensor-explorer"
        data-lines={lines.length}
        data-complete={!computing && linesDone && !!overlaps ? 'true' : 'false'}
      >
        <section className="panel">
          <h2>Spiked matrix–tensor model</h2>
          <Controls params={params} patch={patch} />
          <KeyValueTable
            rows={[
              ['1/Δ2_IT', at ? fmt(at.it) : '…', 'readout-mt-it'],
              ['hard from', at ? fmt(at.hard) : '…', 'readout-mt-hard'],
              ['1/Δ2_AMP', at ? fmt(at.amp) : '…', 'readout-mt-amp'],
              ['spinodal', at ? fmt(at.spinodal) : '…', 'readout-mt-spinodal'],
              ['1/Δ2_L (Langevin)', at ? fmt(at.langevin) : '…', 'readout-mt-langevin'],
              ['1/Δ2_GF', at ? fmt(at.gf) : '…', 'readout-mt-gf'],
              ['1/Δ2_triv', at ? fmt(at.triv) : '…', 'readout-mt-triv'],
            ]}
          />
          <p className="classic-note">
            IT: information-theoretic (the Bayes-optimal m becomes &gt; 0); hard from: the informative branch is the
            equilibrium but AMP falls short (= IT for p = 3; a first-order jump for p ≥ 4); AMP: Bayes-AMP from m = 0⁺
            reaches the informative branch; spinodal: the informative branch appears; L: Langevin at T = 1 leaves m ≈ 0;
            GF: gradient flow succeeds; triv: Kac–Rice, no spurious minima.
          </p>
          <p className="classic-note">
            Y = x*x*ᵀ/√N + √Δ2 noise and an order-p spiked tensor with noise Δp, x* uniform on the sphere |x|² = N.
            Bayes-AMP state evolution m ← m̂/(1 + m̂), m̂ = m/Δ2 + m^(p−1)/Δp, from m = 0⁺ (uninformative) and m = 1⁻
            (informative); the Bayes-optimal m is the fixed point of larger RS free entropy Φ (Sarao Mannelli, Biroli,
            Cammarota, Krzakala, Urbani, Zdeborová, arXiv 1812.09066).
          </p>
          <p className="classic-note">
            Landscape of the loss −log P(Y, T | x): gradient flow from a random start succeeds above 1/Δ2_GF, where the
            threshold states get an unstable direction towards the signal (arXiv 1907.08226); above 1/Δ2_triv the
            annealed Kac–Rice count finds no spurious minimum left (method of Sarao Mannelli, Krzakala, Urbani,
            Zdeborová, arXiv 1902.00139; derived in docs/physics/matrix-tensor.md). Langevin at the Bayes temperature T
            = 1 ages towards the marginal states at T (Cugliandolo–Kurchan) and escapes towards the signal above 1/Δ2_L,
            where u·β(1 − q_EA) = 1, i.e. u² = ξ″(1 − 1/u) (p = 3: max(1, √(2/Δp))); derived in the note §4c, checked on
            the large-N dynamical equations, not fitted to the paper’s extrapolated line (1812.09066). The simulation
            below runs the dynamics at finite N.
          </p>
        </section>
        <div className="classic-plots">
          <LinePlot
            testId="plot-mt-diagram"
            caption={`phase diagram in the (Δp, 1/Δ2) plane, p = ${params.p}`}
            xLabel="tensor noise Δp"
            yLabel="matrix signal 1/Δ2"
            xDomain={[0, params.deltaPMax]}
            yDomain={[0, yMax]}
            series={diagram}
            busy={!linesDone}
            legend="below"
            height={340}
            attrs={{ 'data-lines': lines.length }}
            overlay={(x, y) => {
              // data units a pixel: labels keep clear of the lines beside them and of the Δp rule's text at the top
              const perX = params.deltaPMax / (x(params.deltaPMax) - x(0));
              const avoid = { x: params.deltaP, below: yMax * (1 - 22 / (y(0) - y(yMax))) };
              return bands.map(({ r, band }) => {
                const fitOf = (text: string) => ({
                  half: labelHalfWidth(text) * perX,
                  domain: [0, params.deltaPMax] as [number, number],
                  avoid,
                });
                const at = regionLabel(r, band, 0.08 * yMax, fitOf);
                return at ? (
                  <text
                    key={r.id}
                    className="region-label"
                    data-testid={`label-${r.id}`}
                    x={clampLabel(x(at.x), at.text, x(0), x(params.deltaPMax))}
                    y={y(at.y)}
                    textAnchor="middle"
                    dominantBaseline="middle"
                    fontSize={12}
                  >
                    {at.text}
                  </text>
                ) : null;
              });
            }}
            exportAs={{ plot: 'mt-diagram', title: 'phase diagram', context, table: diagramTableOf, fileKeys: ['p'] }}
          />
          <LinePlot
            testId="plot-mt-overlap"
            hover
            cursor={cursor}
            caption={`overlap m against 1/Δ2 at Δp = ${params.deltaP}, p = ${params.p}`}
            xLabel="matrix signal 1/Δ2"
            yLabel="overlap m"
            xDomain={[0, yMax]}
            yDomain={[0, 1]}
            series={[...hard, ...(overlaps ? overlapSeries(overlaps.rows) : []), ...rules]}
            busy={computing && !overlaps}
            legend="below"
            exportAs={{
              plot: 'mt-overlap',
              title: 'overlap plot',
              context,
              table: overlapTableOf,
              fileKeys: ['p', 'delta-p'],
              extraJson: () => ({ thresholds: useMatrixTensor.getState().overlaps?.at ?? null }),
            }}
          />
          <LangevinPanel />
        </div>
      </main>
    </>
  );
}
