// The authors' published points shipped in public/data (derivation and source: public/data/SOURCE.md): algorithms
// (GAMP-RIE, Metropolis + AMP-RIE) and Metropolis samplers with binary W, overlaid on the ε(α) plot when the physics
// parameters match, like the d = 150 HMC points (reference.ts). One registry: a new file is one line here.
import type { ShallowParams } from '../../physics/types';
import { parseNumericCsv } from './reference';

/** One α of a published set: mean and standard deviation over the runs of the test error (a theory file: sd = 0). */
export interface PublishedRow {
  alpha: number;
  mean: number;
  sd: number;
  /** The overlap Q where the file gives it (one readout class, v = 1: the paper's qw). */
  q?: number;
}

/**
 * What the points are: an algorithm's test error (it starts uninformed and follows the universal branch), or a
 * posterior sampler started at the teacher (informative: the large-Q branch where it exists) or at random, or the
 * paper's own theory (its equilibrium ε, no error bars).
 */
export type PublishedKind = 'algorithm' | 'informative' | 'uninformative' | 'theory';

export interface PublishedSpec {
  id: string;
  kind: PublishedKind;
  /** The parameters the runs were made at. */
  match: ShallowParams;
  file: string;
  /** Legend text (algorithm, d, start), ≤ 28 characters to fit the legend box. */
  label: string;
  /** Said under the plot when the set is drawn (what the legend's short names mean). */
  note?: string;
}

export interface PublishedSet extends PublishedSpec {
  rows: PublishedRow[];
}

const GAMP_RIE = (activation: 'relu' | 'tanh2', readout: 'ones' | '4point' | 'gauss'): PublishedSpec => ({
  id: `gamprie-${activation}-${readout}`,
  kind: 'algorithm',
  match: { activation, delta: 0.1, gamma: 0.5, readout, weights: 'gaussian' },
  file: `gamprie_d200_${activation}_delta0.1_gamma0.5_${readout}.csv`,
  label: 'GAMP-RIE d=200 (paper)',
});

const AMP_RIE = (activation: 'relu' | 'elu' | 'h2' | 'h23', delta: number): PublishedSpec => ({
  id: `amprie-${activation}`,
  kind: 'algorithm',
  match: { activation, delta, gamma: 0.5, readout: 'ones', weights: 'rademacher' },
  file: `amprie_d150_${activation}_delta${delta}_gamma0.5_ones_Wrad.csv`,
  label: 'MCMC + AMP-RIE d=150 (paper)',
});

const METROPOLIS_NOTE =
  'MCMC: Metropolis sampling of the posterior with binary W, from the teacher (informative) or a random start, mean ± sd over runs; (A) arXiv 2501.18530, ε from the sampled overlaps up to Hermite order 6; (B) arXiv 2510.24616. The d = 150 chains from the teacher stay specialised a little below the spinodal of the d → ∞ theory.';

/** Metropolis on binary W, d = 150, v = 1, γ = 0.5: ε from the overlaps (see SOURCE.md), mean ± sd over runs. */
const METROPOLIS = (
  activation: 'relu' | 'elu' | 'h2' | 'h3' | 'h23',
  delta: number,
  kind: 'informative' | 'uninformative',
  paper: 'A' | 'B' = 'A',
): PublishedSpec => ({
  id: `metropolis-${activation}-${kind}${paper === 'B' ? '-B' : ''}`,
  kind,
  match: { activation, delta, gamma: 0.5, readout: 'ones', weights: 'rademacher' },
  file: `mcmc_d150_${activation}_delta${delta}_gamma0.5_ones_Wrad_${kind}${paper === 'B' ? '_B' : ''}.csv`,
  label: `MCMC d=150, ${kind === 'informative' ? kind : 'uninformed'} (${paper})`,
  note: METROPOLIS_NOTE,
});

