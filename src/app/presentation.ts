// Page-level view state shared by every family: presentation mode (the link option `present=1`), the help
// overlay and the colour theme (a preference kept in localStorage, following prefers-color-scheme until set).
import { create } from 'zustand';
import { HASH_WRITTEN_EVENT } from '../platform/state/hashCodec';

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
  help: boolean;
  theme: Theme;
  setPresent(on: boolean): void;
  setHelp(open: boolean): void;
  setTheme(t: Theme): void;
}

export const useShareUi = create<ShareUiState>()((set) => ({
  present: typeof window === 'undefined' ? false : presentOfHash(window.location.hash),
  help: false,
  theme: initialTheme(),
  setPresent: (on) => {
    // A view option, not a new place: replace the history entry.
    const next = withPresent(window.location.hash, on);
    if (next !== window.location.hash)
      window.history.replaceState(null, '', next || window.location.pathname + window.location.search);
    set({ present: on });
  },
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

/** Follows `present` in hand-edited links, back/forward and the app's own hash writes. */
export function watchPresentHash(): () => void {
  const on = () => {
    const p = presentOfHash(window.location.hash);
    if (p !== useShareUi.getState().present) useShareUi.setState({ present: p });
  };
  for (const ev of ['hashchange', 'popstate', HASH_WRITTEN_EVENT]) window.addEventListener(ev, on);
  return () => {
    for (const ev of ['hashchange', 'popstate', HASH_WRITTEN_EVENT]) window.removeEventListener(ev, on);
  };
}

// Apply the theme before the first render (no light flash for dark-theme users).
if (typeof document !== 'undefined') document.documentElement.dataset.theme = useShareUi.getState().theme;
