// Slider-to-redraw latency of the built app in headless Chromium.
// Starts `vite preview` on a free port (building dist/ first if it is missing), loads the page, waits for the
// first curve, then changes Δ (or γ) programmatically and measures in the page, with performance.now() and a
// MutationObserver, the time from the input event to the ε plot being re-rendered with the new curve:
//   - `medianMs`: until the new curve spans the whole α range (data-render-gen: the coarse pass is drawn),
//   - `medianCompleteMs`: until all 200 grid points are drawn (data-complete-gen).
// Usage: `npx tsx bench/sliderRedraw.ts` (prints JSON), or import { measureSliderRedraw } (bench/bench.ts).
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { chromium, type Browser } from '@playwright/test';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../e2e/chromium';

export interface SliderRedrawOptions {
  /** Number of slider changes measured (default 20). */
  samples?: number;
  /** Which control to move (default 'delta'). */
  control?: 'delta' | 'gamma';
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
  control: 'delta' | 'gamma';
}

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

export async function measureSliderRedraw(opts: SliderRedrawOptions = {}): Promise<SliderRedrawResult> {
  const n = opts.samples ?? 20;
  const control = opts.control ?? 'delta';
  const log = opts.log ?? (() => {});
  const viteBin = join(ROOT, 'node_modules', 'vite', 'bin', 'vite.js');
  if (opts.build || !existsSync(join(ROOT, 'dist', 'index.html'))) {
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
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await page.goto(`${base}#v=1&alpha=2&amax=8&gamma=0.5&delta=0.1&act=relu&readout=ones&weights=gaussian`);
    await page.waitForSelector('[data-testid=plot-eps][data-complete=true]', { timeout: 60_000 });
    await page.waitForTimeout(500); // let α_sp and the selected-α solve finish
    const samples: number[] = [];
    const completeSamples: number[] = [];
    for (let k = 0; k < n; k++) {
      // Fresh values each time (no cache hits): Δ = 0.1·(1 + 0.0173 (k+1)), γ = 0.5 + 0.01 (k+1).
      const value =
        control === 'delta'
          ? Number((0.1 * (1 + 0.0173 * (k + 1))).toPrecision(6))
          : Number((0.5 + 0.01 * (k + 1)).toFixed(2));
      const r = await page.evaluate(
        ({ value, testId, timeoutMs }) =>
          new Promise<{ range: number; complete: number } | null>((resolve) => {
            const fig = document.querySelector('[data-testid=plot-eps]') as HTMLElement;
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
        { value, testId: `control-${control}`, timeoutMs: opts.sampleTimeoutMs ?? 20_000 },
      );
      if (!r) throw new Error(`sample ${k}: the plot did not redraw after setting ${control} = ${value}`);
      samples.push(r.range);
      completeSamples.push(r.complete);
      log(`${control} = ${value}: range ${r.range.toFixed(1)} ms, complete ${r.complete.toFixed(1)} ms`);
      await page.waitForTimeout(350); // idle between moves (the α_sp search runs here)
    }
    return { medianMs: median(samples), samples, medianCompleteMs: median(completeSamples), completeSamples, control };
  } finally {
    if (browser) await browser.close().catch(() => {});
    stop(preview);
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const control = process.argv.includes('--gamma') ? 'gamma' : 'delta';
  measureSliderRedraw({ control, log: (l) => console.error(l) }).then(
    (r) => console.log(JSON.stringify(r)),
    (e) => {
      console.error(e);
      process.exit(1);
    },
  );
}
