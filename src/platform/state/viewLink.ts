// The rest of a family's view in its share link (issue 20: "a slide link reproduces what is on screen"): the
// phase plane and colouring, a simulation panel's settings… Each lives in its own store, so each is bound here
// beside the family's parameters (hashCodec.bindHash): its keys are rows of a parameter table (a bad value is
// named and replaced, as for the parameters), only values that differ from the default are written (links stay
// short and older links read the same), and the family's codec lists them in `viewKeys` so its own writes keep
// them.
import {
  decodeRows,
  GLOBAL_KEYS,
  HASH_WRITTEN_EVENT,
  keysSuffix,
  modelOfHash,
  replaceHash,
  valueText,
  type HashSpec,
} from './hashCodec';

export interface ViewBinding<V> {
  /** The family (`model=`) whose links carry these keys. */
  model: string;
  rows: readonly HashSpec<V>[];
  /** The view as it is now (from its stores). */
  read(): V;
  /** Sets the fields a link carries (the others are left as they are: a stored form keeps what the link omits). */
  apply(view: Partial<V>): void;
  /** Calls back on every change of the view's stores; returns the unsubscribe. */
  subscribe(onChange: () => void): () => void;
  /** The link's messages about bad values (the family's banner). */
  report(errors: string[]): void;
}

/** The little of a zustand store a binding reads. */
export interface StoreLike<S> {
  getState(): S;
  subscribe(listener: (s: S, prev: S) => void): () => void;
}

/**
 * A binding over the fields of `rows` in one store: `at` picks the object that holds them (the state, or its
 * form), `set` writes a partial view back.
 */
export function storeView<S, V>(
  model: string,
  rows: readonly HashSpec<V>[],
  store: StoreLike<S>,
  at: (s: S) => V,
  set: (view: Partial<V>) => void,
  report: (errors: string[]) => void,
): ViewBinding<V> {
  const field = (s: S, f: keyof V) => at(s)[f];
  const pick = (s: S) => Object.fromEntries(rows.map((r) => [r.field, field(s, r.field)])) as V;
  return {
    model,
    rows,
    read: () => pick(store.getState()),
    apply: set,
    subscribe: (cb) =>
      store.subscribe((s, prev) => {
        if (rows.some((r) => field(s, r.field) !== field(prev, r.field))) cb();
      }),
    report,
  };
}

const strip = (h: string) => (h.startsWith('#') ? h.slice(1) : h);

/**
 * The view a link asks for and a message for each bad value (replaced by its default). `only: 'present'` keeps
 * the fields of absent keys out (a first read, where a stored form keeps what the link omits); else an absent key
 * is its default (a link names the whole view).
 */
export function decodeView<V>(
  rows: readonly HashSpec<V>[],
  hash: string,
  only: 'present' | 'all' = 'all',
): { view: Partial<V>; errors: string[] } {
  const search = new URLSearchParams(strip(hash));
  const all: Record<string, unknown> = {};
  for (const r of rows) all[r.field] = r.def;
  const errors: string[] = [];
  decodeRows(rows, search, all, errors);
  const view: Record<string, unknown> = {};
  for (const r of rows) if (only === 'all' || search.has(r.key)) view[r.field] = all[r.field];
  return { view: view as Partial<V>, errors };
}

/**
 * `hash` with the view's keys set to `view`'s values that differ from the defaults (others removed): a key already
 * there keeps its place, a new one goes after the family's keys, the page keys stay last. Keeping places makes two
 * bindings of one link (the phase view, a simulation panel) agree on it, so their rewrites settle at once.
 */
export function withView<V>(rows: readonly HashSpec<V>[], hash: string, view: V): string {
  const rec = view as Record<string, unknown>;
  const byKey = new Map(rows.map((r) => [r.key, r]));
  const global = new Set<string>(GLOBAL_KEYS);
  const pair = (r: HashSpec<V>) => (rec[r.field] === r.def ? null : `${r.key}=${valueText(rec[r.field])}`);
  const placed = new Set<string>();
  const parts: string[] = [];
  for (const p of strip(hash).split('&')) {
    const key = p.split('=')[0];
    const row = byKey.get(key);
    if (p === '' || global.has(key) || (row && placed.has(key))) continue;
    const text = row ? pair(row) : p;
    if (row) placed.add(key);
    if (text !== null) parts.push(text);
  }
  for (const r of rows) if (!placed.has(r.key)) parts.push(pair(r) ?? '');
  return `#${parts.filter((p) => p !== '').join('&')}${keysSuffix(hash, GLOBAL_KEYS)}`;
}

/**
 * Reads the view from the link now (the keys it carries) and on hashchange/popstate (the whole view), for links of
 * `model` only; writes it into the link (replaceState) when its stores change or the family's hash is rewritten (a
 * tab switch back) while the link is the family's. Returns the stop.
 */
export function bindView<V>(b: ViewBinding<V>): () => void {
  const ours = () => modelOfHash(window.location.hash) === b.model;
  let reading = false;
  const read = (only: 'present' | 'all') => {
    if (!ours()) return;
    const { view, errors } = decodeView(b.rows, window.location.hash, only);
    reading = true;
    b.apply(view);
    reading = false;
    if (errors.length) b.report(errors);
    write();
  };
  // Converges: a rewrite that changes nothing fires no event.
  const write = () => {
    if (!reading && ours()) replaceHash(withView(b.rows, window.location.hash, b.read()));
  };
  const onNavigate = () => read('all');
  read('present');
  const unsub = b.subscribe(write);
  window.addEventListener('hashchange', onNavigate);
  window.addEventListener('popstate', onNavigate);
  window.addEventListener(HASH_WRITTEN_EVENT, write);
  return () => {
    unsub();
    window.removeEventListener('hashchange', onNavigate);
    window.removeEventListener('popstate', onNavigate);
    window.removeEventListener(HASH_WRITTEN_EVENT, write);
  };
}
