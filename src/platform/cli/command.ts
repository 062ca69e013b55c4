// The shape of one CLI command. Each model family exports a table of commands (src/cli/<family>.ts) that
// src/cli.ts merges: commands and keys are a public contract, so extend, never rename.
import type { FlagSpec } from './args';

/** Writes one JSON object as one line. */
export type Emit = (row: Record<string, unknown>) => void;

export interface Command {
  help: string;
  flags: Record<string, FlagSpec>;
  /** May be async (simulations stream progress lines); errors: UsageError/ParamError → exit 2. */
  run(flags: Record<string, string | boolean>, emit: Emit): void | Promise<void>;
}

/** JSON numbers only: a non-finite value is written as null, never NaN. */
export const num = (x: number): number | null => (Number.isFinite(x) ? x : null);
