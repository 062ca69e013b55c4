// Share URL of the MLP family, link version 2: the keys are the flag names of the CLI command `mlp`
// (`#model=mlp&v=2&activation=relu&gamma=0.5&delta=0.1&readout=ones&weights=gaussian&alpha=2&alpha-max=8`), a
// custom σ is `activation=expr:<expression>` as on the command line. Version-1 links (`act`, `expr`, `amax`) are
// migrated on read, so every link made since the first release keeps working. Built on the generic hashCodec.
import { MAX_EXPRESSION_LENGTH } from '../../physics/expression/parse';
import { PHASE_PLANES, type PhasePlane } from '../../physics/mlp/phaseTypes';
import { ALGORITHMS, INITS, READOUT_MODES } from '../../sim/config';
import { PHASE_QUANTITIES, type PhaseQuantity } from './phaseStore';
import { DEFAULT_FORM, NISHIMORI_MODES, SIM_D_RANGE, type SimForm } from './simStore';
import { seedStepsRows, simIntRow } from '../../platform/sim/linkRows';
import { ACTIVATION_NAMES, READOUT_LAWS, WEIGHT_PRIORS } from '../../physics/types';
import type { ReadoutLaw, WeightPrior } from '../../physics/types';
import {
  createHashCodec,
  DEFAULT_MODEL,
  formatNumber,
  rowOf,
  type HashCodec,
  type HashSpec,
} from '../../platform/state/hashCodec';

export { formatNumber };

export const URL_VERSION = 2;

/** The value of the activation selector for a user-typed expression (physics name `expr:<expression>`). */
export const CUSTOM_ACTIVATION = 'expr';
export const ALPHA_MAX_CHOICES = [2, 4, 8, 12, 16] as const;
const EXPR_PREFIX = `${CUSTOM_ACTIVATION}:`;
export const DEFAULT_EXPRESSION = 'tanh(2*x)';
const MAX_EXPRESSION = MAX_EXPRESSION_LENGTH;

/** Everything the explorer's URL records. `act` is a built-in name or 'expr' (then `expr` holds σ(x)). */
export interface ExplorerParams {
  alpha: number; // selected α = n/d² (marker on the curves, readout panel)
  alphaMax: number; // right end of the α axis
  gamma: number; // γ = k/d
  delta: number; // Δ, label-noise variance
  act: string;
  expr: string;
  readout: ReadoutLaw;
  weights: WeightPrior;
}

/** The URL's view of the same state: one `activation` as the CLI takes it (a name or `expr:<expression>`). */
export interface MlpLinkParams {
  activation: string;
  gamma: number;
  delta: number;
  readout: ReadoutLaw;
  weights: WeightPrior;
  alpha: number;
  alphaMax: number;
}

function validateActivation(raw: string): string | null {
  if ((ACTIVATION_NAMES as readonly string[]).includes(raw)) return null;
  if (raw.startsWith(EXPR_PREFIX))
    return raw.slice(EXPR_PREFIX.length).trim() === '' ? 'has an empty expression' : null;
  return `is not a known activation (${ACTIVATION_NAMES.join(', ')}, or expr:<expression in x>)`;
}

/**
 * The table: URL key (= CLI flag of `mlp`), type, default, range. Order = order in the URL. The page holds
 * γ ∈ [0.1, 2] and Δ ≤ 2, the range its phase diagram and reference data cover; the theory (the CLI, the
 * worker: validateShallowParams) accepts the wider `valid` range.
 */
