// The CLI's cache of spectral-table node values on disk (issue 19 §1): building the m_S table of one (γ, P_v) is
// most of a one-point `mlp` call, and its 420 node values fix the whole table (src/physics/spectralTable.ts). Files
// are keyed by the table's inputs and by a hash of src/physics built into dist-cli (scripts/build-cli.mjs), so a
// change of the physics never reads an old table; written atomically (temporary file, then rename) so processes
// running in parallel never read half a file; anything unreadable, corrupted or foreign is ignored and rebuilt.
//   directory: $PHASE_EXPLORER_CACHE_DIR, else $XDG_CACHE_HOME/phase-explorer, else ~/.cache/phase-explorer
//   `--no-cache` (any command) neither reads nor writes it; run from the sources (tsx) there is no cache at all.
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { setTableNodeStore, type TableNodeStore } from '../../physics/spectralTable';

declare const __PHYSICS_SOURCE_HASH__: string | undefined;

/** SHA-256 of the src/physics sources the built CLI was made from; undefined when run from the sources. */
export const PHYSICS_HASH: string | undefined =
  typeof __PHYSICS_SOURCE_HASH__ === 'string' ? __PHYSICS_SOURCE_HASH__ : undefined;

const FORMAT = 'phase-explorer/spectral-nodes/1';

const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');

/** The cache directory for an environment. */
export function cacheDir(env: NodeJS.ProcessEnv = process.env): string {
  if (env.PHASE_EXPLORER_CACHE_DIR) return env.PHASE_EXPLORER_CACHE_DIR;
  return join(env.XDG_CACHE_HOME || join(homedir(), '.cache'), 'phase-explorer');
}

/** A node store in `dir` for tables of the physics whose sources hash to `physicsHash`. */
export function diskNodeStore(dir: string, physicsHash: string): TableNodeStore {
  const fileOf = (key: string) => join(dir, `spectral-${sha256(`${physicsHash}\n${key}`).slice(0, 40)}.json`);
  return {
    load(key) {
      try {
        const rec = JSON.parse(readFileSync(fileOf(key), 'utf8'));
        if (rec?.format !== FORMAT || rec.physics !== physicsHash || rec.key !== key) return null;
        if (!Array.isArray(rec.values) || !rec.values.every((x: unknown) => typeof x === 'number')) return null;
        // The checksum catches an edited digit that still parses.
        if (rec.sha256 !== sha256(JSON.stringify(rec.values))) return null;
        return Float64Array.from(rec.values as number[]);
      } catch {
        return null; // missing, unreadable or not JSON: build the table
      }
    },
    save(key, values) {
      const file = fileOf(key);
      const tmp = `${file}.tmp-${process.pid}-${Math.random().toString(36).slice(2)}`;
      const list = [...values];
      const rec = { format: FORMAT, physics: physicsHash, key, sha256: sha256(JSON.stringify(list)), values: list };
      try {
        mkdirSync(dir, { recursive: true });
        writeFileSync(tmp, JSON.stringify(rec) + '\n');
        renameSync(tmp, file);
      } catch {
        // A read-only or full disk, or no directory, costs the cache, never the answer.
        try {
          rmSync(tmp, { force: true });
        } catch {
          /* nothing was written */
        }
      }
    },
  };
}

/** Installs the disk cache for this process (the built CLI, unless `--no-cache`), or removes it. */
export function useTableCache(enabled: boolean, env: NodeJS.ProcessEnv = process.env): void {
  setTableNodeStore(enabled && PHYSICS_HASH ? diskNodeStore(cacheDir(env), PHYSICS_HASH) : null);
}
