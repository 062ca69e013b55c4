// Page-level view flags of a link, after TensorFlow Playground's hide flags: `hide=` lists panels and controls a
// slide does not show, `open=` the panels it opens (the explainer) or shows where presentation mode hides them
// (the simulation panel, the notes). Names are checked: an unknown one is named in the banner and ignored.

/** What `hide=` can name, and the elements it hides (every tab's, where the tab has one). */
export const HIDE_TARGETS = {
  controls: '.panel.controls',
  activation: '.panel.activation',
  readout: '.panel.readout',
  notes: '.notes',
  eps: '[data-testid="plot-eps"]',
  overlaps: '[data-testid="plot-overlaps"]',
  phase: '[data-testid="plot-phase"]',
  sim: '.sim-panel:not([data-testid="hard-panel"])',
  hardness: '[data-testid="hard-panel"]',
  presets: '[data-testid="preset-menu"]',
  caption: '[data-testid="preset-caption"]',
  tabs: '.family-tabs',
  blurb: '.masthead .blurb',
  explain: '[data-testid="explain"]',
  footer: '.app > footer',
} as const;
export type HideTarget = keyof typeof HIDE_TARGETS;

/** What `open=` can name: the explainer opens; the others show in presentation mode, which hides them (the
 *  control column of the classic tabs, present.css). */
export const OPEN_TARGETS = ['explain', 'sim', 'notes', 'controls'] as const;
export type OpenTarget = (typeof OPEN_TARGETS)[number];

export interface ViewFlags {
  hide: HideTarget[];
  open: OpenTarget[];
  errors: string[];
}

const strip = (h: string) => (h.startsWith('#') ? h.slice(1) : h);

function listOf<T extends string>(key: string, raw: string | null, known: readonly T[], errors: string[]): T[] {
  if (raw === null) return [];
  const out: T[] = [];
  for (const name of raw.split(',').map((x) => x.trim())) {
    if (name === '') continue;
    if ((known as readonly string[]).includes(name)) {
      if (!out.includes(name as T)) out.push(name as T);
    } else errors.push(`URL parameter "${key}" names "${name.slice(0, 40)}", not one of ${known.join(', ')}; ignored.`);
  }
  return out;
}

/** The flags of a hash, with a message for each unknown name. */
export function flagsOfHash(hash: string): ViewFlags {
  const search = new URLSearchParams(strip(hash));
  const errors: string[] = [];
  const hide = listOf('hide', search.get('hide'), Object.keys(HIDE_TARGETS) as HideTarget[], errors);
  const open = listOf('open', search.get('open'), OPEN_TARGETS, errors);
  return { hide, open, errors };
}

/** The hash with `key` set to `names` (removed when empty), other keys untouched and in order. */
export function withList(hash: string, key: 'hide' | 'open', names: readonly string[]): string {
  const parts = strip(hash)
    .split('&')
    .filter((p) => p !== '' && p.split('=')[0] !== key);
  if (names.length) parts.push(`${key}=${names.join(',')}`);
  return parts.length ? `#${parts.join('&')}` : '';
}

/** The style sheet that hides `hide`'s targets. */
export function hideCss(hide: readonly HideTarget[]): string {
  return hide.map((t) => `${HIDE_TARGETS[t]} { display: none !important; }`).join('\n');
}
