// Strict flag parsing for the CLI: every flag is declared, every value is checked, errors are one line.
import { ParamError } from '../../physics/errors';
import { isSeed, SEED_MAX } from '../../physics/numerics/rng';
import type { HashSpec } from '../state/hashCodec';

export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}

export type FlagKind = 'number' | 'list' | 'string' | 'boolean';

export interface FlagSpec {
  kind: FlagKind;
  help: string;
  default?: string;
  choices?: readonly string[];
}

/**
 * The CLI flag of a parameter-table row: its kind, help (the row's help or label), choices and default. `over`
 * holds what the command does differently (a list of α where the page holds one α, another default).
 */
export function flagOf<T>(row: HashSpec<T>, over: Partial<FlagSpec> = {}): FlagSpec {
  const help = row.help ?? row.label;
  const spec: FlagSpec =
    row.kind === 'boolean'
      ? { kind: 'boolean', help }
      : row.kind === 'enum'
        ? { kind: 'string', help, default: row.def, choices: row.values }
        : row.kind === 'number'
          ? { kind: 'number', help, default: String(row.def) }
          : { kind: 'string', help, default: row.def };
  const out = { ...spec, ...over };
  if ('default' in over && over.default === undefined) delete out.default;
  return out;
}

const NUMBER = /^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/;

export function parseNumber(flag: string, text: string): number {
  if (!NUMBER.test(text.trim())) throw new UsageError(`--${flag} expects a number, got '${text}'`);
  const x = Number(text);
  // 1e400 reads as Infinity: refuse it here rather than let it pass every "> 0" check downstream.
  if (!Number.isFinite(x)) throw new UsageError(`--${flag}: ${text.trim()} is beyond the float64 range`);
  return x;
}

/** "1,2,4" or "start:stop:step" (inclusive, up to 100 000 values). */
export function parseList(flag: string, text: string): number[] {
  const t = text.trim();
  if (t.includes(':')) {
    const parts = t.split(':');
    if (parts.length !== 3) throw new UsageError(`--${flag} range must be start:stop:step, got '${text}'`);
    const [a, b, s] = parts.map((u) => parseNumber(flag, u));
    if (!(s > 0)) throw new UsageError(`--${flag} range step must be > 0, got '${parts[2]}'`);
    if (b < a) throw new UsageError(`--${flag} range stop must be ≥ start, got '${text}'`);
    const n = Math.floor((b - a) / s + 1e-9) + 1;
    if (n > 100000) throw new UsageError(`--${flag} range has ${n} values (at most 100000)`);
    return Array.from({ length: n }, (_, i) => +(a + i * s).toPrecision(12));
  }
  const vals = t.split(',').map((u) => parseNumber(flag, u));
  if (!vals.length) throw new UsageError(`--${flag} expects a list of numbers`);
  return vals;
}

/** A number flag that must satisfy `ok`; `allowed` names the allowed set in the message, e.g. "(0, 1000]". */
export function numberWhere(flags: ParsedFlags, name: string, ok: (x: number) => boolean, allowed: string): number {
  const x = parseNumber(name, flags[name] as string);
  if (!ok(x)) throw new UsageError(`--${name} must lie in ${allowed}, got ${x}`);
  return x;
}

/** A list flag whose every value must satisfy `ok`. */
export function listWhere(flags: ParsedFlags, name: string, ok: (x: number) => boolean, allowed: string): number[] {
  const xs = parseList(name, flags[name] as string);
  for (const x of xs) if (!ok(x)) throw new UsageError(`--${name} values must lie in ${allowed}, got ${x}`);
  return xs;
}

/**
 * The first seed of `runs` runs that use seed, seed + 1, …: an integer with every run's seed in [0, 2³² − 1], so
 * that no two runs are the same run (the generator folds seeds into 32 bits).
 */
export function seedFlag(flags: ParsedFlags, name: string, runs = 1): number {
  const x = parseNumber(name, flags[name] as string);
  if (!isSeed(x) || x + runs - 1 > SEED_MAX)
    throw new UsageError(
      `--${name} must be an integer in [0, ${SEED_MAX - runs + 1}]${runs > 1 ? ` (${runs} runs use seed … seed + ${runs - 1})` : ''}, got ${flags[name]}`,
    );
  return x;
}

/** Parameter errors of a physics module become usage errors (exit 2, one line). */
export function asUsage<T>(f: () => T): T {
  try {
    return f();
  } catch (e) {
    if (e instanceof ParamError) throw new UsageError(e.message);
    throw e;
  }
}

export type ParsedFlags = Record<string, string | boolean>;

/** Parses `--name value` / `--name=value` / `--switch` against the declared flags. */
export function parseFlags(argv: string[], spec: Record<string, FlagSpec>): ParsedFlags {
  const out: ParsedFlags = {};
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (!arg.startsWith('--')) throw new UsageError(`unexpected argument '${arg}' (flags start with --)`);
    let name = arg.slice(2);
    let value: string | undefined;
    const eq = name.indexOf('=');
    if (eq >= 0) {
      value = name.slice(eq + 1);
      name = name.slice(0, eq);
    }
    const s = spec[name];
    // The last of two copies winning silently would hide a typo in a script: refuse (issue 21).
    if (s && name in out) throw new UsageError(`--${name} is given twice`);
    if (!s)
      throw new UsageError(
        `unknown flag --${name} (known: ${Object.keys(spec)
          .map((k) => '--' + k)
          .join(' ')})`,
      );
    if (s.kind === 'boolean') {
      if (value !== undefined) throw new UsageError(`--${name} takes no value`);
      out[name] = true;
      continue;
    }
    if (value === undefined) {
      value = argv[++i];
      if (value === undefined) throw new UsageError(`--${name} needs a value`);
    }
    if (s.choices && !s.choices.includes(value) && !(name === 'activation' && value.startsWith('expr:'))) {
      throw new UsageError(
        `--${name} must be one of ${s.choices.join(', ')}${name === 'activation' ? ' or expr:<expression in x>' : ''}, got '${value}'`,
      );
    }
    if (s.kind === 'number') parseNumber(name, value);
    if (s.kind === 'list') parseList(name, value);
    out[name] = value;
  }
  for (const [name, s] of Object.entries(spec))
    if (out[name] === undefined && s.default !== undefined) out[name] = s.default;
  return out;
}
