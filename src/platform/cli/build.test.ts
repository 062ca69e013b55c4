// The CLI built ahead of time (dist-cli/, scripts/build-cli.mjs) is the sources: byte for byte what a build of them
// gives now, answering as `main` does in process, and loading TensorFlow.js only for `simulate`.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkCli, OUT_DIR, ROOT } from '../../../scripts/build-cli.mjs';
import { FAMILIES } from '../../app/families';
import { FAST_COMMANDS, main } from '../../cli';

/** The package specifiers and the dist-cli files reached from `file` through static `import` statements only. */
function staticGraph(file: string, seen = new Set<string>(), packages = new Set<string>()) {
  if (seen.has(file)) return { seen, packages };
  seen.add(file);
  const code = readFileSync(join(OUT_DIR, file), 'utf8');
  // esbuild's ES-module output: `import {…} from "x";` or `import "x";` at the start of a line.
  for (const m of code.matchAll(/^import\s+(?:[^'"]*?\sfrom\s*)?["']([^"']+)["'];/gms)) {
    if (m[1].startsWith('./')) staticGraph(m[1].slice(2), seen, packages);
    else packages.add(m[1]);
  }
  return { seen, packages };
}

function runBuilt(args: string[]) {
  const r = spawnSync(process.execPath, ['scripts/cli.mjs', ...args], { cwd: ROOT, encoding: 'utf8' });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

async function runInProcess(args: string[]) {
  const lines: string[] = [];
  const code = await main(args, (s) => lines.push(s));
  return { code, out: lines.map((l) => l + '\n').join('') };
}

describe('CLI built ahead of time', () => {
  it('dist-cli/ equals a fresh build of the sources (npm run build:cli after a change)', async () => {
    expect(await checkCli()).toEqual([]);
  });

  it('theory commands never load the simulation stack: TensorFlow.js is reached only through dynamic imports', () => {
    const { packages } = staticGraph('cli.js');
    expect([...packages].filter((p) => p.startsWith('@tensorflow'))).toEqual([]);
    // …while the build does contain it, behind `simulate`'s dynamic import.
    const all = readFileSync(join(OUT_DIR, 'manifest.json'), 'utf8');
    expect(all).toContain('src/sim/backendNode.ts');
  });

  it("each command's module in src/cli.ts is the one its family's `cli` entry loads, and no other command is there", async () => {
    const listed = FAMILIES.flatMap((f) => (f.cli ? f.cli.commands.map((name) => [name, f.cli!.load] as const) : []));
    for (const [name, load] of listed) expect(await FAST_COMMANDS.get(name)?.(), name).toBe(await load());
    expect([...FAST_COMMANDS.keys()].sort()).toEqual(listed.map(([name]) => name).sort());
  });

  it('a call loads no page code: React, zustand and comlink are not in the static graph of dist-cli/cli.js', () => {
    const { seen } = staticGraph('cli.js');
    const pageCode = /^\/\/ .*node_modules\/(react|zustand|comlink)\//m;
    expect([...seen].filter((f) => pageCode.test(readFileSync(join(OUT_DIR, f), 'utf8')))).toEqual([]);
  });

  it('the built CLI prints what main prints in process, and exits 2 with one line on bad input', async () => {
    const args = ['mlp', '--activation', 'relu', '--alpha', '1,2.5', '--readout', 'rad'];
    const built = runBuilt(args);
    expect(built.code).toBe(0);
    expect(built.out).toBe((await runInProcess(args)).out);
    const bad = runBuilt(['mlp', '--gamma', 'banana']);
    expect(bad.code).toBe(2);
    expect(bad.out).toBe('');
    expect(bad.err.trim().split('\n')).toHaveLength(1);
  });

  it('simulate loads TensorFlow.js on demand in the built CLI, WASM binaries included', () => {
    const args = ['simulate', '--algo', 'adam', '--d', '8', '--steps', '2', '--every', '2', '--n-test', '100'];
    const r = runBuilt([...args, '--backend', 'wasm']);
    expect(r.code).toBe(0); // (tfjs itself writes a note on stderr: no tfjs-node)
    const last = JSON.parse(r.out.trim().split('\n').at(-1)!);
    expect(last.final).toBe(true);
    expect(last.backend).toBe('wasm');
  });
});
