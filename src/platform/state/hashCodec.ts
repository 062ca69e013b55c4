// Generic share-URL codec for a model family: a typed table of flat `key=value` hash parameters whose keys are
// the CLI's flag names. `model=<family>` picks the family (the MLP when absent). Bad values never blank the page:
// each is clamped or replaced by its default and reported in one readable message. Older link versions are
// translated by the family's `migrate` before decoding, so links keep working for years.

export const DEFAULT_MODEL = 'mlp';

/**
 * Keys that belong to the page rather than to a family (kept across families and by every hash write):
 * `present=1` is the presentation mode, `hide=` the panels and controls a slide link hides, `open=` the panels it
 * opens (src/app/viewFlags.ts).
 */
export const GLOBAL_KEYS = ['present', 'hide', 'open'] as const;

/** Short, stable decimal form for URLs and labels (no 0.30000000000000004). */
export function formatNumber(x: number): string {
  return String(Number(x.toPrecision(6)));
}

export interface Range {
  min: number;
  max: number;
}

/** What every row of a parameter table has: the URL key (= the CLI flag), the field it fills, a label. */
interface RowBase<T> {
  key: string;
  field: keyof T & string;
  label: string;
  /** The CLI's help text for the flag, where it says more than the label. */
  help?: string;
}

/**
 * One row of a family's parameter table (params.ts): it drives the URL codec, the controls and the CLI flag
 * (platform/cli/args.flagOf).
 */
export type HashSpec<T> =
  | (RowBase<T> & {
      kind: 'number';
      def: number;
      /** The range a link and the controls hold. */
      min: number;
      max: number;
      /** The physically valid range where it is wider (the CLI and the worker accept it); else [min, max]. */
      valid?: Range;
      /** The slider's range where it is narrower than the link's; else [min, max]. */
      slider?: Range;
      /** The slider's step. */
      step?: number;
      integer?: boolean;
      /** Allowed values only (e.g. the α-range menu); anything else falls back to the default. */
      choices?: readonly number[];
      /** Out-of-range values are clamped to [min, max] (with a message) instead of falling back to the default. */
      clamp?: boolean;
    })
  | (RowBase<T> & { kind: 'enum'; def: string; values: readonly string[] })
  | (RowBase<T> & { kind: 'boolean'; def: boolean })
  | (RowBase<T> & {
      kind: 'string';
      def: string;
      maxLength: number;
      /** Extra check of the raw value: a reason it is refused, or null. */
      validate?: (raw: string) => string | null;
    });

export type NumberRow<T> = Extract<HashSpec<T>, { kind: 'number' }>;

/** The row of `field` (a table is short: a scan is fine). */
export function rowOf<T>(table: readonly HashSpec<T>[], field: keyof T & string): HashSpec<T> {
  const s = table.find((x) => x.field === field);
  if (!s) throw new Error(`no parameter row for ${field}`);
  return s;
}

/** The number row of `field`. */
export function numberRow<T>(table: readonly HashSpec<T>[], field: keyof T & string): NumberRow<T> {
  const s = rowOf(table, field);
  if (s.kind !== 'number') throw new Error(`${field} is not a number parameter`);
  return s;
}

/** The slider's min, max and step, read from the row (views write no literal ranges). */
export function sliderOf<T>(row: NumberRow<T>): { min: number; max: number; step: number } {
  const r = row.slider ?? row;
  return { min: r.min, max: r.max, step: row.step ?? (row.integer ? 1 : 0.01) };
}

export interface HashCodec<T> {
  model: string;
  version: number;
  table: readonly HashSpec<T>[];
  defaults(): T;
  decode(hash: string): { params: T; errors: string[] };
  encode(params: T): string;
  /** Keys of the family's view binding (./viewLink.ts): read and written there, accepted and kept here. */
  viewKeys?: readonly string[];
}

export interface CodecOptions {
  /**
   * Rewrites the keys of an older link version in place (`from` is its `v`, null when the link has none) and
   * returns messages for anything it could not translate. Called for every link whose `v` is not `version`.
   */
  migrate?: (search: URLSearchParams, from: number | null) => string[];
  /** The family's view keys (HashCodec.viewKeys). */
  viewKeys?: readonly string[];
}

const stripHash = (hash: string) => (hash.startsWith('#') ? hash.slice(1) : hash);

/** The family a hash asks for (`model=…`), the default when absent. */
export function modelOfHash(hash: string): string {
  return new URLSearchParams(stripHash(hash)).get('model') ?? DEFAULT_MODEL;
}

/** URL-component encoding that leaves the characters of readable expressions (`: , / ^`) alone. */
export function encodeValue(text: string): string {
  return encodeURIComponent(text).replace(/%3A/g, ':').replace(/%2C/g, ',').replace(/%2F/g, '/').replace(/%5E/g, '^');
}

const clip = (raw: string, n = 40) => (raw.length > n ? `${raw.slice(0, n)}…` : raw);

/** A value as the link writes it: numbers short, booleans 1/0, text URL-encoded. */
export function valueText(value: unknown): string {
  if (typeof value === 'number') return formatNumber(value);
  if (typeof value === 'boolean') return value ? '1' : '0';
  return encodeValue(String(value));
}

