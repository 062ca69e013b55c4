// What a simulation panel keeps across a reload (issue 21): its form and its finished runs (the points on the ε(α)
// plot) in local storage, read back when the panel opens; and a warning before leaving while a run or a sweep is
// going. Stored values are checked field by field: a stale or edited entry is dropped, never trusted.
import type { FinishedRun, RunSlice, SimFormCommon } from './runSlice';

/** Finished runs kept per panel (a sweep has at most 200). */
export const KEPT_RUNS = 1000;

interface KeptStore<Form extends SimFormCommon> {
  getState(): RunSlice<unknown, Form>;
  subscribe(listener: (s: RunSlice<unknown, Form>, prev: RunSlice<unknown, Form>) => void): () => void;
}

const isNumber = (x: unknown): x is number => typeof x === 'number' && Number.isFinite(x);

function isFinishedRun(x: unknown): x is FinishedRun {
  if (typeof x !== 'object' || x === null) return false;
  const r = x as Record<string, unknown>;
  return (
    typeof r.key === 'string' &&
    typeof r.algo === 'string' &&
    typeof r.init === 'string' &&
    [r.alpha, r.d, r.seed, r.eps].every(isNumber)
  );
}

/** The stored form fields that have the type of the current form's (others stay as they are). */
function restoreForm<Form extends SimFormCommon>(store: KeptStore<Form>, saved: unknown): void {
  if (typeof saved !== 'object' || saved === null) return;
  const s = store.getState();
  for (const [k, v] of Object.entries(saved)) {
    const key = k as keyof Form;
    const cur = s.form[key];
    if (key in s.form && typeof v === typeof cur && (typeof v !== 'number' || Number.isFinite(v)))
      s.setForm(key, v as Form[keyof Form]);
  }
}

/**
 * Restores the panel from `storage` under `key`, then saves its form and finished runs on every change; while a
 * run or a sweep is going, leaving the page asks first. Returns the function that stops both.
 */
export function keepSim<Form extends SimFormCommon>(
  store: KeptStore<Form>,
  key: string,
  storage: Pick<Storage, 'getItem' | 'setItem'> | undefined = globalThis.localStorage,
  target: Pick<EventTarget, 'addEventListener' | 'removeEventListener'> = window,
): () => void {
  const item = `sim:${key}`;
  if (storage) {
    try {
      const saved = JSON.parse(storage.getItem(item) ?? 'null') as { form?: unknown; finished?: unknown } | null;
      if (saved) {
        restoreForm(store, saved.form);
        const have = store.getState().finished.length;
        if (Array.isArray(saved.finished) && have === 0)
          saved.finished.filter(isFinishedRun).slice(-KEPT_RUNS).forEach(store.getState().addFinished);
      }
    } catch {
      // A corrupt entry is dropped: it is rewritten on the next change.
    }
  }
  const unsub = store.subscribe((s, prev) => {
    if (!storage || (s.form === prev.form && s.finished === prev.finished)) return;
    try {
      storage.setItem(item, JSON.stringify({ form: s.form, finished: s.finished.slice(-KEPT_RUNS) }));
    } catch {
      // Storage full or blocked (private mode): the panel works on without keeping.
    }
  });
  const onLeave = (e: Event) => {
    const s = store.getState();
    if (s.status === 'running' || s.status === 'starting' || s.sweep.running) e.preventDefault(); // the browser asks
  };
  target.addEventListener('beforeunload', onLeave);
  return () => {
    unsub();
    target.removeEventListener('beforeunload', onLeave);
  };
}
