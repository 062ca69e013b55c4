// Benchmark sections of the other model families, run by bench.ts after the shallow-MLP figures.
// Each section logs readable lines and returns the keys it adds to the `--json` result (e.g. rfCurveMs).
// A family adds one entry here; its code lives in bench/<family>.ts.
import { classicSection } from './classic';
import { deepSection } from './deep';
import { phaseSection } from './phase';
import { shareSection } from './share';
import { simSection } from './sim';
import { twoLayerSection } from './twoLayer';

export type BenchLog = (line: string) => void;

export interface BenchSection {
  name: string;
  run(log: BenchLog): Promise<Record<string, unknown>>;
}

export const SECTIONS: BenchSection[] = [phaseSection, deepSection, classicSection, twoLayerSection, shareSection, simSection];
