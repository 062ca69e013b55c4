// Share-URL codec: a typed table of flat `key=value` hash parameters (TensorFlow Playground style).
// Readable, hand-editable links (`#v=1&alpha=2&gamma=0.5&delta=0.1&act=relu&readout=ones&weights=gaussian`)
// that must keep working for years: bump URL_VERSION and add a migration when a key changes meaning.
import { ACTIVATION_NAMES, READOUT_LAWS, WEIGHT_PRIORS } from '../physics/types';
import type { ReadoutLaw, WeightPrior } from '../physics/types';

export const URL_VERSION = 1;

/** The value of the activation selector for a user-typed expression (physics name `expr:<expression>`). */
export const CUSTOM_ACTIVATION = 'expr';
export const ALPHA_MAX_CHOICES = [2, 4, 8, 12, 16] as const;

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

interface NumberSpec {
  kind: 'number';
  key: string;
  field: keyof ExplorerParams;
  def: number;
  min: number;
  max: number;
  choices?: readonly number[];
  label: string;
}
interface EnumSpec {
  kind: 'enum';
  key: string;
  field: keyof ExplorerParams;
  def: string;
  values: readonly string[];
  label: string;
}
interface StringSpec {
  kind: 'string';
  key: string;
  field: keyof ExplorerParams;
  def: string;
  maxLength: number;
  label: string;
}
export type UrlSpec = NumberSpec | EnumSpec | StringSpec;

/** The table: URL key, type, default, range. Order = order in the URL. */
export const URL_TABLE: readonly UrlSpec[] = [
  { kind: 'number', key: 'alpha', field: 'alpha', def: 2, min: 0.02, max: 16, label: 'α (sample ratio n/d²)' },
  { kind: 'number', key: 'amax', field: 'alphaMax', def: 8, min: 2, max: 16, choices: ALPHA_MAX_CHOICES, label: 'α range' },
  { kind: 'number', key: 'gamma', field: 'gamma', def: 0.5, min: 0.1, max: 2, label: 'γ (width ratio k/d)' },
  { kind: 'number', key: 'delta', field: 'delta', def: 0.1, min: 1e-4, max: 2, label: 'Δ (label-noise variance)' },
  { kind: 'enum', key: 'act', field: 'act', def: 'relu', values: [...ACTIVATION_NAMES, CUSTOM_ACTIVATION], label: 'activation' },
  { kind: 'string', key: 'expr', field: 'expr', def: 'tanh(2*x)', maxLength: 200, label: 'custom activation σ(x)' },
  { kind: 'enum', key: 'readout', field: 'readout', def: 'ones', values: READOUT_LAWS, label: 'readout law' },
  { kind: 'enum', key: 'weights', field: 'weights', def: 'gaussian', values: WEIGHT_PRIORS, label: 'weight prior' },
];

export function defaultParams(): ExplorerParams {
  const out: Record<string, unknown> = {};
  for (const s of URL_TABLE) out[s.field] = s.def;
  return out as unknown as ExplorerParams;
}

export function specFor(field: keyof ExplorerParams): UrlSpec {
  const s = URL_TABLE.find((x) => x.field === field);
  if (!s) throw new Error(`no URL spec for ${field}`);
  return s;
}

/** Short, stable decimal form for URLs and labels (no 0.30000000000000004). */
export function formatNumber(x: number): string {
  return String(Number(x.toPrecision(6)));
}

type Parsed = { ok: true; value: number | string } | { ok: false; message: string };

function parseValue(spec: UrlSpec, raw: string): Parsed {
  const shown = raw.length > 40 ? `${raw.slice(0, 40)}…` : raw;
  switch (spec.kind) {
    case 'number': {
      const x = raw.trim() === '' ? NaN : Number(raw);
      if (!Number.isFinite(x)) {
        return { ok: false, message: `URL parameter "${spec.key}" = "${shown}" is not a number; using the default ${spec.key} = ${formatNumber(spec.def)}.` };
      }
      if (spec.choices && !spec.choices.includes(x)) {
        return { ok: false, message: `URL parameter "${spec.key}" = ${shown} is not one of ${spec.choices.join(', ')}; using the default ${spec.key} = ${formatNumber(spec.def)}.` };
      }
      if (x < spec.min || x > spec.max) {
        return { ok: false, message: `URL parameter "${spec.key}" = ${shown} is outside [${formatNumber(spec.min)}, ${formatNumber(spec.max)}]; using the default ${spec.key} = ${formatNumber(spec.def)}.` };
      }
      return { ok: true, value: x };
    }
    case 'enum':
      if (!spec.values.includes(raw)) {
        return { ok: false, message: `URL parameter "${spec.key}" = "${shown}" is not a known ${spec.label} (${spec.values.join(', ')}); using the default "${spec.def}".` };
      }
      return { ok: true, value: raw };
    case 'string':
      if (raw.length > spec.maxLength) {
        return { ok: false, message: `URL parameter "${spec.key}" is longer than ${spec.maxLength} characters; using the default "${spec.def}".` };
      }
      return { ok: true, value: raw };
  }
}

export interface DecodeResult {
  params: ExplorerParams;
  /** One readable message per rejected parameter (naming it); empty when the link was clean. */
  errors: string[];
}

/** Parses `#v=1&alpha=2&…` (leading '#' optional). Missing keys take their defaults; bad ones are reported. */
export function decodeHash(hash: string): DecodeResult {
  const params = defaultParams();
  const errors: string[] = [];
  const text = hash.startsWith('#') ? hash.slice(1) : hash;
  if (text.trim() === '') return { params, errors };
  const search = new URLSearchParams(text);
  const version = search.get('v');
  if (version !== null && version !== String(URL_VERSION)) {
    const n = Number(version);
    errors.push(
      Number.isInteger(n) && n > URL_VERSION
        ? `This link was made by a newer version of the explorer (v=${version}); reading it as v=${URL_VERSION}.`
        : `URL parameter "v" = "${version}" is not a known link version; reading it as v=${URL_VERSION}.`,
    );
  }
  const known = new Set(['v', 'model', ...URL_TABLE.map((s) => s.key)]);
  for (const key of search.keys()) {
    if (!known.has(key)) errors.push(`URL parameter "${key}" is not known to this version of the explorer; ignored.`);
  }
  const out = params as unknown as Record<string, number | string>;
  for (const spec of URL_TABLE) {
    const raw = search.get(spec.key);
    if (raw === null) continue;
    const r = parseValue(spec, raw);
    if (r.ok) out[spec.field] = r.value;
    else errors.push(r.message);
  }
  if (params.act === CUSTOM_ACTIVATION && params.expr.trim() === '') {
    errors.push('URL parameter "act" = "expr" needs a non-empty "expr"; using the default expression.');
    params.expr = specFor('expr').def as string;
  }
  if (params.alpha > params.alphaMax) {
    errors.push(`URL parameter "alpha" = ${formatNumber(params.alpha)} is beyond the α range (amax = ${params.alphaMax}); using α = ${params.alphaMax}.`);
    params.alpha = params.alphaMax;
  }
  return { params, errors };
}

/** The canonical hash for a parameter set (all keys, fixed order; `expr` only for custom activations). */
export function encodeHash(p: ExplorerParams): string {
  const parts = [`v=${URL_VERSION}`];
  for (const spec of URL_TABLE) {
    if (spec.field === 'expr' && p.act !== CUSTOM_ACTIVATION) continue;
    const value = p[spec.field];
    const text = typeof value === 'number' ? formatNumber(value) : encodeURIComponent(value);
    parts.push(`${spec.key}=${text}`);
  }
  return `#${parts.join('&')}`;
}
