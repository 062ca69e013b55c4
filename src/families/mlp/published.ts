// The authors' published algorithm points shipped in public/data (derivation and source: public/data/SOURCE.md),
// overlaid on the ε(α) plot when the physics parameters match, like the d = 150 HMC points (reference.ts).
import type { ShallowParams } from '../../physics/types';
import { parseNumericCsv } from './reference';

/** One α of a published run set: mean and standard deviation over the runs of the algorithm's test error. */
export interface PublishedRow {
  alpha: number;
  mean: number;
  sd: number;
}

export interface PublishedSpec {
  id: string;
  /** The parameters the runs were made at. */
  match: ShallowParams;
  file: string;
  /** Legend text (algorithm, d, what branch it follows). */
  label: string;
}

export interface PublishedSet extends PublishedSpec {
  rows: PublishedRow[];
}

const GAMP_RIE = (activation: 'relu' | 'tanh2', readout: 'ones' | '4point' | 'gauss'): PublishedSpec => ({
  id: `gamprie-${activation}-${readout}`,
  match: { activation, delta: 0.1, gamma: 0.5, readout, weights: 'gaussian' },
  file: `gamprie_d200_${activation}_delta0.1_gamma0.5_${readout}.csv`,
  label: 'GAMP-RIE d=200 (paper)',
});

const AMP_RIE = (activation: 'relu' | 'elu' | 'h2' | 'h23', delta: number): PublishedSpec => ({
  id: `amprie-${activation}`,
  match: { activation, delta, gamma: 0.5, readout: 'ones', weights: 'rademacher' },
  file: `amprie_d150_${activation}_delta${delta}_gamma0.5_ones_Wrad.csv`,
  label: 'Metropolis + AMP-RIE d=150 (paper)',
});

/**
 * GAMP-RIE: Minh-Toan/statphys-deep-NN @ c45c86f, gamp-rie/gamp_data_1 (arXiv 2510.24616), 12 runs per α.
 * Binary W, Metropolis for S1 + AMP-RIE for S2: Minh-Toan/extensive-width-NN @ df09239, discrete_W/algo_perf
 * (arXiv 2501.18530), 16 runs per α.
 */
export const PUBLISHED_SPECS: readonly PublishedSpec[] = [
  ...(['relu', 'tanh2'] as const).flatMap((a) => (['ones', '4point', 'gauss'] as const).map((r) => GAMP_RIE(a, r))),
  AMP_RIE('relu', 0.1),
  AMP_RIE('elu', 0.1),
  AMP_RIE('h2', 1.25),
  AMP_RIE('h23', 1.25),
];

const close = (a: number, b: number) => Math.abs(a - b) <= 1e-6 * Math.max(1, Math.abs(b));

/** The published sets made at these parameters. */
export function matchPublished(sets: readonly PublishedSet[] | null, p: ShallowParams): PublishedSet[] {
  return (sets ?? []).filter(
    ({ match: m }) =>
      p.activation === m.activation &&
      p.readout === m.readout &&
      p.weights === m.weights &&
      close(p.gamma, m.gamma) &&
      close(p.delta, m.delta),
  );
}

export async function loadPublished(base: string, fetcher: typeof fetch = fetch): Promise<PublishedSet[]> {
  return Promise.all(
    PUBLISHED_SPECS.map(async (spec) => {
      const res = await fetcher(`${base}data/${spec.file}`);
      if (!res.ok) throw new Error(`could not load ${spec.file} (${res.status})`);
      const rows = parseNumericCsv(await res.text()).map((r) => ({ alpha: r.alpha, mean: r.mean, sd: r.sd }));
      return { ...spec, rows };
    }),
  );
}