export const URL_TABLE: readonly HashSpec<MlpLinkParams>[] = [
  {
    kind: 'string',
    key: 'activation',
    field: 'activation',
    def: 'relu',
    maxLength: MAX_EXPRESSION + EXPR_PREFIX.length,
    label: 'activation',
    validate: validateActivation,
  },
  {
    kind: 'number',
    key: 'gamma',
    field: 'gamma',
    def: 0.5,
    min: 0.1,
    max: 2,
    valid: { min: 0.01, max: 20 },
    clamp: true,
    label: 'γ (width ratio k/d)',
    help: 'γ = k/d',
  },
  {
    kind: 'number',
    key: 'delta',
    field: 'delta',
    def: 0.1,
    min: 1e-4,
    max: 2,
    valid: { min: 0, max: 100 },
    clamp: true,
    label: 'Δ (label-noise variance)',
    help: 'Δ, label-noise variance',
  },
  {
    kind: 'enum',
    key: 'readout',
    field: 'readout',
    def: 'ones',
    values: READOUT_LAWS,
    label: 'readout law',
    help: 'readout law P_v',
  },
  {
    kind: 'enum',
    key: 'weights',
    field: 'weights',
    def: 'gaussian',
    values: WEIGHT_PRIORS,
    label: 'weight prior',
    help: 'inner-weight prior P_W',
  },
  {
    kind: 'number',
    key: 'alpha',
    field: 'alpha',
    def: 2,
    min: 0.02,
    max: 16,
    clamp: true,
    label: 'α (sample ratio n/d²)',
  },
  {
    kind: 'number',
    key: 'alpha-max',
    field: 'alphaMax',
    def: 8,
    min: 2,
    max: 16,
    choices: ALPHA_MAX_CHOICES,
    label: 'α range',
  },
];

/** The phase diagram's view (./phaseStore.ts) in the link, beside the parameters (platform/state/viewLink.ts). */
export interface PhaseView {
  plane: PhasePlane;
  quantity: PhaseQuantity;
  readoutValue: number; // |v| whose overlap Q(v) is coloured
}

export const PHASE_VIEW_TABLE: readonly HashSpec<PhaseView>[] = [
  { kind: 'enum', key: 'plane', field: 'plane', def: 'gamma', values: PHASE_PLANES, label: 'phase plane' },
  { kind: 'enum', key: 'colour', field: 'quantity', def: 'overlap', values: PHASE_QUANTITIES, label: 'colouring' },
  {
    kind: 'number',
    key: 'colour-v',
    field: 'readoutValue',
    def: 1,
    min: 0,
    max: 10,
    label: '|v| of the coloured overlap',
  },
];

/**
 * The Simulation panel's settings (./simStore.ts) in the link: a run seen on a slide can be run again. Ranges as
 * the panel's fields hold them.
 */
export const SIM_VIEW_TABLE: readonly HashSpec<SimForm>[] = [
  { kind: 'enum', key: 'sim-algo', field: 'algo', def: DEFAULT_FORM.algo, values: ALGORITHMS, label: 'algorithm' },
  { kind: 'enum', key: 'sim-start', field: 'init', def: DEFAULT_FORM.init, values: INITS, label: 'start' },
  {
    kind: 'enum',
    key: 'sim-readouts',
    field: 'readouts',
    def: DEFAULT_FORM.readouts,
    values: READOUT_MODES,
    label: 'readouts',
  },
  {
    kind: 'enum',
    key: 'sim-nishimori',
    field: 'nishimori',
    def: DEFAULT_FORM.nishimori,
    values: NISHIMORI_MODES,
    label: 'Nishimori check',
  },
  simIntRow<SimForm>('sim-d', 'd', DEFAULT_FORM.d, SIM_D_RANGE, 'd'),
  ...seedStepsRows('sim', DEFAULT_FORM),
];

export const VIEW_KEYS = [...PHASE_VIEW_TABLE, ...SIM_VIEW_TABLE].map((r) => r.key);

/**
 * v1 → v2: `act=<name>` → `activation=<name>`, `act=expr&expr=<e>` → `activation=expr:<e>`, `amax` → `alpha-max`.
 * A link without `v` is read as v1 when it carries a v1 key.
 */
