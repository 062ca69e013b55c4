// Benchmark sections of the other model families, run by bench.ts after the shallow-MLP figures.
// Each section logs readable lines and returns the keys it adds to the `--json` result (e.g. rfCurveMs).
// A family adds one entry here; its code lives in bench/<family>.ts.
export type BenchLog = (line: string) => void;

export interface BenchSection {
  name: string;
  run(log: BenchLog): Promise<Record<string, unknown>>;
}

import { simSection } from './sim';

export const SECTIONS: BenchSection[] = [simSection];