/** Paper B's binary-W theory, its equilibrium ε (statphys-deep-NN @ c45c86f, rademacher-W/data, subsets). */
const THEORY_B = (activation: 'elu' | 'h2' | 'h3' | 'h23', delta: number): PublishedSpec => ({
  id: `theoryB-${activation}`,
  kind: 'theory',
  match: { activation, delta, gamma: 0.5, readout: 'ones', weights: 'rademacher' },
  file: `theoryB_${activation}_delta${delta}_gamma0.5_ones_Wrad.csv`,
  label: 'paper B: theory',
});

/**
 * GAMP-RIE: Minh-Toan/statphys-deep-NN @ c45c86f, gamp-rie/gamp_data_1 (arXiv 2510.24616), 12 runs per α.
 * Binary W, Metropolis for S1 + AMP-RIE for S2: Minh-Toan/extensive-width-NN @ df09239, discrete_W/algo_perf
 * (arXiv 2501.18530), 16 runs per α. ELU GAMP-RIE: statphys-deep-NN @ c45c86f, gamp-rie/gamp_data_2 (16 runs; its
 * parameters are inferred, SOURCE.md). Metropolis: extensive-width-NN @ df09239, discrete_W/<act>_v_ones (paper A),
 * and statphys-deep-NN @ c45c86f, rademacher-W/data/h23/.../info.csv (paper B, arXiv 2510.24616).
 */
export const PUBLISHED_SPECS: readonly PublishedSpec[] = [
  ...(['relu', 'tanh2'] as const).flatMap((a) => (['ones', '4point', 'gauss'] as const).map((r) => GAMP_RIE(a, r))),
  AMP_RIE('relu', 0.1),
  AMP_RIE('elu', 0.1),
  AMP_RIE('h2', 1.25),
  AMP_RIE('h23', 1.25),
  {
    id: 'gamprie-elu',
    kind: 'algorithm',
    match: { activation: 'elu', delta: 0.1, gamma: 0.5, readout: 'ones', weights: 'rademacher' },
    file: 'gamprie_elu_delta0.1_gamma0.5_ones_Wrad.csv',
    label: 'GAMP-RIE (paper B)',
  },
  METROPOLIS('relu', 0.1, 'uninformative'),
  METROPOLIS('elu', 0.1, 'uninformative'),
  METROPOLIS('h2', 1.25, 'informative'),
  METROPOLIS('h3', 1.25, 'informative'),
  METROPOLIS('h23', 1.25, 'informative'),
  METROPOLIS('h23', 1.25, 'informative', 'B'),
  THEORY_B('elu', 0.1),
  THEORY_B('h2', 1.25),
  THEORY_B('h3', 1.25),
  THEORY_B('h23', 1.25),
];

/**
 * Activations whose published theory curves truncate g at 15 Hermite terms (the authors' `g_21.csv` tables and
 * rademacher-W notebooks); this project's curves use the exact g (docs/physics/mlp-shallow.md §2).
 */
const TRUNCATED_G: Readonly<Record<string, string>> = {
  tanh2:
    "The paper's own curve for tanh(2x) truncates g at 15 Hermite terms (its plateau 0.10131 against the exact 0.10312, on which the GAMP-RIE points sit); the curves drawn here use the exact g.",
  elu: "The paper's own curve for ELU truncates g at 15 Hermite terms (its large-Q ε about 2 % above the exact one at α = 3.5); the curves drawn here use the exact g.",
};

/** The caveats to print under a plot that overlays these sets (each once, in order). */
export function publishedNotes(sets: readonly PublishedSpec[]): string[] {
  const notes = sets.flatMap((s) => [TRUNCATED_G[s.match.activation], s.note]);
  return [...new Set(notes.filter((n): n is string => !!n))];
}

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
      const rows = parseNumericCsv(await res.text()).map((r): PublishedRow => ({
        alpha: r.alpha,
        mean: r.mean,
        sd: r.sd ?? 0,
        ...(r.q === undefined ? {} : { q: r.q }),
      }));
      return { ...spec, rows };
    }),
  );
}
