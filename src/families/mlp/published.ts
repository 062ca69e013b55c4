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

/** Minh-Toan/statphys-deep-NN @ c45c86f, gamp-rie/gamp_data_1 (arXiv 2510.24616): 12 runs per α. */
export const PUBLISHED_SPECS: readonly PublishedSpec[] = (['relu', 'tanh2'] as const).flatMap((a) =>
  (['ones', '4point', 'gauss'] as const).map((r) => GAMP_RIE(a, r)),
);

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
