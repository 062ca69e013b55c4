// The papers' published points shipped in public/data (source: public/data/SOURCE.md), and when they apply.
import type { ShallowParams } from '../../physics/types';

/** Finite-size HMC (d = 150), Gibbs error / 2: informative vs uninformative start. */
export interface HmcRow {
  alpha: number;
  infoMean: number;
  unfoMean: number;
  infoStd: number;
  unfoStd: number;
}

/** The paper's universal branch: ε_uni(α). */
export interface UniversalRow {
  alpha: number;
  eps: number;
}

export interface ReferenceSpec {
  id: string;
  /** Physics parameters the data were computed at (Gaussian inner weights for the HMC runs). */
  match: Omit<ShallowParams, 'weights'>;
  hmcFile: string;
  universalFile: string;
  citation: string;
}

export interface ReferenceEntry extends ReferenceSpec {
  hmc: HmcRow[];
  universal: UniversalRow[];
}

export type ReferenceSet = ReferenceEntry[];

const CITATION = 'Minh-Toan/extensive-width-NN @ df09239 (arXiv 2501.18530, 2510.24616)';

export const REFERENCE_SPECS: readonly ReferenceSpec[] = [
  {
    id: 'relu',
    match: { activation: 'relu', delta: 0.1, gamma: 0.5, readout: 'ones' },
    hmcFile: 'hmc_d150_relu_delta0.1_gamma0.5_ones.csv',
    universalFile: 'universal_relu_delta0.1_gamma0.5_ones.csv',
    citation: CITATION,
  },
  {
    id: 'h23',
    match: { activation: 'h23', delta: 1.25, gamma: 0.5, readout: 'ones' },
    hmcFile: 'hmc_d150_h23_delta1.25_gamma0.5_ones.csv',
    universalFile: 'universal_h23_delta1.25_gamma0.5_ones.csv',
    citation: CITATION,
  },
  {
    id: 'h23-rad',
    match: { activation: 'h23', delta: 1.25, gamma: 0.5, readout: 'rad' },
    hmcFile: 'hmc_d150_h23_delta1.25_gamma0.5_rad.csv',
    universalFile: 'universal_h23_delta1.25_gamma0.5_rad.csv',
    citation: CITATION,
  },
];

/** Parses a numeric CSV with a header line into objects keyed by column name (rows with a non-number are skipped). */
export function parseNumericCsv(text: string): Record<string, number>[] {
  const lines = text.split(/\r?\n/).filter((l) => l.trim() !== '');
  if (lines.length === 0) return [];
  const cols = lines[0].split(',').map((c) => c.trim());
  const rows: Record<string, number>[] = [];
  for (const line of lines.slice(1)) {
    const cells = line.split(',');
    if (cells.length !== cols.length) continue;
    const row: Record<string, number> = {};
    let ok = true;
    cols.forEach((c, i) => {
      const x = Number(cells[i]);
      if (!Number.isFinite(x)) ok = false;
      row[c] = x;
    });
    if (ok) rows.push(row);
  }
  return rows;
}

export function toHmcRows(rows: Record<string, number>[]): HmcRow[] {
  return rows.map((r) => ({
    alpha: r.alpha,
    infoMean: r.info_mean,
    unfoMean: r.unfo_mean,
    infoStd: r.info_std,
    unfoStd: r.unfo_std,
  }));
}

export function toUniversalRows(rows: Record<string, number>[]): UniversalRow[] {
  return rows.map((r) => ({ alpha: r.alpha, eps: r.mmse }));
}

const close = (a: number, b: number) => Math.abs(a - b) <= 1e-6 * Math.max(1, Math.abs(b));

/** What of the reference data applies to these parameters: the universal curve for any P_W, HMC only for Gaussian W. */
export function matchReference(
  set: ReferenceSet | null,
  p: ShallowParams,
): { entry: ReferenceEntry; showHmc: boolean } | null {
  if (!set) return null;
  for (const entry of set) {
    const m = entry.match;
    if (
      p.activation === m.activation &&
      p.readout === m.readout &&
      close(p.gamma, m.gamma) &&
      close(p.delta, m.delta)
    ) {
      return { entry, showHmc: p.weights === 'gaussian' };
    }
  }
  return null;
}

export async function loadReference(base: string, fetcher: typeof fetch = fetch): Promise<ReferenceSet> {
  const get = async (file: string) => {
    const res = await fetcher(`${base}data/${file}`);
    if (!res.ok) throw new Error(`could not load ${file} (${res.status})`);
    return parseNumericCsv(await res.text());
  };
  return Promise.all(
    REFERENCE_SPECS.map(async (spec) => ({
      ...spec,
      hmc: toHmcRows(await get(spec.hmcFile)),
      universal: toUniversalRows(await get(spec.universalFile)),
    })),
  );
}
