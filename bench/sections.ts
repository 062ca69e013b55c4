// Benchmark sections run by bench.ts after the shallow-MLP figures: each family's own (Family.bench, in its
// bench.ts, in the order of the family list), then the page-level ones. Each section logs readable lines and
// returns the keys it adds to the `--json` result (e.g. rfCurveMs).
import { FAMILIES } from '../src/app/families';
import type { BenchSection } from '../src/families/family';
import { simSection } from '../src/platform/sim/bench';
import { cliSection } from './cliStartup';
import { shareSection } from './share';

export type { BenchLog, BenchSection } from '../src/families/family';

export async function loadSections(): Promise<BenchSection[]> {
  const own = await Promise.all(FAMILIES.flatMap((f) => (f.bench ? [f.bench().then((m) => m.section)] : [])));
  return [...own, shareSection, simSection, cliSection];
}
