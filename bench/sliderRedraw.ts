// Slider-to-redraw latency of the built app in headless Chromium.
// Starts `vite preview` on a free port (building dist/ first if it is missing or older than a source), loads the
// page, waits for the first curve, then changes Δ (or γ) programmatically and measures in the page, with performance.now() and a
// MutationObserver, the time from the input event to the ε plot being re-rendered with the new curve:
//   - `medianMs`: until the new curve spans the whole α range (data-render-gen: the coarse pass is drawn),
//   - `medianCompleteMs`: until all 200 grid points are drawn (data-complete-gen).
// The same for the deep tab (`control: 'deep-delta' | 'deep-gamma'`, its ε plot) and for Gaussian readouts
// (`readout: 'gauss'`). `measureFirstCurve`: from navigation to the complete default ε(α) curve, in a fresh browser
// context (empty cache) each time, with the scripts the page fetched meanwhile (is the simulation stack among them?).
// Usage: `npx tsx bench/sliderRedraw.ts [--control=delta|gamma|deep-delta|deep-gamma] [--gauss] [--samples=N]` or
// `… --first [--samples=N]` (prints JSON), or import the measures (bench/bench.ts).
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { chromium, type Browser, type Response } from '@playwright/test';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../e2e/chromium';

export interface SliderRedrawOptions {
  /** Number of slider changes measured (default 20). */
  samples?: number;
  /** Which control to move (default 'delta'); `deep-*` on the deep tab. */
  control?: SliderControl;
  /** Readout law of the page (default 'ones'). */
  readout?: 'ones' | 'gauss';
  /** Rebuild dist/ even if it exists (default: build only when missing). */
  build?: boolean;
  executablePath?: string;
  /** Give up on one sample after this long (default 20 s). */
  sampleTimeoutMs?: number;
  log?: (line: string) => void;
}

export interface SliderRedrawResult {
  /** Median ms from the input event to the plot showing the new curve over the whole α range. */
  medianMs: number;
  samples: number[];
  /** Median ms from the input event to the full 200-point curve being drawn. */
  medianCompleteMs: number;
  completeSamples: number[];
  control: SliderControl;
}

export type SliderControl = 'delta' | 'gamma' | 'deep-delta' | 'deep-gamma';

/** The page, plot and control of each measured slider; `value(k)` gives fresh values (no cache hits). */
const TARGETS: Record<
  SliderControl,
  { hash: (readout: string) => string; plot: string; testId: string; value: (k: number) => number }
> = {
  delta: {
    hash: (r) => `#v=1&alpha=2&amax=8&gamma=0.5&delta=0.1&act=relu&readout=${r}&weights=gaussian`,
    plot: 'plot-eps',
    testId: 'control-delta',
    value: (k) => Number((0.1 * (1 + 0.0173 * (k + 1))).toPrecision(6)),
  },
  gamma: {
    hash: (r) => `#v=1&alpha=2&amax=8&gamma=0.5&delta=0.1&act=relu&readout=${r}&weights=gaussian`,
    plot: 'plot-eps',
    testId: 'control-gamma',
    value: (k) => Number((0.5 + 0.01 * (k + 1)).toFixed(2)),
  },
  'deep-delta': {
    hash: (r) =>
      `#model=deep&v=1&depth=2&activation=tanh2-unit&activation2=tanh2-unit&gamma=0.5&gamma2=0.5&delta=0.2&readout=${r}&weights=gaussian`,
    plot: 'plot-deep-eps',
    testId: 'deep-delta',
    value: (k) => Number((0.2 * (1 + 0.0173 * (k + 1))).toPrecision(6)),
  },
  'deep-gamma': {
    hash: (r) =>
      `#model=deep&v=1&depth=2&activation=tanh2-unit&activation2=tanh2-unit&gamma=0.5&gamma2=0.5&delta=0.2&readout=${r}&weights=gaussian`,
    plot: 'plot-deep-eps',
    testId: 'deep-gamma',
    value: (k) => Number((0.5 + 0.01 * (k + 1)).toFixed(2)),
  },
};

const ROOT = fileURLToPath(new URL('..', import.meta.url));

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length === 0 ? NaN : s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const addr = srv.address();
      const port = typeof addr === 'object' && addr ? addr.port : 0;
      srv.close(() => resolve(port));
    });
  });
}

async function waitForHttp(url: string, timeoutMs: number, child: ChildProcess): Promise<void> {
  const t0 = Date.now();
  while (Date.now() - t0 < timeoutMs) {
    if (child.exitCode !== null) throw new Error(`vite preview exited with code ${child.exitCode}`);
    try {
      const res = await fetch(url);
      if (res.ok) return;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 150));
  }
  throw new Error(`vite preview did not answer at ${url} within ${timeoutMs} ms`);
}

function stop(child: ChildProcess): void {
  if (child.exitCode !== null || child.pid === undefined) return;
  try {
    process.kill(-child.pid, 'SIGTERM'); // its own process group (detached)
  } catch {
    child.kill('SIGTERM');
  }
}

