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

// V8's explicit compile hint (Chrome ≥ 136): the chunks the first view runs are compiled eagerly, on a background
// thread while they load, instead of function by function on the main thread when first called (the first view's
// largest main-thread cost on two cores: ~310 ms of parsing and compiling in one trace, ~90 ms with the hint). Chunks
// outside the first view (other tabs, tfjs) keep lazy compilation.
const FIRST_VIEW_ROOTS = ['/src/app/main.tsx', '/src/families/mlp/views/MlpExplorer.tsx', '/workers/mlp.worker.ts'];
const COMPILE_HINT = '//# allFunctionsCalledOnLoad';
function compileHints(): Plugin {
  let firstView = new Set<string>();
  return {
    name: 'compile-hints',
    apply: 'build',
    enforce: 'post',
    buildEnd() {
      // The modules a root imports statically, directly or not.
      firstView = new Set();
      const todo = [...this.getModuleIds()].filter((id) => FIRST_VIEW_ROOTS.some((r) => id.endsWith(r)));
      for (let id = todo.pop(); id !== undefined; id = todo.pop()) {
        if (firstView.has(id)) continue;
        firstView.add(id);
        todo.push(...(this.getModuleInfo(id)?.importedIds ?? []));
      }
    },
    // The hint counts only on a file's first line (on the second, the entry chunk was still compiled lazily), and vite
    // puts its preload map (`const __vite__mapDeps=…`) above it in chunks with dynamic imports: swap those two lines
    // back (neither has mappings).
    generateBundle: {
      order: 'post',
      handler(_, bundle) {
        for (const c of Object.values(bundle)) {
          if (c.type !== 'chunk') continue;
          const eol = c.code.indexOf('\n');
          if (!c.code.startsWith(`${COMPILE_HINT}\n`, eol + 1)) continue;
          c.code = `${COMPILE_HINT}\n${c.code.slice(0, eol)}\n${c.code.slice(eol + COMPILE_HINT.length + 2)}`;
          const map = bundle[`${c.fileName}.map`];
          if (map?.type !== 'asset') continue;
          const json = JSON.parse(String(map.source)) as { mappings: string };
          const lines = json.mappings.split(';');
          [lines[0], lines[1]] = [lines[1], lines[0]];
          json.mappings = lines.join(';');
          map.source = JSON.stringify(json);
        }
      },
    },
    // After minification, which would drop the comment.
    outputOptions: (o) => ({
      ...o,
      postBanner: (chunk) => (chunk.moduleIds.some((id) => firstView.has(id)) ? COMPILE_HINT : ''),
    }),
  };
}

export default defineConfig({
  define: stamp,
  plugins: [react(), tfjsWasmThreads(), tablePack(), compileHints(), offline],
  worker: { format: 'es', plugins: () => [tfjsWasmThreads(), tablePack(), compileHints()] },
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