function migrate(search: URLSearchParams, from: number | null): string[] {
  const errors: string[] = [];
  const v1Keys = ['act', 'expr', 'amax'].filter((k) => search.has(k));
  if (from === null && v1Keys.length === 0) return errors;
  if (from !== null && from !== 1) {
    return [`URL parameter "v" = "${from}" is not a known link version; reading it as v=${URL_VERSION}.`];
  }
  const act = search.get('act');
  const expr = search.get('expr');
  if (act !== null && !search.has('activation')) {
    if (act === CUSTOM_ACTIVATION) {
      if (expr === null || expr.trim() === '') {
        errors.push(
          `URL parameter "act" = "expr" needs a non-empty "expr"; using the default expression ${DEFAULT_EXPRESSION}.`,
        );
        search.set('activation', EXPR_PREFIX + DEFAULT_EXPRESSION);
      } else search.set('activation', EXPR_PREFIX + expr);
    } else search.set('activation', act);
  }
  const amax = search.get('amax');
  if (amax !== null && !search.has('alpha-max')) search.set('alpha-max', amax);
  for (const k of ['act', 'expr', 'amax']) search.delete(k);
  return errors;
}

function crossCheck(p: MlpLinkParams): string[] {
  if (p.alpha > p.alphaMax) {
    const msg = `URL parameter "alpha" = ${formatNumber(p.alpha)} is beyond the α range (alpha-max = ${p.alphaMax}); using α = ${p.alphaMax}.`;
    p.alpha = p.alphaMax;
    return [msg];
  }
  return [];
}

/** The generic codec over the link's own view of the state. */
export const linkCodec = createHashCodec<MlpLinkParams>(DEFAULT_MODEL, URL_VERSION, URL_TABLE, crossCheck, {
  migrate,
  viewKeys: VIEW_KEYS,
});

export function toLink(p: ExplorerParams): MlpLinkParams {
  return {
    activation: p.act === CUSTOM_ACTIVATION ? EXPR_PREFIX + p.expr : p.act,
    gamma: p.gamma,
    delta: p.delta,
    readout: p.readout,
    weights: p.weights,
    alpha: p.alpha,
    alphaMax: p.alphaMax,
  };
}

export function fromLink(l: MlpLinkParams): ExplorerParams {
  const custom = l.activation.startsWith(EXPR_PREFIX);
  return {
    alpha: l.alpha,
    alphaMax: l.alphaMax,
    gamma: l.gamma,
    delta: l.delta,
    act: custom ? CUSTOM_ACTIVATION : l.activation,
    expr: custom ? l.activation.slice(EXPR_PREFIX.length) : DEFAULT_EXPRESSION,
    readout: l.readout,
    weights: l.weights,
  };
}

export function defaultParams(): ExplorerParams {
  return fromLink(linkCodec.defaults());
}

/** The spec of a field the URL and the controls share (the numbers' ranges). */
export function specFor(field: keyof MlpLinkParams): HashSpec<MlpLinkParams> {
  return rowOf(URL_TABLE, field);
}

export interface DecodeResult {
  params: ExplorerParams;
  /** One readable message per rejected or corrected parameter (naming it); empty when the link was clean. */
  errors: string[];
}

/** Parses a v2 or v1 hash (leading '#' optional). Missing keys take their defaults; bad ones are reported. */
export function decodeHash(hash: string): DecodeResult {
  const { params, errors } = linkCodec.decode(hash);
  return { params: fromLink(params), errors };
}

/** The canonical v2 hash for a parameter set (all keys, fixed order). */
export function encodeHash(p: ExplorerParams): string {
  return linkCodec.encode(toLink(p));
}

/** The family codec over the store's params (what bindHash keeps in step with the URL). */
export const mlpCodec: HashCodec<ExplorerParams> = {
  model: DEFAULT_MODEL,
  version: URL_VERSION,
  table: [],
  defaults: defaultParams,
  decode: decodeHash,
  encode: encodeHash,
  viewKeys: VIEW_KEYS,
};

/** Menu choices get their own history entry; slider moves (α, γ, Δ) replace the current one. */
export function isDiscreteChange(prev: ExplorerParams, next: ExplorerParams): boolean {
  return (
    prev.act !== next.act ||
    prev.readout !== next.readout ||
    prev.weights !== next.weights ||
    prev.alphaMax !== next.alphaMax ||
    (next.act === CUSTOM_ACTIVATION && prev.expr !== next.expr)
  );
}
