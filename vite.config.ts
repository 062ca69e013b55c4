/// <reference types="vitest/config" />
import { defineConfig, runnerImport, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';
import { VitePWA } from 'vite-plugin-pwa';
import { execSync } from 'node:child_process';
import { readFileSync } from 'node:fs';

// COOP/COEP make the page cross-origin isolated (SharedArrayBuffer, needed by tfjs WASM threads).
const isolation = {
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Embedder-Policy': 'require-corp',
};

// tfjs-backend-wasm hands its pthread workers the threaded module factory as `factory.toString()`; bundled and
// minified, that function reads a variable of its enclosing closure without the original `typeof` guard and the
// workers die ("e is not defined", docs/physics/simulations.md §7). Give them the unbundled factory file instead.
const BLOB = /new Blob\(\[`var WasmBackendModuleThreadedSimd = ` \+\s*wasmFactoryThreadedSimd\.toString\(\)\]/;
function tfjsWasmThreads(): Plugin {
  return {
    name: 'tfjs-wasm-threads',
    enforce: 'pre',
    transform(code, id) {
      if (!/tfjs-backend-wasm\/dist\/backend_wasm\.js$/.test(id)) return null;
      if (!BLOB.test(code)) this.error('tfjs-backend-wasm changed: the threaded factory Blob was not found');
      const raw = "import threadedFactorySource from '../wasm-out/tfjs-backend-wasm-threaded-simd.js?raw';\n";
      return { code: raw + code.replace(BLOB, 'new Blob([threadedFactorySource]'), map: null };
    },
  };
}

// Offline for a lecture hall: a Workbox service worker that precaches the whole build at the first visit
// (src/app/offline.ts registers it). KaTeX's fonts as woff2 only (every browser that runs the app reads them); the
// largest files are the simulation workers (~1.4 MB) and the tfjs WASM binaries.
const offline = VitePWA({
  strategies: 'generateSW',
  registerType: 'autoUpdate',
  injectRegister: false,
  manifest: false,
  workbox: {
    globPatterns: ['**/*.{html,js,css,wasm,svg,csv,md,woff2}'],
    maximumFileSizeToCacheInBytes: 8 * 1024 * 1024,
    navigateFallback: 'index.html',
    cleanupOutdatedCaches: true,
    clientsClaim: true,
    skipWaiting: true,
  },
});

// The version stamp of exports and the footer (src/platform/plots/cite.ts): package version and commit.
function gitCommit(): string {
  try {
    return execSync('git rev-parse --short HEAD', { stdio: ['ignore', 'pipe', 'ignore'] })
      .toString()
      .trim();
  } catch {
    return 'unknown';
  }
}
const stamp = {
  __APP_VERSION__: JSON.stringify(JSON.parse(readFileSync(new URL('package.json', import.meta.url), 'utf8')).version),
  __GIT_COMMIT__: JSON.stringify(gitCommit()),
};

// The spectral tables of the default view and the presets, computed at build time by the worker's own code
// (src/physics/mlp/tablePack.ts, 2–4 s of the build) and bundled into the theory worker: its first curve skips the table build.
function tablePack(): Plugin {
  const id = 'virtual:mlp-table-pack';
  let source: string | null = null;
  return {
    name: 'table-pack',
    resolveId: (x) => (x === id ? `\0${id}` : null),
    async load(x) {
      if (x !== `\0${id}`) return null;
      if (source === null) {
        // Loaded through vite's module runner (TypeScript sources), with no plugins of this config.
        const config = { configFile: false as const, logLevel: 'silent' as const };
        const [{ module: physics }, { module: family }] = await Promise.all([
          runnerImport<typeof import('./src/physics/mlp/tablePack')>('./src/physics/mlp/tablePack.ts', config),
          runnerImport<typeof import('./src/families/mlp/packedTables')>('./src/families/mlp/packedTables.ts', config),
        ]);
        source = `export default ${JSON.stringify(physics.buildTablePack(family.packedTables()))};`;
      }
      return source;
    },
  };
}

export default defineConfig({
  define: stamp,
  plugins: [react(), tfjsWasmThreads(), tablePack(), offline],
  worker: { format: 'es', plugins: () => [tfjsWasmThreads(), tablePack()] },
  server: { headers: isolation },
  preview: { headers: isolation },
  build: { target: 'es2022', sourcemap: true },
  test: {
    include: ['src/**/*.test.ts', 'workers/**/*.test.ts'],
    environment: 'node',
    testTimeout: 60000,
    // Two workers on a 2-core machine (the default leaves one core to the runner): 181 s instead of 285 s.
    maxWorkers: 2,
  },
});
