// `npm run bench [-- --json] [-- --no-browser]`: speed of the theory engine and of a slider move in the page.
// Not a test: it prints measured times (median of repeats) and ratios taken in this one run.
//   tableMs       m_S/ι table build per (γ, P_v) (γ = 0.5, ones; all laws in tableMsByLaw)
//   coldCurveMs   200-point equilibrium curve, every α solved from scratch (tables built)
//   warmCurveMs   the same curve with warm starts from the neighbouring α (what the worker does)
//   sliderRedrawMs  a Δ slider move to the ε plot redrawn over the whole α range, headless Chromium
//   gammaSliderMs   the same for γ (a new m_S table); …Gauss: Gaussian readouts; deepSliderMs, deepGammaSliderMs:
//                 the deep tab's Δ and γ1; *CompleteMs: until every point of the new curve is drawn
//   firstCurveMs  navigation → complete default ε(α) curve (fresh context, empty cache); firstViewSimStack: whether
//                 the simulation stack was fetched meanwhile (it must not be); firstCurveGpuCompositingMs: the same
//                 with the page composited on SwiftShader too (the test browser's flags before issue 19)
//   naive*        the same universal point with m_S evaluated directly (no table), the naive first version
//   tableMsByGamma  ones-table builds over a γ sweep (γ = 0.85 took 17–18 s before Newton accepted stalled edge
//                 roots, spectral.ts)

import { getActivation } from '../src/physics/activations';
import { getShallowModel } from '../src/physics/mlp/shallowModel';
import { solveUniversal, type ShallowSystem } from '../src/physics/mlp/shallow';
import { isContinuousLaw, spectralLaw } from '../src/physics/priors';
import { mmseSDirect } from '../src/physics/spectral';
import { buildSpectralTable, COARSE_TABLE, type SpectralTable } from '../src/physics/spectralTable';
import { READOUT_LAWS, type ShallowParams, type ShallowPoint } from '../src/physics/types';
import { time } from './timing';

const args = new Set(process.argv.slice(2));
const json = args.has('--json');
const log = (s: string) => {
  if (!json) console.log(s);
};

const gamma = 0.5;
const tableMsByLaw: Record<string, number> = {};
for (const law of READOUT_LAWS) {
  const spec = spectralLaw(law, gamma);
  tableMsByLaw[law] = time(() => buildSpectralTable(spec, isContinuousLaw(law) ? COARSE_TABLE : {}), 3);
  log(`table ${law.padEnd(7)} ${tableMsByLaw[law].toFixed(1)} ms`);
}

// Table builds over γ (v = 1): the narrow gap next to the zero eigenvalues made some γ slow.
const tableMsByGamma: Record<string, number> = {}; // keys 'γ=0.3' … (integer-like keys would be reordered)
for (const g of [0.3, 0.7, 0.85, 1, 1.2, 2])
  tableMsByGamma[`γ=${g}`] = time(() => buildSpectralTable(spectralLaw('ones', g)), 1);
log(
  `table ones by γ: ${Object.entries(tableMsByGamma)
    .map(([g, ms]) => `${g}: ${ms.toFixed(0)} ms`)
    .join(', ')}`,
);

const params: ShallowParams = { activation: 'relu', gamma, delta: 0.1, readout: 'ones', weights: 'gaussian' };
const model = getShallowModel(params);
const alphas = Array.from({ length: 200 }, (_, i) => (8 * (i + 1)) / 200);
const curve = (warmStarts: boolean) => () => {
  let warm: ShallowPoint | null = null;
  for (const a of alphas) {
    const p = model.solvePoint(a, warmStarts ? warm : null);
    warm = p;
  }
};
curve(true)(); // JIT warm-up
const coldCurveMs = time(curve(false), 7);
const warmCurveMs = time(curve(true), 7);
log(
  `200-point equilibrium curve (ReLU, ones, Gaussian W, Δ = 0.1): cold ${coldCurveMs.toFixed(1)} ms, warm ${warmCurveMs.toFixed(1)} ms (×${(coldCurveMs / warmCurveMs).toFixed(2)})`,
);

// Other parameter sets, warm, for the note.
const others: Record<string, number> = {};
for (const p of [
  { activation: 'h23', delta: 1.25, readout: 'ones', weights: 'rademacher' },
  { activation: 'relu', delta: 0.1, readout: 'rad', weights: 'gaussian' },
  { activation: 'tanh2', delta: 0.1, readout: 'gauss', weights: 'gaussian' },
] as const) {
  const m = getShallowModel({ ...p, gamma });
  const run = () => {
    let warm: ShallowPoint | null = null;
    for (const a of alphas) warm = m.solvePoint(a, warm);
  };
  run();
  const key = `${p.activation}/${p.readout}/${p.weights}`;
  others[key] = time(run, 3);
  log(`warm curve ${key}: ${others[key].toFixed(1)} ms`);
}

