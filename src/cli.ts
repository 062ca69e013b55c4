// Node CLI over the physics engine: one JSON object per line on stdout; bad input → one line on stderr, exit 2.
// Commands and keys are a public contract (scripts and readers rely on them): extend, never rename.

import { pathToFileURL } from 'node:url';
import { parseFlags, UsageError } from './platform/cli/args';
import { honestRow, type Command } from './platform/cli/command';
import { ParamError } from './physics/errors';
import { useTableCache } from './platform/cli/tableCache';

type CliModule = { commands: Record<string, Command> };
type Loader = () => Promise<CliModule>;

/**
 * Each command's module, so that a call loads its own family's CLI and nothing else: the family list
 * (src/app/families.ts) would load every family's store and controller (React, zustand, comlink, the GLM's
 * quadrature tables), about 0.1 s of a 0.5 s call. build.test.ts checks that this table agrees with the
 * families' `cli` entries; a command missing here still runs, found through the family list.
 */
const FAST: readonly [Loader, readonly string[]][] = [
  [() => import('./families/mlp/cli'), ['mlp', 'rie', 'phase', 'simulate', 'hardness']],
  [() => import('./families/glm/cli'), ['glm']],
  [() => import('./families/committee/cli'), ['committee']],
  [() => import('./families/saad-solla/cli'), ['saad-solla']],
  [
    () => import('./families/two-layer/cli'),
    ['rf', 'krr', 'onestep', 'sgd-escape', 'simulate-rf', 'simulate-onestep', 'simulate-sgd'],
  ],
  [() => import('./families/matrix-tensor/cli'), ['matrix-tensor']],
  [() => import('./families/hidden-manifold/cli'), ['hidden-manifold']],
];
export const FAST_COMMANDS = new Map(FAST.flatMap(([load, names]) => names.map((n) => [n, load] as const)));

/** Which family defines each command (Family.cli), from the family list (loaded on use: help, unknown names). */
async function owners(): Promise<Map<string, Loader>> {
  const { FAMILIES } = await import('./app/families');
  return new Map(FAMILIES.flatMap((f) => (f.cli ? f.cli.commands.map((name) => [name, f.cli!.load] as const) : [])));
}

async function load(name: string): Promise<Command | undefined> {
  const fast = (await FAST_COMMANDS.get(name)?.())?.commands[name];
  return fast ?? (await (await owners()).get(name)?.())?.commands[name];
}

async function usage(): Promise<string> {
  const lines = ['usage: npm run -s cli -- <command> [--flag value …]', ''];
  for (const name of (await owners()).keys()) {
    const c = (await load(name))!;
    lines.push(`${name}: ${c.help}`);
    for (const [f, s] of Object.entries(c.flags))
      lines.push(
        `  --${f}${s.kind === 'boolean' ? '' : ' <' + s.kind + '>'}  ${s.help}${s.default ? ` (default ${s.default})` : ''}`,
      );
  }
  lines.push('', '--no-cache (any command): neither read nor write the table cache (src/platform/cli/tableCache.ts)');
  return lines.join('\n');
}

/** Usage errors (bad flag; any ParamError: out-of-range parameter, bad activation…) exit 2 with one line. */
export const usageErrorTypes: (new (...args: never[]) => Error)[] = [UsageError, ParamError];

export async function main(
  argv: string[],
  out: (s: string) => void = (s) => process.stdout.write(s + '\n'),
): Promise<number> {
  // A flag of every command: the spectral tables are built afresh, not read from or written to the disk cache.
  const noCache = argv.includes('--no-cache');
  const [name, ...rest] = argv.filter((a) => a !== '--no-cache');
  useTableCache(!noCache);
  if (!name || name === 'help' || name === '--help' || name === '-h') {
    out(await usage());
    return name ? 0 : 2;
  }
  try {
    const cmd = await load(name);
    if (!cmd) throw new UsageError(`unknown command '${name}' (commands: ${[...(await owners()).keys()].join(', ')})`);
    const flags = parseFlags(rest, cmd.flags);
    await cmd.run(flags, (row) => out(JSON.stringify(honestRow(row, cmd))));
    return 0;
  } catch (e) {
    if (usageErrorTypes.some((T) => e instanceof T)) {
      process.stderr.write(`error: ${(e as Error).message.split('\n')[0]}\n`);
      return 2;
    }
    process.stderr.write(`error: ${e instanceof Error ? e.message.split('\n')[0] : String(e)}\n`);
    return 1;
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  main(process.argv.slice(2)).then((code) => {
    process.exitCode = code;
  });
}