/** Newest modification time (ms) of the files under `dir` (0 when absent). */
function newestMtime(dir: string): number {
  if (!existsSync(dir)) return 0;
  let newest = statSync(dir).mtimeMs;
  for (const e of readdirSync(dir, { withFileTypes: true, recursive: true }))
    if (e.isFile()) newest = Math.max(newest, statSync(join(e.parentPath, e.name)).mtimeMs);
  return newest;
}

/** dist/ is missing or older than a source of the page (measuring a stale build measures old code). */
function distIsStale(): boolean {
  const built = join(ROOT, 'dist', 'index.html');
  if (!existsSync(built)) return true;
  const sources = ['src', 'workers', 'public'].map((d) => newestMtime(join(ROOT, d)));
  for (const f of ['index.html', 'vite.config.ts', 'package-lock.json']) sources.push(statSync(join(ROOT, f)).mtimeMs);
  return Math.max(...sources) > statSync(built).mtimeMs;
}

/** A built app served by `vite preview` and a headless Chromium, for several measures in one go. */
export interface PageSession {
  base: string;
  browser: Browser;
}

export async function withPreview<T>(
  opts: Pick<SliderRedrawOptions, 'build' | 'executablePath' | 'log'>,
  run: (s: PageSession) => Promise<T>,
): Promise<T> {
  const log = opts.log ?? (() => {});
  const viteBin = join(ROOT, 'node_modules', 'vite', 'bin', 'vite.js');
  if (opts.build || distIsStale()) {
    log('building dist/ …');
    const b = spawnSync(process.execPath, [viteBin, 'build', '--logLevel', 'warn'], { cwd: ROOT, stdio: 'inherit' });
    if (b.status !== 0) throw new Error('vite build failed');
  }
  const port = await freePort();
  const preview = spawn(
    process.execPath,
    [viteBin, 'preview', '--port', String(port), '--strictPort', '--host', '127.0.0.1'],
    {
      cwd: ROOT,
      stdio: 'ignore',
      detached: true,
    },
  );
  let browser: Browser | null = null;
  try {
    const base = `http://127.0.0.1:${port}/`;
    await waitForHttp(base, 30_000, preview);
    browser = await chromium.launch({
      executablePath: opts.executablePath ?? CHROMIUM_PATH,
      args: CHROMIUM_ARGS,
    });
    return await run({ base, browser });
  } finally {
    if (browser) await browser.close().catch(() => {});
    stop(preview);
  }
}

/** Slider moves on one page of a session (see the file's header). */
export async function sliderSamples(session: PageSession, opts: SliderRedrawOptions = {}): Promise<SliderRedrawResult> {
  const n = opts.samples ?? 20;
  const control = opts.control ?? 'delta';
  const log = opts.log ?? (() => {});
  const target = TARGETS[control];
  const page = await session.browser.newPage({ viewport: { width: 1280, height: 900 } });
  try {
    await page.goto(session.base + target.hash(opts.readout ?? 'ones'));
    await page.waitForSelector(`[data-testid=${target.plot}][data-complete=true]`, { timeout: 120_000 });
    await page.waitForTimeout(500); // let α_sp and the selected-α solve finish
    const samples: number[] = [];
    const completeSamples: number[] = [];
    for (let k = 0; k < n; k++) {
      const value = target.value(k);
      const r = await page.evaluate(
        ({ value, testId, plot, timeoutMs }) =>
          new Promise<{ range: number; complete: number } | null>((resolve) => {
            const fig = document.querySelector(`[data-testid=${plot}]`) as HTMLElement;
            const input = document.querySelector(`[data-testid=${testId}]`) as HTMLInputElement;
            const beforeRange = fig.getAttribute('data-render-gen');
            const beforeComplete = fig.getAttribute('data-complete-gen');
            let range: number | null = null;
            let t0 = 0;
            const timer = setTimeout(() => {
              mo.disconnect();
              resolve(null);
            }, timeoutMs);
            const mo = new MutationObserver(() => {
              const g = fig.getAttribute('data-render-gen');
              if (range === null && g && g !== beforeRange) range = performance.now() - t0;
              const c = fig.getAttribute('data-complete-gen');
              if (c && c !== beforeComplete) {
                const complete = performance.now() - t0;
                mo.disconnect();
                clearTimeout(timer);
                resolve({ range: range ?? complete, complete });
              }
            });
            mo.observe(fig, { attributes: true, attributeFilter: ['data-render-gen', 'data-complete-gen'] });
            const setter = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')!.set!;
            t0 = performance.now();
            setter.call(input, String(value));
            input.dispatchEvent(new Event('input', { bubbles: true }));
          }),
        { value, testId: target.testId, plot: target.plot, timeoutMs: opts.sampleTimeoutMs ?? 20_000 },
      );
      if (!r) throw new Error(`sample ${k}: the plot did not redraw after setting ${control} = ${value}`);
      samples.push(r.range);
      completeSamples.push(r.complete);
      log(`${control} = ${value}: range ${r.range.toFixed(1)} ms, complete ${r.complete.toFixed(1)} ms`);
      await page.waitForTimeout(350); // idle between moves (the α_sp search runs here)
    }
    return { medianMs: median(samples), samples, medianCompleteMs: median(completeSamples), completeSamples, control };
  } finally {
    await page.close();
  }
}

