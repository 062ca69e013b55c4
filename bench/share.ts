// Share section: cost of reading/writing a link (every hashchange and every debounced write), of the 1000-hash fuzz
// decode, and of building the CSV of a 200-point ε(α) curve (what an export click does before the download).
import { decodeHash, encodeHash } from '../src/families/mlp/params';
import { PRESETS } from '../src/app/presets';
import { epsTable, mlpContext, overlapTable } from '../src/families/mlp/export';
import { toCsv } from '../src/platform/plots/export';
import { getShallowModel } from '../src/physics/mlp/shallowModel';
import type { CurveData } from '../src/families/mlp/store';
import type { ShallowPoint } from '../src/physics/types';
import type { BenchSection } from './sections';
import { median } from './timing';

function perCall(f: () => void, calls: number, reps = 7): number {
  const out: number[] = [];
  for (let r = 0; r < reps; r++) {
    const t0 = performance.now();
    for (let i = 0; i < calls; i++) f();
    out.push((performance.now() - t0) / calls);
  }
  return median(out);
}

export const shareSection: BenchSection = {
  name: 'share',
  async run(log) {
    const links = PRESETS.map((p) => p.hash);
    const v1 = '#v=1&alpha=2&amax=8&gamma=0.5&delta=0.1&act=expr&expr=max(x%2C0)&readout=ones&weights=gaussian';
    let k = 0;
    const decodeUs = 1000 * perCall(() => decodeHash(links[k++ % links.length]), 2000);
    const v1Us = 1000 * perCall(() => decodeHash(v1), 2000);
    const encodeUs = 1000 * perCall(() => encodeHash(decodeHash(links[k++ % links.length]).params), 2000);
    log(
      `share: decode a v2 link ${decodeUs.toFixed(1)} µs, a v1 link (migrated) ${v1Us.toFixed(1)} µs, decode+encode ${encodeUs.toFixed(1)} µs`,
    );

    // A real 200-point curve (untimed), then the export tables and CSV text (timed).
    const params = decodeHash(PRESETS[0].hash).params;
    const sp = {
      activation: params.act,
      gamma: params.gamma,
      delta: params.delta,
      readout: params.readout,
      weights: params.weights,
    };
    const model = getShallowModel(sp);
    const points: ShallowPoint[] = [];
    let warm: ShallowPoint | null = null;
    for (let i = 0; i < 200; i++) {
      warm = model.solvePoint(0.02 + ((8 - 0.02) * i) / 199, warm);
      points.push(warm);
    }
    const curve = {
      points,
      params: sp,
      header: { atoms: { law: sp.readout, v: Array.from(model.atoms.v), p: Array.from(model.atoms.p) } },
    } as unknown as CurveData;
    const ctx = mlpContext(params, 'https://example.org/');
    const csvMs = perCall(() => toCsv(epsTable(curve), ctx), 50);
    const ovMs = perCall(() => toCsv(overlapTable(curve), ctx), 50);
    log(`share: CSV of a 200-point curve: ε(α) ${csvMs.toFixed(3)} ms, overlaps ${ovMs.toFixed(3)} ms`);
    return {
      shareDecodeUs: decodeUs,
      shareDecodeV1Us: v1Us,
      shareRoundTripUs: encodeUs,
      shareCsvEpsMs: csvMs,
      shareCsvOverlapMs: ovMs,
    };
  },
};
