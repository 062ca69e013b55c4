// TensorFlow.js backend ladder in the browser (runs inside the simulation worker), chosen by measurement:
// WebGL on a real GPU; on software WebGL (SwiftShader, llvmpipe…) WASM with SIMD, and threads when the page is
// cross-origin isolated (COOP/COEP headers); CPU last. `backend=` forces one. docs/physics/simulations.md §7: SwiftShader WebGL
// ≈ 5 GFLOP/s, WASM SIMD + threads ≈ 26 GFLOP/s, CPU ≈ 1 GFLOP/s on a 2-core machine.
import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import '@tensorflow/tfjs-backend-webgl';
import { getThreadsCount, setThreadsCount, setWasmPaths } from '@tensorflow/tfjs-backend-wasm';
import wasmPlain from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm.wasm?url';
import wasmSimd from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm-simd.wasm?url';
import wasmThreaded from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm-threaded-simd.wasm?url';

// Threads: the threaded WASM build starts its pthread pool when the page is cross-origin isolated (COOP/COEP in
// vite.config.ts, whose tfjs-wasm-threads plugin gives the pthread workers the unbundled module factory: bundled,
// they died with "ReferenceError: e is not defined", docs/physics/simulations.md §7).

export const BROWSER_BACKENDS = ['webgl', 'wasm', 'cpu'] as const;
export type BrowserBackend = (typeof BROWSER_BACKENDS)[number];

setWasmPaths({
  'tfjs-backend-wasm.wasm': wasmPlain,
  'tfjs-backend-wasm-simd.wasm': wasmSimd,
  'tfjs-backend-wasm-threaded-simd.wasm': wasmThreaded,
});

export interface BackendInfo {
  backend: BrowserBackend;
  /** Why this one: 'forced', 'real GPU', 'software WebGL', 'fallback'… */
  reason: string;
  /** WebGL renderer string when known. */
  renderer: string | null;
  /** Measured matmul throughput (GFLOP/s) of the chosen backend at the simulation's shape. */
  gflops: number;
  threads: boolean;
  crossOriginIsolated: boolean;
  /** Backends that failed to initialise, with the message. */
  failed: string[];
  /** Matmul GFLOP/s of every backend measured during the choice. */
  measured: Partial<Record<BrowserBackend, number>>;
}

/** The WebGL renderer string (unmasked when the extension allows), or null without WebGL. */
export function webglRenderer(): string | null {
  try {
    const canvas = typeof OffscreenCanvas !== 'undefined' ? new OffscreenCanvas(1, 1) : null;
    const gl = canvas?.getContext('webgl2') ?? canvas?.getContext('webgl');
    if (!gl) return null;
    const ext = (gl as WebGL2RenderingContext).getExtension('WEBGL_debug_renderer_info');
    const name = ext ? gl.getParameter(ext.UNMASKED_RENDERER_WEBGL) : gl.getParameter(gl.RENDERER);
    return String(name);
  } catch {
    return null;
  }
}

export const isSoftwareRenderer = (r: string | null): boolean =>
  !!r && /swiftshader|llvmpipe|software|softpipe|microsoft basic/i.test(r);

/** GFLOP/s of an n×d by d×k matmul (the dominant shape of the gradients), median of a few repeats. */
export async function measureMatmul(n = 4096, d = 40, k = 20, repeats = 5): Promise<number> {
  const a = tf.randomNormal([n, d]);
  const b = tf.randomNormal([k, d]);
  const times: number[] = [];
  for (let i = 0; i < repeats + 1; i++) {
    const t0 = performance.now();
    const c = tf.matMul(a, b, false, true);
    await c.data();
    c.dispose();
    if (i > 0) times.push(performance.now() - t0); // the first run compiles shaders / warms up
  }
  a.dispose();
  b.dispose();
  times.sort((x, y) => x - y);
  const ms = times[Math.floor(times.length / 2)];
  return (2 * n * d * k) / (ms * 1e6);
}

async function tryBackend(name: BrowserBackend, failed: string[]): Promise<boolean> {
  try {
    if (!(await tf.setBackend(name))) {
      failed.push(`${name}: did not initialise`);
      return false;
    }
    await tf.ready();
    return true;
  } catch (e) {
    failed.push(`${name}: ${e instanceof Error ? e.message : String(e)}`);
    return false;
  }
}

/**
 * Chooses and sets the backend. Forced: that one (falling back down the ladder if it fails). Otherwise WebGL on
 * a hardware renderer; on a software renderer WASM and WebGL are both measured and the faster kept. `wasmThreads`:
 * the WASM thread pool asked for where the page is cross-origin isolated (default: every core, at most 4; tfjs
 * caps it at hardwareConcurrency/2, so a 2-core machine runs one thread); a pool of workers passes 1.
 */
export async function chooseBackend(forced: BrowserBackend | null, wasmThreads?: number): Promise<BackendInfo> {
  const cores = typeof navigator !== 'undefined' ? navigator.hardwareConcurrency || 1 : 1;
  setThreadsCount(Math.max(1, Math.round(wasmThreads ?? Math.min(4, cores)))); // read when WASM first initialises
  const failed: string[] = [];
  const measured: Partial<Record<BrowserBackend, number>> = {};
  const renderer = webglRenderer();
  const coi = !!globalThis.crossOriginIsolated;
  const done = async (backend: BrowserBackend, reason: string, gflops?: number): Promise<BackendInfo> => {
    if (tf.getBackend() !== backend) await tryBackend(backend, failed);
    measured[backend] = gflops ?? (await measureMatmul());
    return {
      backend,
      reason,
      renderer,
      measured,
      gflops: measured[backend]!,
      threads: backend === 'wasm' && getThreadsCount() > 1, // the pthread pool started
      crossOriginIsolated: coi,
      failed,
    };
  };
  if (forced) {
    if (await tryBackend(forced, failed)) return done(forced, 'forced by backend=');
  }
  const ladder: BrowserBackend[] =
    renderer && !isSoftwareRenderer(renderer) ? ['webgl', 'wasm', 'cpu'] : ['wasm', 'webgl', 'cpu'];
  if (renderer && isSoftwareRenderer(renderer)) {
    // Software WebGL: measure both and keep the faster (WASM usually, by several times).
    for (const b of ['wasm', 'webgl'] as const) if (await tryBackend(b, failed)) measured[b] = await measureMatmul();
    const best = (Object.entries(measured) as [BrowserBackend, number][]).sort((x, y) => y[1] - x[1])[0];
    if (best) return done(best[0], `software WebGL (${renderer.slice(0, 40)}): measured fastest`, best[1]);
  }
  for (const b of ladder) {
    if (await tryBackend(b, failed))
      return done(b, b === 'webgl' ? 'hardware WebGL' : renderer ? 'fallback' : 'no WebGL');
  }
  throw new Error(`no TensorFlow.js backend could start: ${failed.join('; ')}`);
}

/** Calls `onLost` when the WebGL backend's context is lost (the GPU process reset, a driver crash…). */
export function watchContextLoss(onLost: () => void): () => void {
  if (tf.getBackend() !== 'webgl') return () => {};
  const backend = tf.backend() as unknown as { gpgpu?: { gl?: WebGLRenderingContext } };
  const canvas = backend.gpgpu?.gl?.canvas as (HTMLCanvasElement | OffscreenCanvas) | undefined;
  if (!canvas) return () => {};
  const handler = (ev: Event) => {
    ev.preventDefault();
    onLost();
  };
  canvas.addEventListener('webglcontextlost', handler as EventListener);
  return () => canvas.removeEventListener('webglcontextlost', handler as EventListener);
}
