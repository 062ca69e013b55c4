// Page-level view state shared by every family: presentation mode (the link option `present=1`), the help
// overlay and the colour theme (a preference kept in localStorage, following prefers-color-scheme until set).
import { create } from 'zustand';
import { HASH_WRITTEN_EVENT } from '../platform/state/hashCodec';
import { flagsOfHash, withList, type HideTarget, type OpenTarget } from './viewFlags';

export type Theme = 'light' | 'dark';

const strip = (h: string) => (h.startsWith('#') ? h.slice(1) : h);
export const presentOfHash = (hash: string) => new URLSearchParams(strip(hash)).get('present') === '1';

/** The hash with `present=1` added or removed, other keys untouched and in order. */
export function withPresent(hash: string, on: boolean): string {
  const parts = strip(hash)
    .split('&')
    .filter((p) => p !== '' && !p.startsWith('present='));
  if (on) parts.push('present=1');
  return parts.length ? `#${parts.join('&')}` : '';
}

const THEME_KEY = 'explorer-theme';

function initialTheme(): Theme {
  if (typeof window === 'undefined') return 'light';
  try {
    const stored = window.localStorage.getItem(THEME_KEY);
    if (stored === 'light' || stored === 'dark') return stored;
  } catch {
    /* storage blocked: follow the system */
  }
  return window.matchMedia?.('(prefers-color-scheme: dark)').matches ? 'dark' : 'light';
}

interface ShareUiState {
  present: boolean;
  /** The link's `hide=` and `open=` flags (./viewFlags.ts) and its messages about unknown names. */
  hide: HideTarget[];
  open: OpenTarget[];
  flagErrors: string[];
  help: boolean;
  theme: Theme;
  setPresent(on: boolean): void;
  /** Opens or closes a panel (the link's `open=` follows). */
  setOpen(target: OpenTarget, on: boolean): void;
  dismissFlagErrors(): void;
  setHelp(open: boolean): void;
  setTheme(t: Theme): void;
}

const initialFlags = typeof window === 'undefined' ? null : flagsOfHash(window.location.hash);

/** Rewrites the hash as a view option (no new history entry). */
function replaceView(next: string): void {
  if (next !== window.location.hash)
    window.history.replaceState(null, '', next || window.location.pathname + window.location.search);
}

export const useShareUi = create<ShareUiState>()((set, get) => ({
  present: typeof window === 'undefined' ? false : presentOfHash(window.location.hash),
  hide: initialFlags?.hide ?? [],
  open: initialFlags?.open ?? [],
  flagErrors: initialFlags?.errors ?? [],
  help: false,
  theme: initialTheme(),
  setPresent: (on) => {
    // A view option, not a new place: replace the history entry.
    replaceView(withPresent(window.location.hash, on));
    set({ present: on });
  },
  setOpen: (target, on) => {
    const open = get().open.filter((t) => t !== target);
    if (on) open.push(target);
    replaceView(withList(window.location.hash, 'open', open));
    set({ open });
  },
  dismissFlagErrors: () => set({ flagErrors: [] }),
  setHelp: (help) => set({ help }),
  setTheme: (theme) => {
    try {
      window.localStorage.setItem(THEME_KEY, theme);
    } catch {
      /* not persisted */
    }
    set({ theme });
  },
}));

const sameList = (a: readonly string[], b: readonly string[]) => a.join() === b.join();

/** Follows `present`, `hide` and `open` in hand-edited links, back/forward and the app's own hash writes. */
export function watchPresentHash(): () => void {
  const on = () => {
    const s = useShareUi.getState();
    const p = presentOfHash(window.location.hash);
    if (p !== s.present) useShareUi.setState({ present: p });
    const f = flagsOfHash(window.location.hash);
    if (!sameList(f.hide, s.hide) || !sameList(f.open, s.open)) useShareUi.setState({ hide: f.hide, open: f.open });
    if (f.errors.length && !sameList(f.errors, s.flagErrors)) useShareUi.setState({ flagErrors: f.errors });
  };
  for (const ev of ['hashchange', 'popstate', HASH_WRITTEN_EVENT]) window.addEventListener(ev, on);
  return () => {
    for (const ev of ['hashchange', 'popstate', HASH_WRITTEN_EVENT]) window.removeEventListener(ev, on);
  };
}

// Apply the theme before the first render (no light flash for dark-theme users).
if (typeof document !== 'undefined') document.documentElement.dataset.theme = useShareUi.getState().theme;
