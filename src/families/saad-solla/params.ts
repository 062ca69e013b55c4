// Parameters of the Saad–Solla tab: URL keys = flags of the CLI command `saad-solla`.
import { createHashCodec, type HashCodec, type HashSpec } from '../../platform/state/hashCodec';

export interface SaadSollaUiParams {
  K: number;
  M: number;
  eta: number;
  noise: number;
  asym: number;
  seed: number;
  alphaMax: number;
}

// The ODEs accept K, M ≤ 8 and σ ≤ 10 (validateSaadSolla); the page draws up to 5 units and σ ≤ 1, where its
// overlap plot and colours stay readable.
export const SAAD_SOLLA_TABLE: readonly HashSpec<SaadSollaUiParams>[] = [
  {
    kind: 'number',
    key: 'K',
    field: 'K',
    def: 2,
    min: 1,
    max: 5,
    valid: { min: 1, max: 8 },
    integer: true,
    label: 'K',
    help: 'student hidden units',
  },
  {
    kind: 'number',
    key: 'M',
    field: 'M',
    def: 2,
    min: 1,
    max: 5,
    valid: { min: 1, max: 8 },
    integer: true,
    label: 'M',
    help: 'teacher hidden units',
  },
  // Links accept η ≤ 3 and σ ≤ 1; the sliders keep the narrower ranges the tab was built with.
  {
    kind: 'number',
    key: 'eta',
    field: 'eta',
    def: 0.1,
    min: 0.01,
    max: 3,
    slider: { min: 0.01, max: 2 },
    label: 'η',
    help: 'learning rate η',
  },
  {
    kind: 'number',
    key: 'noise',
    field: 'noise',
    def: 0,
    min: 0,
    max: 1,
    valid: { min: 0, max: 10 },
    slider: { min: 0, max: 0.5 },
    label: 'σ',
    help: 'output-noise standard deviation σ',
  },
  {
    kind: 'number',
    key: 'asym',
    field: 'asym',
    def: 0.001,
    min: 0,
    max: 0.5,
    valid: { min: 0, max: 1 },
    label: 'asymmetry',
    help: 'initial asymmetry: R_in = asym·U(0,1)',
  },
  {
    kind: 'number',
    key: 'seed',
    field: 'seed',
    def: 1,
    min: 0,
    max: 1e9,
    integer: true,
    label: 'seed',
    help: 'seed of the initial R',
  },
  {
    kind: 'number',
    key: 'alpha-max',
    field: 'alphaMax',
    def: 10000,
    min: 10,
    max: 1e6,
    label: 'α range',
    help: 'end of the trajectory (α = steps/N)',
  },
];

/** The finite-N simulation's settings: the panel's menus, and its rows in the link (platform/state/viewLink.ts). */
export interface SimulationForm {
  N: number;
  seeds: number;
}
export const SIM_SIZES = [100, 200, 500, 1000] as const;
export const SIM_SEEDS = [1, 2, 4, 8] as const;
export const DEFAULT_SIMULATION_FORM: SimulationForm = { N: 200, seeds: 4 };

const choiceRow = (key: string, field: keyof SimulationForm, choices: readonly number[], label: string) =>
  ({
    kind: 'number',
    key,
    field,
    def: DEFAULT_SIMULATION_FORM[field],
    min: Math.min(...choices),
    max: Math.max(...choices),
    choices,
    integer: true,
    label,
  }) as const;

export const SIMULATION_VIEW_TABLE: readonly HashSpec<SimulationForm>[] = [
  choiceRow('sim-n', 'N', SIM_SIZES, 'N'),
  choiceRow('sim-seeds', 'seeds', SIM_SEEDS, 'runs (seeds)'),
];

export const saadSollaCodec: HashCodec<SaadSollaUiParams> = createHashCodec<SaadSollaUiParams>(
  'saad-solla',
  1,
  SAAD_SOLLA_TABLE,
  () => [],
  { viewKeys: SIMULATION_VIEW_TABLE.map((r) => r.key) },
);