// Naive first version: no table, m_S from the spectral density at every call (m_S' by central difference).
const law = { a: gamma, v: Float64Array.from([1]), p: Float64Array.from([1]) };
const direct: SpectralTable = {
  ...buildSpectralTable(law),
  mS: (l) => 1 - mmseSDirect(law, l),
  mmse: (l) => mmseSDirect(law, l),
  mSPrime: (l) => (mmseSDirect(law, Math.max(0, l - 1e-5)) - mmseSDirect(law, l + 1e-5)) / (l > 1e-5 ? 2e-5 : l + 1e-5),
  evalMS: (l, out) => {
    out.v = 1 - mmseSDirect(law, l);
    out.d = (mmseSDirect(law, Math.max(0, l - 1e-5)) - mmseSDirect(law, l + 1e-5)) / (l > 1e-5 ? 2e-5 : l + 1e-5);
  },
};
const act = getActivation('relu');
const sysNaive: ShallowSystem = { ...model.system, table: direct, g: act.g, gPrime: act.gPrime };
const naivePointMs = time(() => solveUniversal(sysNaive, 2), 5);
const tablePointMs =
  time(() => {
    for (let i = 0; i < 1000; i++) solveUniversal(model.system, 2);
  }, 5) / 1000;
log(
  `universal point at α = 2: naive (direct m_S) ${naivePointMs.toFixed(2)} ms, tabulated ${(tablePointMs * 1000).toFixed(1)} µs (×${(naivePointMs / tablePointMs).toFixed(0)})`,
);

let sliderRedrawMs: number | null = null;
let sliderRedrawCompleteMs: number | null = null;
const browserFigures: Record<string, unknown> = {};
if (!args.has('--no-browser')) {
  const { firstCurves, launchChromium, sliderSamples, withPreview } = await import('./sliderRedraw');
  const { CHROMIUM_ARGS_GPU_COMPOSITING } = await import('../e2e/chromium');
  const pageLog = json ? undefined : log;
  await withPreview({ log: pageLog }, async (session) => {
    // The same loads, alternating, in a browser that also composites on SwiftShader (the flags before issue 19's
    // change; e2e/chromium.ts says why): what that emulation costs on this machine.
    const gpuCompositing = await launchChromium(CHROMIUM_ARGS_GPU_COMPOSITING);
    const [first, emulated] = await firstCurves(session.base, [session.browser, gpuCompositing]).finally(() =>
      gpuCompositing.close(),
    );
    log(
      `first view → complete default ε(α) curve: ${first.medianMs.toFixed(0)} ms (target ≤ 1000; median of ${first.samples.length}, ` +
        `a browser's first page ${first.coldBrowserMs.toFixed(0)} ms); ${first.scripts.length} scripts, ` +
        `${(first.scriptBytes / 1024).toFixed(0)} kB; simulation stack loaded: ${first.simStackLoaded}`,
    );
    log(
      `  the same with compositing on SwiftShader (earlier flags): ${emulated.medianMs.toFixed(0)} ms ` +
        `(×${(emulated.medianMs / first.medianMs).toFixed(2)}; first page ${emulated.coldBrowserMs.toFixed(0)} ms)`,
    );
    Object.assign(browserFigures, {
      firstCurveMs: first.medianMs,
      firstCurveColdBrowserMs: first.coldBrowserMs,
      firstCurveGpuCompositingMs: emulated.medianMs,
      firstViewScriptBytes: first.scriptBytes,
      firstViewSimStack: first.simStackLoaded,
    });
    // Each slider: median ms to the new curve drawn over the whole α range (the key), and to all its points.
    const sliders = [
      ['sliderRedrawMs', 'delta', 'ones', 50],
      ['gammaSliderMs', 'gamma', 'ones', 150],
      ['sliderRedrawMsGauss', 'delta', 'gauss', 50],
      ['gammaSliderMsGauss', 'gamma', 'gauss', 150],
      ['deepSliderMs', 'deep-delta', 'ones', 50],
      ['deepGammaSliderMs', 'deep-gamma', 'ones', 150],
    ] as const;
    for (const [key, control, readout, target] of sliders) {
      const r = await sliderSamples(session, { control, readout, samples: 20 });
      log(
        `slider ${control} (${readout}) → redraw over the α range: ${r.medianMs.toFixed(1)} ms (target ≤ ${target}); all points: ${r.medianCompleteMs.toFixed(1)} ms`,
      );
      browserFigures[key] = r.medianMs;
      browserFigures[key.replace('Ms', 'CompleteMs')] = r.medianCompleteMs;
    }
  });
  sliderRedrawMs = browserFigures.sliderRedrawMs as number;
  sliderRedrawCompleteMs = browserFigures.sliderRedrawCompleteMs as number;
}

const result = {
  tableMs: tableMsByLaw.ones,
  coldCurveMs,
  warmCurveMs,
  sliderRedrawMs,
  sliderRedrawCompleteMs,
  ...browserFigures,
  tableMsByLaw,
  tableMsByGamma,
  warmCurveMsOther: others,
  naiveUniversalPointMs: naivePointMs,
  tabulatedUniversalPointMs: tablePointMs,
};
// Other families' sections (`--only NAME[,NAME]` runs just those, after the figures above).
const SECTIONS = await (await import('./sections')).loadSections();
const onlyIdx = process.argv.indexOf('--only');
const only = onlyIdx > 0 ? new Set((process.argv[onlyIdx + 1] ?? '').split(',')) : null;
const extra: Record<string, unknown> = {};
for (const s of SECTIONS) {
  if (only && !only.has(s.name)) continue;
  log(`# ${s.name}`);
  Object.assign(extra, await s.run(log));
}
if (json) console.log(JSON.stringify({ ...result, ...extra }));
