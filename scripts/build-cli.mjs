// Builds the CLI ahead of time: src/cli.ts and everything it imports, bundled by esbuild into plain ES modules in
// dist-cli/ (one entry, one chunk per lazily loaded module, npm packages left as imports). Run by `npm install`
// (prepare), by `npm test` and by scripts/cli.mjs whenever a source changed, so the built CLI is never stale.
// dist-cli/manifest.json records each source file of the bundle with its size, mtime and SHA-256: the launcher's
// staleness check reads it (stat only; hashes where the stat differs).
// The build embeds physicsHash() (every source of src/physics, tests aside) as __PHYSICS_SOURCE_HASH__: the CLI's
// table cache (src/platform/cli/tableCache.ts) keys its files by it, so a change of the physics never reads old tables.
//   node scripts/build-cli.mjs           build
//   node scripts/build-cli.mjs --check   build in memory and compare with dist-cli/ byte for byte (exit 1 if stale)
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, readdirSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

export const ROOT = fileURLToPath(new URL('..', import.meta.url));
export const OUT_DIR = join(ROOT, 'dist-cli');
export const MANIFEST = join(OUT_DIR, 'manifest.json');

export const sha256 = (bytes) => createHash('sha256').update(bytes).digest('hex');

/** The sources of src/physics the CLI's tables may depend on (tests and fixtures aside), sorted. */
function physicsSources(dir = 'src/physics') {
  return readdirSync(join(ROOT, dir), { withFileTypes: true })
    .flatMap((e) => {
      const path = `${dir}/${e.name}`;
      if (e.isDirectory()) return physicsSources(path);
      return e.name.endsWith('.ts') && !e.name.endsWith('.test.ts') ? [path] : [];
    })
    .sort();
}

/** SHA-256 over the paths and contents of physicsSources(). */
export function physicsHash() {
  return sha256(
    physicsSources()
      .map((p) => `${p} ${sha256(readFileSync(join(ROOT, p)))}\n`)
      .join(''),
  );
}

/** esbuild's options: the same for the build and the check, so that their outputs can be compared. */
function options(write, outdir = 'dist-cli') {
  return {
    absWorkingDir: ROOT,
    entryPoints: ['src/cli.ts'],
    outdir,
    bundle: true,
    splitting: true, // dynamic imports stay lazy: tfjs loads only with `simulate`, a family's module with its command
    format: 'esm',
    platform: 'node',
    target: 'node20',
    // npm packages are bundled too (resolving and lexing CommonJS packages at start-up cost more than the solve),
    // except TensorFlow.js: large, loaded only by `simulate`, and its WASM backend finds its .wasm files beside it.
    external: ['@tensorflow/*'],
    define: { 'process.env.NODE_ENV': '"production"', __PHYSICS_SOURCE_HASH__: JSON.stringify(physicsHash()) },
    // The CLI never renders: family descriptors reach views and stylesheets only through lazy imports.
    loader: { '.css': 'empty' },
    logLevel: 'warning',
    metafile: true,
    write,
  };
}

/** The source files of a build (metafile inputs, and the physics hashed into it), with size, mtime and content hash. */
function sourcesOf(metafile) {
  const out = {};
  for (const path of [...new Set([...Object.keys(metafile.inputs), ...physicsSources()])].sort()) {
    const abs = join(ROOT, path);
    const st = statSync(abs);
    out[path] = { size: st.size, mtimeMs: st.mtimeMs, sha256: sha256(readFileSync(abs)) };
  }
  return out;
}

/**
 * Builds dist-cli/ afresh and writes its manifest; returns the number of output files. The build goes to a
 * directory of its own, swapped in at the end, so a CLI started meanwhile (scripts sweeping parameters in parallel)
 * never sees a half-written one.
 */
export async function buildCli() {
  const { build } = await import('esbuild');
  const tmp = `dist-cli.tmp-${process.pid}`;
  const tmpAbs = join(ROOT, tmp);
  rmSync(tmpAbs, { recursive: true, force: true });
  const res = await build(options(true, tmp));
  const files = Object.keys(res.metafile.outputs).map((p) => relative(tmp, p));
  mkdirSync(tmpAbs, { recursive: true });
  writeFileSync(
    join(tmpAbs, 'manifest.json'),
    JSON.stringify({ files, sources: sourcesOf(res.metafile) }, null, 1) + '\n',
  );
  const old = `${OUT_DIR}.old-${process.pid}`;
  if (existsSync(OUT_DIR)) renameSync(OUT_DIR, old);
  renameSync(tmpAbs, OUT_DIR);
  rmSync(old, { recursive: true, force: true });
  return files.length;
}

/** Builds in memory and lists the differences from dist-cli/ (empty when the built CLI matches the sources). */
export async function checkCli() {
  const { build } = await import('esbuild');
  const res = await build(options(false));
  const problems = [];
  const want = new Map(res.outputFiles.map((f) => [relative(OUT_DIR, f.path), f.contents]));
  if (!existsSync(OUT_DIR)) return ['dist-cli/ is missing (run `npm run build:cli`)'];
  const have = readdirSync(OUT_DIR).filter((f) => f !== 'manifest.json');
  for (const [name, bytes] of want) {
    let disk;
    try {
      disk = readFileSync(join(OUT_DIR, name));
    } catch {
      problems.push(`dist-cli/${name} is missing`);
      continue;
    }
    if (sha256(disk) !== sha256(bytes)) problems.push(`dist-cli/${name} differs from a build of the sources`);
  }
  for (const name of have) if (!want.has(name)) problems.push(`dist-cli/${name} is not produced by the sources`);
  return problems;
}

/**
 * Whether dist-cli/ needs a rebuild: no manifest, or a source whose size or mtime changed and whose content hash
 * differs too (a checkout that only touched mtimes does not force a rebuild). New files are reached only through
 * an edit of a file already in the graph, which this catches.
 */
export function isStale() {
  let manifest;
  try {
    manifest = JSON.parse(readFileSync(MANIFEST, 'utf8'));
  } catch {
    return true;
  }
  for (const [path, rec] of Object.entries(manifest.sources)) {
    let st;
    try {
      st = statSync(join(ROOT, path));
    } catch {
      return true;
    }
    if (st.size !== rec.size) return true;
    if (st.mtimeMs !== rec.mtimeMs && sha256(readFileSync(join(ROOT, path))) !== rec.sha256) return true;
  }
  return false;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  if (process.argv.includes('--check')) {
    const problems = await checkCli();
    for (const p of problems) console.error(p);
    if (problems.length) console.error('the built CLI is stale: run `npm run build:cli`');
    process.exitCode = problems.length ? 1 : 0;
  } else {
    const n = await buildCli();
    console.error(`built the CLI: ${n} files in ${relative(process.cwd(), OUT_DIR) || '.'}/`);
  }
}
