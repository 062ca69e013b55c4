// Node CLI over the physics engine: one JSON object per line on stdout; bad input → one line on stderr, exit 2.
// Commands and keys are a public contract (scripts and readers rely on them): extend, never rename.

import { pathToFileURL } from 'node:url';
import { parseFlags, UsageError } from './platform/cli/args';
import type { Command } from './platform/cli/command';
import { FAMILIES } from './app/families';
import { ParamError } from './physics/errors';
import { useTableCache } from './platform/cli/tableCache';

/** Which family defines each command (Family.cli): only that family's CLI module is loaded to run it. */
const owners = new Map(FAMILIES.flatMap((f) => (f.cli ? f.cli.commands.map((name) => [name, f.cli!] as const) : [])));

async function load(name: string): Promise<Command | undefined> {
  return (await owners.get(name)?.load())?.commands[name];
}

async function usage(): Promise<string> {
  const lines = ['usage: npm run -s cli -- <command> [--flag value …]', ''];
  for (const name of owners.keys()) {
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
    if (!cmd) throw new UsageError(`unknown command '${name}' (commands: ${[...owners.keys()].join(', ')})`);
    const flags = parseFlags(rest, cmd.flags);
    await cmd.run(flags, (row) => out(JSON.stringify(row)));
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
