// The authors' informative HMC at d = 50 for L = 1, 2, 3 (public/data/hmc_d50_deeptanh_L*.csv, SOURCE.md): parse,
// summarise over the 9 teachers, and say when the page's setting is theirs.
import type { DeepUiParams } from './params';

export const HMC_DEPTHS = [1, 2, 3] as const;
/** The α/L columns of the files (their header line). */
export const HMC_ALPHA_OVER_L = [7 / 6, 8 / 6, 9 / 6, 10 / 6, 11 / 6, 2, 7 / 3, 8 / 3, 3, 10 / 3, 11 / 3, 4];

export interface HmcDeepPoint {
  alphaOverL: number;
  mean: number;
  std: number;
}

/** Mean and standard deviation over the teacher rows of each α/L column ('#' lines are comments). */
export function parseHmcDeep(text: string): HmcDeepPoint[] {
  const rows = text
    .split(/\r?\n/)
    .filter((l) => l.trim() !== '' && !l.startsWith('#'))
    .map((l) => l.split(',').map(Number));
  const good = rows.filter((r) => r.length === HMC_ALPHA_OVER_L.length && r.every(Number.isFinite));
  if (!good.length) return [];
  return HMC_ALPHA_OVER_L.map((alphaOverL, j) => {
    const xs = good.map((r) => r[j]);
    const mean = xs.reduce((s, x) => s + x, 0) / xs.length;
    const std = Math.sqrt(xs.reduce((s, x) => s + (x - mean) ** 2, 0) / Math.max(1, xs.length - 1));
    return { alphaOverL, mean, std };
  });
}

const close = (a: number, b: number) => Math.abs(a - b) <= 1e-9;

/** The authors' HMC setting: tanh2-nolin in every layer, γ_l = 1, Δ = 0.1, v = 1, Gaussian W. */
export function isHmcSetting(p: DeepUiParams): boolean {
  return (
    p.activation === 'tanh2-nolin' &&
    close(p.gamma, 1) &&
    close(p.delta, 0.1) &&
    p.readout === 'ones' &&
    p.weights === 'gaussian'
  );
}

export async function loadHmcDeep(
  base: string,
  fetcher: typeof fetch = fetch,
): Promise<Record<number, HmcDeepPoint[]>> {
  const out: Record<number, HmcDeepPoint[]> = {};
  for (const L of HMC_DEPTHS) {
    const res = await fetcher(`${base}data/hmc_d50_deeptanh_L${L}.csv`);
    if (!res.ok) throw new Error(`could not load hmc_d50_deeptanh_L${L}.csv (${res.status})`);
    out[L] = parseHmcDeep(await res.text());
  }
  return out;
}
