// Benchmark sections of the other model families, run by bench.ts after the shallow-MLP figures.
// Each section logs readable lines and returns the keys it adds to the `--json` result (e.g. rfCurveMs).
// A family adds one entry here; its code lives in bench/<family>.ts.
import { classicSection } from '../src/families/classic/bench';
import { deepSection } from '../src/families/deep/bench';
import { phaseSection } from '../src/families/mlp/phaseBench';
import { shareSection } from './share';
import { simSection } from '../src/platform/sim/bench';
import { twoLayerSection } from '../src/families/two-layer/bench';

export type BenchLog = (line: string) => void;

export interface BenchSection {
  name: string;
  run(log: BenchLog): Promise<Record<string, unknown>>;
}

export const SECTIONS: BenchSection[] = [phaseSection, deepSection, classicSection, twoLayerSection, shareSection, simSection];