/**
 * Reads the rows of `table` that `search` carries into `params` (fields of absent keys are left alone); each bad
 * value is replaced (by its default, or clamped where the row says so) and named in `errors`.
 */
export function decodeRows<T>(
  table: readonly HashSpec<T>[],
  search: URLSearchParams,
  params: Record<string, unknown>,
  errors: string[],
): void {
  for (const s of table) {
    const raw = search.get(s.key);
    if (raw === null) continue;
    const shown = clip(raw);
    switch (s.kind) {
      case 'number': {
        const x = raw.trim() === '' ? NaN : Number(raw);
        if (!Number.isFinite(x) || (s.integer && !Number.isInteger(x))) {
          errors.push(
            `URL parameter "${s.key}" = "${shown}" is not ${s.integer ? 'an integer' : 'a number'}; using the default ${formatNumber(s.def)}.`,
          );
        } else if (s.choices && !s.choices.includes(x)) {
          errors.push(
            `URL parameter "${s.key}" = ${shown} is not one of ${s.choices.join(', ')}; using the default ${formatNumber(s.def)}.`,
          );
        } else if (x < s.min || x > s.max) {
          const range = `[${formatNumber(s.min)}, ${formatNumber(s.max)}]`;
          if (s.clamp) {
            const c = Math.min(s.max, Math.max(s.min, x));
            params[s.field] = c;
            errors.push(
              `URL parameter "${s.key}" = ${shown} is outside ${range}; using ${s.key} = ${formatNumber(c)}.`,
            );
          } else {
            errors.push(
              `URL parameter "${s.key}" = ${shown} is outside ${range}; using the default ${formatNumber(s.def)}.`,
            );
          }
        } else params[s.field] = x;
        break;
      }
      case 'enum':
        if (s.values.includes(raw)) params[s.field] = raw;
        else
          errors.push(
            `URL parameter "${s.key}" = "${shown}" is not a known ${s.label} (${s.values.join(', ')}); using "${s.def}".`,
          );
        break;
      case 'boolean':
        if (raw === '1' || raw === 'true') params[s.field] = true;
        else if (raw === '0' || raw === 'false') params[s.field] = false;
        else errors.push(`URL parameter "${s.key}" = "${shown}" is not 0 or 1; using ${s.def ? 1 : 0}.`);
        break;
      case 'string': {
        const why = raw.length > s.maxLength ? `is longer than ${s.maxLength} characters` : (s.validate?.(raw) ?? null);
        if (why === null) params[s.field] = raw;
        else errors.push(`URL parameter "${s.key}" = "${shown}" ${why}; using "${s.def}".`);
        break;
      }
    }
  }
}

export function createHashCodec<T>(
  model: string,
  version: number,
  table: readonly HashSpec<T>[],
  /** Cross-field checks after decoding (may fix params and return messages). */
  check: (p: T) => string[] = () => [],
  options: CodecOptions = {},
): HashCodec<T> {
  const defaults = (): T => {
    const out: Record<string, unknown> = {};
    for (const s of table) out[s.field] = s.def;
    return out as T;
  };
  const decode = (hash: string) => {
    const params = defaults() as Record<string, unknown>;
    const errors: string[] = [];
    const search = new URLSearchParams(stripHash(hash));
    const v = search.get('v');
    const n = v === null ? null : Number(v);
    if (v !== String(version)) {
      if (n !== null && Number.isInteger(n) && n > version) {
        errors.push(
          `This link was made by a newer version of the explorer (v=${clip(v!, 20)}); reading it as v=${version}.`,
        );
      } else if (n !== null && !(Number.isInteger(n) && n >= 1)) {
        errors.push(`URL parameter "v" = "${clip(v!, 20)}" is not a known link version; reading it as v=${version}.`);
      } else if (options.migrate) {
        errors.push(...options.migrate(search, n));
      } else if (n !== null) {
        errors.push(`URL parameter "v" = "${clip(v!, 20)}" is not a known link version; reading it as v=${version}.`);
      }
    }
    const known = new Set<string>([
      'v',
      'model',
      ...GLOBAL_KEYS,
      ...(options.viewKeys ?? []),
      ...table.map((s) => s.key),
    ]);
    for (const key of new Set(search.keys()))
      if (!known.has(key)) errors.push(`URL parameter "${clip(key)}" is not known to this model; ignored.`);
    decodeRows(table, search, params, errors);
    errors.push(...check(params as T));
    return { params: params as T, errors };
  };
  const encode = (p: T) => {
    const rec = p as Record<string, unknown>;
    const parts = [`model=${model}`, `v=${version}`, ...table.map((s) => `${s.key}=${valueText(rec[s.field])}`)];
    return `#${parts.join('&')}`;
  };
  return { model, version, table, defaults, decode, encode, viewKeys: options.viewKeys };
}

/** Event fired on window after this app rewrote the hash itself (replaceState/pushState fire no hashchange). */
export const HASH_WRITTEN_EVENT = 'explorer:hash';

