// The CLI's table cache on disk: exact round trip, corrupted or foreign files ignored, atomic writes, and the built
// CLI printing the same bytes with a cold cache, a warm one, a corrupted one and `--no-cache`.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { MANIFEST, OUT_DIR, physicsHash, ROOT } from '../../../scripts/build-cli.mjs';
import { main } from '../../cli';
import { cacheDir, diskNodeStore } from './tableCache';

const dirs: string[] = [];
const freshDir = () => {
  const d = mkdtempSync(join(tmpdir(), 'table-cache-'));
  dirs.push(d);
  return d;
};
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

const KEY = '{"a":0.5,"nodes":4}';
const VALUES = Float64Array.from([0, 0.1 + 0.2, 1 / 3, 1 - 2 ** -52]);
const onlyFile = (dir: string) => {
  const files = readdirSync(dir);
  expect(files).toHaveLength(1);
  return join(dir, files[0]);
};

describe('diskNodeStore', () => {
  it('round trip is exact, and a write leaves one file, no temporary', () => {
    const dir = join(freshDir(), 'nested', 'cache');
    const store = diskNodeStore(dir, 'hash-a');
    expect(store.load(KEY)).toBeNull();
    store.save(KEY, VALUES);
    expect(store.load(KEY)).toEqual(VALUES);
    expect(readdirSync(dir)).toHaveLength(1);
  });

  it('another physics hash or another key never reads the file', () => {
    const dir = freshDir();
    diskNodeStore(dir, 'hash-a').save(KEY, VALUES);
    expect(diskNodeStore(dir, 'hash-b').load(KEY)).toBeNull();
    expect(diskNodeStore(dir, 'hash-a').load('{"a":0.6,"nodes":4}')).toBeNull();
    // A foreign file put under this key's name (another physics) is ignored too.
    const file = onlyFile(dir);
    const rec = JSON.parse(readFileSync(file, 'utf8'));
    writeFileSync(file, JSON.stringify({ ...rec, physics: 'hash-b' }));
    expect(diskNodeStore(dir, 'hash-a').load(KEY)).toBeNull();
  });

  it('corrupted files are ignored: truncated, not JSON, an edited digit, a wrong format, non-numbers', () => {
    const dir = freshDir();
    const store = diskNodeStore(dir, 'hash-a');
    store.save(KEY, VALUES);
    const file = onlyFile(dir);
    const text = readFileSync(file, 'utf8');
    const rec = JSON.parse(text);
    const corrupt = [
      text.slice(0, text.length / 2),
      'not json',
      '',
      text.replace('0.3333333333333333', '0.3333333333333334'),
      JSON.stringify({ ...rec, format: 'other/1' }),
      JSON.stringify({ ...rec, values: rec.values.map(String) }),
      'null',
    ];
    for (const bad of corrupt) {
      writeFileSync(file, bad);
      expect(store.load(KEY)).toBeNull();
    }
    store.save(KEY, VALUES); // rewritten over the corrupted file
    expect(store.load(KEY)).toEqual(VALUES);
  });

  it('a directory that cannot be made costs the cache, not the call', () => {
    const blocker = join(freshDir(), 'a-file'); // (a file where the directory should go: fails even as root)
    writeFileSync(blocker, '');
    const store = diskNodeStore(join(blocker, 'sub'), 'hash-a');
    expect(() => store.save(KEY, VALUES)).not.toThrow();
    expect(store.load(KEY)).toBeNull();
  });

  it('directory: $PHASE_EXPLORER_CACHE_DIR, else $XDG_CACHE_HOME/phase-explorer, else ~/.cache/phase-explorer', () => {
    expect(cacheDir({ PHASE_EXPLORER_CACHE_DIR: '/x/y', XDG_CACHE_HOME: '/c' })).toBe('/x/y');
    expect(cacheDir({ XDG_CACHE_HOME: '/c' })).toBe(join('/c', 'phase-explorer'));
    expect(cacheDir({})).toMatch(/[/\\]\.cache[/\\]phase-explorer$/);
  });
});

describe('the built CLI with the table cache', () => {
  const ARGS = ['mlp', '--activation', 'relu', '--gamma', '0.8', '--readout', 'rad', '--alpha', '0.5,1,3'];
  const built = (dir: string, args: string[]) => {
    const env = { ...process.env, PHASE_EXPLORER_CACHE_DIR: dir };
    const r = spawnSync(process.execPath, ['scripts/cli.mjs', ...args], { cwd: ROOT, encoding: 'utf8', env });
    expect(r.status).toBe(0);
    return r.stdout;
  };

  it('cold, warm, corrupted and --no-cache print the same bytes as main in process (no cache there)', async () => {
    const lines: string[] = [];
    expect(await main(ARGS, (s) => lines.push(s))).toBe(0);
    const reference = lines.map((l) => l + '\n').join('');
    const dir = freshDir();
    expect(built(dir, ARGS)).toBe(reference); // cold: builds the table and writes it
    const file = onlyFile(dir);
    const written = readFileSync(file, 'utf8');
    expect(built(dir, ARGS)).toBe(reference); // warm: reads it
    writeFileSync(file, written.slice(0, 100));
    expect(built(dir, ARGS)).toBe(reference); // corrupted: ignored, rebuilt and rewritten
    expect(readFileSync(file, 'utf8')).toBe(written);
    const untouched = freshDir();
    expect(built(untouched, [...ARGS, '--no-cache'])).toBe(reference);
    expect(readdirSync(untouched)).toEqual([]);
  });

  it('the built CLI embeds the hash of the current physics, and its manifest lists the physics sources (an edit rebuilds it)', () => {
    built(freshDir(), ['rie', '--snr', '1']); // (the launcher rebuilds a stale dist-cli/ first)
    expect(readFileSync(join(OUT_DIR, 'cli.js'), 'utf8')).toContain(JSON.stringify(physicsHash()));
    const sources = Object.keys(JSON.parse(readFileSync(MANIFEST, 'utf8')).sources);
    expect(sources).toContain('src/physics/spectral.ts');
    expect(sources).toContain('src/physics/spectralTable.ts');
    expect(sources.filter((p) => p.endsWith('.test.ts'))).toEqual([]);
  });

  it('the warm call does read the file: valid values put there change the answer', () => {
    const dir = freshDir();
    const cold = built(dir, ARGS);
    const file = onlyFile(dir);
    const rec = JSON.parse(readFileSync(file, 'utf8'));
    const values = rec.values.map((x: number) => x * 0.99);
    const sha256 = createHash('sha256').update(JSON.stringify(values)).digest('hex');
    writeFileSync(file, JSON.stringify({ ...rec, values, sha256 }));
    expect(built(dir, ARGS)).not.toBe(cold);
  });
});
