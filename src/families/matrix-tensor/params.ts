// Parameters of the spiked matrix–tensor tab: URL keys = flags of the CLI command `matrix-tensor`.
import { createHashCodec, type HashCodec, type HashSpec } from '../../platform/state/hashCodec';

export interface MatrixTensorUiParams {
  /** Tensor order p. */
  p: number;
  /** Tensor noise Δp of the overlap plot. */
  deltaP: number;
  /** Largest 1/Δ2 shown (both plots). */
  invDelta2Max: number;
  /** Largest Δp of the phase diagram. */
  deltaPMax: number;
  /** The finite-N Langevin simulation (p = 3, at the chosen Δp): 1/Δ2, N, final time, temperature, seed. */
  simInvDelta2: number;
  simN: number;
  simT: number;
  simTemperature: number;
  seed: number;
}

export const MATRIX_TENSOR_TABLE: readonly HashSpec<MatrixTensorUiParams>[] = [
  {
    kind: 'number',
    key: 'p',
    field: 'p',
    def: 3,
    min: 3,
    max: 6,
    valid: { min: 3, max: 8 },
    integer: true,
    label: 'tensor order p',
    help: 'order p ≥ 3 of the spiked tensor',
  },
  {
    kind: 'number',
    key: 'delta-p',
    field: 'deltaP',
    def: 1,
    min: 0.01,
    max: 10,
    valid: { min: 1e-3, max: 1e6 },
    slider: { min: 0.05, max: 4 },
    step: 0.01,
    label: 'Δp (tensor noise)',
    help: 'tensor noise Δp of the overlap curve',
  },
  {
    kind: 'number',
    key: 'inv-delta2-max',
    field: 'invDelta2Max',
    def: 3,
    min: 1.5,
    max: 10,
    choices: [2, 3, 5, 10],
    label: '1/Δ2 range',
    help: 'largest 1/Δ2 shown (matrix signal-to-noise ratio)',
  },
  {
    kind: 'number',
    key: 'delta-p-max',
    field: 'deltaPMax',
    def: 4,
    min: 1,
    max: 20,
    choices: [2, 4, 8, 20],
    label: 'Δp range',
    help: 'largest Δp of the phase diagram',
  },
  {
    kind: 'number',
    key: 'sim-inv-delta2',
    field: 'simInvDelta2',
    def: 2,
    min: 0.1,
    max: 10,
    slider: { min: 0.5, max: 5 },
    step: 0.05,
    label: '1/Δ2 of the simulation',
    help: 'with --simulate: 1/Δ2 of the Langevin run',
  },
  {
    kind: 'number',
    key: 'sim-n',
    field: 'simN',
    def: 80,
    min: 8,
    max: 400,
    choices: [48, 80, 120, 200],
    integer: true,
    label: 'N of the simulation',
    help: 'size N of the simulated sample (the tensor has N³/6 entries)',
  },
  {
    kind: 'number',
    key: 'sim-t',
    field: 'simT',
    def: 40,
    min: 1,
    max: 400,
    choices: [20, 40, 100],
    label: 'final time',
    help: 'with --simulate: final time of the Langevin run (step dt = 0.02)',
  },
  {
    kind: 'number',
    key: 'sim-temperature',
    field: 'simTemperature',
    def: 1,
    min: 0,
    max: 1,
    choices: [0, 1],
    label: 'temperature',
    help: 'with --simulate: 1 = Langevin at the Bayes temperature, 0 = gradient flow',
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
    help: 'seed of the simulated sample and of the dynamics',
  },
];

/** Euler–Maruyama step of the simulation. */
export const SIM_DT = 0.02;

export const matrixTensorCodec: HashCodec<MatrixTensorUiParams> = createHashCodec<MatrixTensorUiParams>(
  'matrix-tensor',
  1,
  MATRIX_TENSOR_TABLE,
);
