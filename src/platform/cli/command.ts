// The shape of one CLI command. Each model family exports a table of commands (src/cli/<family>.ts) that
// src/cli.ts merges: commands and keys are a public contract, so extend, never rename.
import { UsageError, type FlagSpec } from './args';

/** Writes one JSON object as one line. */
export type Emit = (row: Record<string, unknown>) => void;

export interface Command {
  help: string;
  flags: Record<string, FlagSpec>;
  /** May be async (simulations stream progress lines); errors: UsageError/ParamError → exit 2. */
  run(flags: Record<string, string | boolean>, emit: Emit): void | Promise<void>;
  /** Keys whose null means "not defined here" (no transition below --alpha-max …), as the help says. */
  nullable?: readonly string[];
  /** Its rows are direct evaluations (closed forms, one pass, a finished run): converged when every check passes. */
  direct?: boolean;
}

/** JSON numbers only: a non-finite value is written as null, never NaN. */
export const num = (x: number): number | null => (Number.isFinite(x) ? x : null);

/**
 * The physical range of the keys rows print, wherever they appear (issue 21): an error is ≥ 0, a magnetisation or
 * an acceptance lies in [0, 1], a normalised overlap in [−1, 1]. A value outside flags its row.
 */
const RANGES: Record<string, readonly [number, number]> = {};
const range = (lo: number, hi: number, keys: string[]) => keys.forEach((k) => (RANGES[k] = [lo, hi]));
range(0, Infinity, ['eps', 'epsUni', 'epsUniversal', 'epsGibbs', 'epsOpt', 'epsPlateau', 'epsSp', 'testError']);
range(0, Infinity, ['gibbsHalf', 'floor', 'krr', 'se', 'samplesODE', 'samples', 's1']);
range(0, 1, ['mS', 'mmse', 'acceptance']);
range(-1, 1, ['overlap', 'overlapTheory', 'q11', 'q12']);

/** Rounding slack at a bound: an error of −1e−17 where it should vanish is arithmetic, not a wrong answer. */
const ROUNDING = 1e-12;

const rangeText = ([lo, hi]: readonly [number, number]) =>
  `${lo === -Infinity ? '(−∞' : `[${lo}`}, ${hi === Infinity ? '∞)' : `${hi}]`}`;

/** What is wrong with a row's values: one phrase per problem (empty when none). */
export function rowProblems(row: Record<string, unknown>, nullable: readonly string[] = []): string[] {
  const out: string[] = [];
  for (const [k, v] of Object.entries(row)) {
    if (v === null && !nullable.includes(k)) out.push(`${k} is not a finite number`);
    const r = RANGES[k];
    if (r && typeof v === 'number' && !(v >= r[0] - ROUNDING && v <= r[1] + ROUNDING))
      out.push(`${k} = ${v} lies outside ${rangeText(r)}`);
  }
  return out;
}

/**
 * Every row says whether it converged, and why not (issue 21): a row whose solver reported convergence but whose
 * values fail a check is flagged `converged: false` with the reason; a direct command's row is converged when its
 * values pass; a command that reports nothing is flagged as such.
 */
export function honestRow(row: Record<string, unknown>, cmd: Pick<Command, 'nullable' | 'direct'>) {
  const problems = rowProblems(row, cmd.nullable);
  const claimed = 'converged' in row ? row.converged === true : !!cmd.direct;
  if (claimed && !problems.length) return 'converged' in row ? row : { ...row, converged: true };
  const why =
    problems.join('; ') ||
    (typeof row.reason === 'string' && row.reason) ||
    ('converged' in row ? 'the solver did not converge' : 'the command reports no convergence');
  return { ...row, converged: false, reason: why };
}

/**
 * The most work one CLI call may start: a minute (issue 21: eight legal calls ran for hours); a run that prints a
 * progress line after each piece may take half an hour, but no piece more than a minute. Tests lower them.
 */
export const WORK_LIMITS = { seconds: 60, streamSeconds: 1800 };

/**
 * Refuses work whose estimate exceeds the limit before it starts (issue 21): `seconds` from the command's measured
 * cost per unit of work (a deliberate over-estimate on a slow machine), `lower` names the flags to lower.
 */
export function boundWork(seconds: number, lower: string, limit = WORK_LIMITS.seconds): void {
  if (!(seconds <= limit))
    throw new UsageError(`this would take about ${fmtSeconds(seconds)} (limit ${fmtSeconds(limit)}): lower ${lower}`);
}

/** `boundWork` for a run of `lines` pieces of `perLine` seconds each, a progress line after every piece. */
export function boundRun(perLine: number, lines: number, lower: string): void {
  boundWork(perLine, lower);
  boundWork(perLine * lines, lower, WORK_LIMITS.streamSeconds);
}

const fmtSeconds = (s: number) =>
  !Number.isFinite(s)
    ? 'forever'
    : s < 120
      ? `${s.toPrecision(2)} s`
      : s < 7200
        ? `${(s / 60).toPrecision(2)} min`
        : `${(s / 3600).toPrecision(2)} h`;