export async function measureSliderRedraw(opts: SliderRedrawOptions = {}): Promise<SliderRedrawResult> {
  return withPreview(opts, (s) => sliderSamples(s, opts));
}

export interface FirstCurveResult {
  /** Median ms from navigation start to the complete default ε(α) curve, the browser already running. */
  medianMs: number;
  samples: number[];
  /** The same for the browser's first page (its GPU process and caches starting too), measured apart. */
  coldBrowserMs: number;
  /** Scripts fetched until then (file names), from the last sample. */
  scripts: string[];
  /** Bytes of those scripts, and whether the simulation stack (sim worker, tfjs) was among them. */
  scriptBytes: number;
  simStackLoaded: boolean;
}

/**
 * Navigation → complete default curve, in a fresh context (empty cache) each time; the browser's first page load is
 * kept apart (`coldBrowserMs`): it also starts the GPU process and the browser's caches, which a visitor's browser
 * has running already.
 */
export async function firstCurve(session: PageSession, samples = 9): Promise<FirstCurveResult> {
  return (await firstCurves(session.base, [session.browser], samples))[0];
}

/** `firstCurve` for several browsers (e.g. other flags) on one server, their loads alternating so drift hits all. */
export async function firstCurves(base: string, browsers: Browser[], samples = 9): Promise<FirstCurveResult[]> {
  const times: number[][] = browsers.map(() => []);
  let scripts: { url: string; bytes: number }[] = [];
  for (let k = 0; k <= samples; k++) {
    // The order turns round every pass: the second load of a pass came out faster (~80 ms, two identical browsers).
    const order = [...browsers.keys()];
    if (k % 2) order.reverse();
    for (const i of order) {
      const load = await loadFirstCurve(browsers[i], base);
      times[i].push(load.ms);
      scripts = load.scripts;
    }
  }
  const names = scripts.map((f) => f.url.replace(/^.*\//, ''));
  return times.map((t) => ({
    medianMs: median(t.slice(1)),
    samples: t.slice(1),
    coldBrowserMs: t[0],
    scripts: names,
    scriptBytes: scripts.reduce((a, f) => a + f.bytes, 0),
    simStackLoaded: names.some((n) => /sim\.worker|simulation|tfjs|backendBrowser/.test(n)),
  }));
}

async function loadFirstCurve(
  browser: Browser,
  base: string,
): Promise<{ ms: number; scripts: { url: string; bytes: number }[] }> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  try {
    const page = await context.newPage();
    // Only noted while the page loads: reading bodies over the CDP pipe then took CPU from the load it measures.
    const responses: Response[] = [];
    page.on('response', (res) => {
      if (/\.m?js(\?|$)/.test(res.url())) responses.push(res);
    });
    // Stamp the moment the plot first reports a complete curve, from the document's start.
    await page.addInitScript(() => {
      const w = window as unknown as { __firstCurveMs?: number };
      const mo = new MutationObserver(() => {
        if (document.querySelector('[data-testid=plot-eps][data-complete=true]')) {
          w.__firstCurveMs = performance.now();
          mo.disconnect();
        }
      });
      mo.observe(document, { subtree: true, childList: true, attributes: true, attributeFilter: ['data-complete'] });
    });
    await page.goto(base);
    await page.waitForSelector('[data-testid=plot-eps][data-complete=true]', { timeout: 120_000 });
    const ms = await page.evaluate(() => (window as unknown as { __firstCurveMs: number }).__firstCurveMs);
    const scripts = await Promise.all(
      responses.map(async (res) => ({
        url: res.url(),
        bytes: await res.body().then(
          (b) => b.length,
          () => 0,
        ),
      })),
    );
    return { ms, scripts };
  } finally {
    await context.close();
  }
}

/** A headless Chromium with other flags than the session's (closed by the caller). */
export function launchChromium(args: string[], executablePath = CHROMIUM_PATH): Promise<Browser> {
  return chromium.launch({ executablePath, args });
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const control = (process.argv.find((a) => a.startsWith('--control='))?.slice(10) ??
    (process.argv.includes('--gamma') ? 'gamma' : 'delta')) as SliderControl;
  const readout = process.argv.includes('--gauss') ? 'gauss' : 'ones';
  const given = process.argv.find((a) => a.startsWith('--samples='));
  const samples = given ? Number(given.slice(10)) : undefined;
  const job = process.argv.includes('--first')
    ? withPreview({}, (s) => firstCurve(s, samples))
    : measureSliderRedraw({ control, readout, samples, log: (l) => console.error(l) });
  job.then(
    (r) => console.log(JSON.stringify(r)),
    (e) => {
      console.error(e);
      process.exit(1);
    },
  );
}