/** The `keys` a hash carries, as `&key=value…` in the order of `keys`, ready to append. */
export function keysSuffix(hash: string, keys: readonly string[]): string {
  const search = new URLSearchParams(stripHash(hash));
  let out = '';
  for (const k of keys) {
    const v = search.get(k);
    if (v !== null) out += `&${k}=${encodeValue(v)}`;
  }
  return out;
}

/** The page-level keys (GLOBAL_KEYS) of a hash, as `&key=value…` ready to append. */
export function globalSuffix(hash: string): string {
  return keysSuffix(hash, GLOBAL_KEYS);
}

/** Replaces the hash (no history entry) and tells the page's listeners. */
export function replaceHash(full: string): void {
  if (full === window.location.hash) return;
  window.history.replaceState(null, '', full);
  announceHash();
}

/**
 * Tells the page's listeners that the app wrote the hash. Listeners (view bindings) may rewrite it in turn; that
 * converges when they agree, but two bindings that place the same keys differently would echo each other until the
 * stack overflows (seen once in the legend check's preset walk): past a few nested rewrites the echo stops.
 */
let announcing = 0;
const MAX_NESTED_REWRITES = 4;
function announceHash(): void {
  if (announcing >= MAX_NESTED_REWRITES) {
    console.warn('the link was rewritten by view bindings that disagree on its form; kept:', window.location.hash);
    return;
  }
  announcing++;
  try {
    window.dispatchEvent(new Event(HASH_WRITTEN_EVENT));
  } finally {
    announcing--;
  }
}

/**
 * Writes a family's hash, keeping the page-level keys of the current one and, for the same family, its view keys
 * (`viewKeys`: the plane, the simulation settings… of ./viewLink.ts). 'replace' (slider drags, corrections) adds
 * no history entry; 'push' (a discrete change: a preset, a menu choice) adds exactly one. Returns the hash as
 * written.
 */
export function writeHash(
  hash: string,
  mode: 'replace' | 'push' = 'replace',
  viewKeys: readonly string[] = [],
): string {
  const current = window.location.hash;
  const sameModel = modelOfHash(current) === modelOfHash(hash);
  const full = hash + (sameModel ? keysSuffix(current, viewKeys) : '') + globalSuffix(current);
  if (mode === 'push' && full !== current) {
    window.history.pushState(null, '', full);
    announceHash();
  } else replaceHash(full);
  return full;
}

/** The store shape bindHash needs: the family's params and a setter that also takes the URL's messages. */
export interface HashBoundStore<T> {
  getState(): { params: T; setParams(params: T, urlErrors?: string[]): void };
  subscribe(listener: (s: { params: T }, prev: { params: T }) => void): () => void;
}

export interface BindOptions<T> {
  /** Debounce of hash writes while params change (ms). */
  delayMs?: number;
  /** Writes are skipped while this is false (e.g. another family is shown). */
  active?: () => boolean;
  /** A change that deserves its own history entry (a menu choice); others replace the current entry. */
  isDiscrete?: (prev: T, next: T) => boolean;
}

/**
 * Keeps a family's params and the URL hash in step while the family is shown: reads the hash now and on
 * hashchange/popstate, writes it when params change: debounced replaceState, so a slider drag does not flood
 * history, or one pushState for a discrete change when `isDiscrete` says so.
 */
export function bindHash<T>(
  codec: HashCodec<T>,
  store: HashBoundStore<T>,
  opts: number | BindOptions<T> = 300,
): () => void {
  const o: BindOptions<T> = typeof opts === 'number' ? { delayMs: opts } : opts;
  const delayMs = o.delayMs ?? 300;
  const active = o.active ?? (() => true);
  let lastParams: T | null = null;
  let pendingPush = false;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const read = () => {
    if (modelOfHash(window.location.hash) !== codec.model) return;
    const { params, errors } = codec.decode(window.location.hash);
    lastParams = params;
    store.getState().setParams(params, errors);
  };
  const flush = () => {
    if (!active()) return;
    const params = store.getState().params;
    const push = pendingPush && modelOfHash(window.location.hash) === codec.model;
    pendingPush = false;
    writeHash(codec.encode(params), push ? 'push' : 'replace', codec.viewKeys);
    lastParams = params;
  };
  const write = (discrete = false) => {
    clearTimeout(timer);
    if (discrete) {
      pendingPush = true;
      flush();
      return;
    }
    timer = setTimeout(flush, delayMs);
  };
  // History-API writes fire neither event, so every hashchange/popstate is a hand edit or back/forward.
  const onHash = () => {
    clearTimeout(timer); // a pending write of the old params must not overwrite the entry we just moved to
    pendingPush = false;
    read();
  };
  read();
  write();
  window.addEventListener('hashchange', onHash);
  window.addEventListener('popstate', onHash);
  const unsub = store.subscribe((s, prev) => {
    if (s.params === prev.params) return;
    const before = lastParams ?? prev.params;
    write(o.isDiscrete ? o.isDiscrete(before, s.params) : false);
  });
  return () => {
    clearTimeout(timer);
    window.removeEventListener('hashchange', onHash);
    window.removeEventListener('popstate', onHash);
    unsub();
  };
}
