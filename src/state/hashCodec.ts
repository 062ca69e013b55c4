// Generic share-URL codec for a model family: a typed table of flat `key=value` hash parameters whose keys are
// the CLI's flag names. `model=<family>` picks the family; the MLP family (the default) uses urlCodec.ts.
// Bad values never blank the page: each is replaced by its default and reported in one readable message.
import { formatNumber } from './urlCodec';

export const DEFAULT_MODEL = 'mlp';

export type HashSpec<T> =
  | { kind: 'number'; key: string; field: keyof T & string; def: number; min: number; max: number; label: string; integer?: boolean }
  | { kind: 'enum'; key: string; field: keyof T & string; def: string; values: readonly string[]; label: string }
  | { kind: 'boolean'; key: string; field: keyof T & string; def: boolean; label: string }
  | { kind: 'string'; key: string; field: keyof T & string; def: string; maxLength: number; label: string };

export interface HashCodec<T> {
  model: string;
  version: number;
  table: readonly HashSpec<T>[];
  defaults(): T;
  decode(hash: string): { params: T; errors: string[] };
  encode(params: T): string;
}

/** The family a hash asks for (`model=…`), the default when absent. */
export function modelOfHash(hash: string): string {
  const text = hash.startsWith('#') ? hash.slice(1) : hash;
  return new URLSearchParams(text).get('model') ?? DEFAULT_MODEL;
}

export function createHashCodec<T>(
  model: string,
  version: number,
  table: readonly HashSpec<T>[],
  /** Cross-field checks after decoding (may fix params and return messages). */
  check: (p: T) => string[] = () => [],
): HashCodec<T> {
  const defaults = (): T => {
    const out: Record<string, unknown> = {};
    for (const s of table) out[s.field] = s.def;
    return out as T;
  };
  const decode = (hash: string) => {
    const params = defaults() as Record<string, unknown>;
    const errors: string[] = [];
    const text = hash.startsWith('#') ? hash.slice(1) : hash;
    const search = new URLSearchParams(text);
    const v = search.get('v');
    if (v !== null && v !== String(version)) errors.push(`URL parameter "v" = "${v.slice(0, 20)}" is not a known link version; reading it as v=${version}.`);
    const known = new Set(['v', 'model', ...table.map((s) => s.key)]);
    for (const key of search.keys()) if (!known.has(key)) errors.push(`URL parameter "${key.slice(0, 40)}" is not known to this model; ignored.`);
    for (const s of table) {
      const raw = search.get(s.key);
      if (raw === null) continue;
      const shown = raw.length > 40 ? `${raw.slice(0, 40)}…` : raw;
      switch (s.kind) {
        case 'number': {
          const x = raw.trim() === '' ? NaN : Number(raw);
          if (!Number.isFinite(x) || (s.integer && !Number.isInteger(x))) errors.push(`URL parameter "${s.key}" = "${shown}" is not ${s.integer ? 'an integer' : 'a number'}; using the default ${formatNumber(s.def)}.`);
          else if (x < s.min || x > s.max) errors.push(`URL parameter "${s.key}" = ${shown} is outside [${formatNumber(s.min)}, ${formatNumber(s.max)}]; using the default ${formatNumber(s.def)}.`);
          else params[s.field] = x;
          break;
        }
        case 'enum':
          if (s.values.includes(raw)) params[s.field] = raw;
          else errors.push(`URL parameter "${s.key}" = "${shown}" is not a known ${s.label} (${s.values.join(', ')}); using "${s.def}".`);
          break;
        case 'boolean':
          if (raw === '1' || raw === 'true') params[s.field] = true;
          else if (raw === '0' || raw === 'false') params[s.field] = false;
          else errors.push(`URL parameter "${s.key}" = "${shown}" is not 0 or 1; using ${s.def ? 1 : 0}.`);
          break;
        case 'string':
          if (raw.length <= s.maxLength) params[s.field] = raw;
          else errors.push(`URL parameter "${s.key}" is longer than ${s.maxLength} characters; using the default.`);
          break;
      }
    }
    errors.push(...check(params as T));
    return { params: params as T, errors };
  };
  const encode = (p: T) => {
    const parts = [`model=${model}`, `v=${version}`];
    const rec = p as Record<string, unknown>;
    for (const s of table) {
      const value = rec[s.field];
      const text = typeof value === 'number' ? formatNumber(value) : typeof value === 'boolean' ? (value ? '1' : '0') : encodeURIComponent(String(value));
      parts.push(`${s.key}=${text}`);
    }
    return `#${parts.join('&')}`;
  };
  return { model, version, table, defaults, decode, encode };
}

/** The store shape bindHash needs: the family's params and a setter that also takes the URL's messages. */
export interface HashBoundStore<T> {
  getState(): { params: T; setParams(params: T, urlErrors?: string[]): void };
  subscribe(listener: (s: { params: T }, prev: { params: T }) => void): () => void;
}

/**
 * Keeps a family's params and the URL hash in step while the family is shown: reads the hash now and on
 * hashchange, writes it (debounced replaceState, so a slider drag does not flood history) when params change.
 */
export function bindHash<T>(codec: HashCodec<T>, store: HashBoundStore<T>, delayMs = 300): () => void {
  let lastWritten = '';
  let timer: ReturnType<typeof setTimeout> | undefined;
  const read = () => {
    if (modelOfHash(window.location.hash) !== codec.model) return;
    const { params, errors } = codec.decode(window.location.hash);
    store.getState().setParams(params, errors);
  };
  const write = () => {
    clearTimeout(timer);
    timer = setTimeout(() => {
      const hash = codec.encode(store.getState().params);
      if (hash !== window.location.hash) {
        lastWritten = hash;
        window.history.replaceState(null, '', hash);
      }
    }, delayMs);
  };
  const onHash = () => {
    if (window.location.hash !== lastWritten) read();
  };
  read();
  write();
  window.addEventListener('hashchange', onHash);
  const unsub = store.subscribe((s, prev) => {
    if (s.params !== prev.params) write();
  });
  return () => {
    clearTimeout(timer);
    window.removeEventListener('hashchange', onHash);
    unsub();
  };
}
