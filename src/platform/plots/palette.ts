// One palette for every plot of every tab; no other file writes a colour. The MLP's ε-plot series follow Okabe &
// Ito's colour-blind-safe set (blue, vermilion, bluish green, reddish purple); palette.test.ts checks that the series
// drawn side by side stay distinct under simulated protan/deutan/tritan vision and keep 3:1 contrast on white.
// Drawn as SVG attributes; the dark theme re-maps the near-black and greys in app/styles.css (keep them lower case).
export const COLOURS = {
  // Roles of the ε(α) plots.
  equilibrium: '#111827',
  universal: '#0072B2',
  specialised: '#D55E00',
  paperUniversal: '#9ca3af',
  hmcInformative: '#009E73',
  hmcUninformative: '#CC79A7',
  transition: '#6b7280',
  selection: '#7c3aed',
  ghost: '#d1d5db',
  // Hues of the other series (Tailwind 600–700 shades, readable on white).
  blue: '#2563eb',
  amber: '#d97706',
  green: '#047857',
  pink: '#be185d',
  rose: '#db2777',
  violet: '#7c3aed',
  teal: '#0e7490',
  lime: '#65a30d',
  red: '#dc2626',
  rust: '#9a3412',
  orange: '#c2410c',
  // Neutrals and fills.
  grey: '#6b7280',
  lightGrey: '#9ca3af',
  slate: '#94a3b8',
  hard: '#f59e0b',
  blueBand: 'rgba(37, 99, 235, 0.16)',
} as const;

/** Categorical series colours in order (overlap matrices, per-readout traces). */
export const SERIES_HUES: readonly string[] = [
  COLOURS.blue,
  COLOURS.rose,
  COLOURS.green,
  COLOURS.amber,
  COLOURS.violet,
  COLOURS.teal,
  COLOURS.lime,
  COLOURS.red,
];

/** An ordered blue ramp (light → dark) for one quantity at increasing values of a parameter (|v| groups). */
export const BLUE_RAMP: readonly string[] = ['#7fb8d8', '#4a90c2', '#2166ac', '#163f7a', '#0b1f4d'];

/** The phase diagram's four states: uninformed, universal, specialised (metastable), specialised (equilibrium). */
export const STATE_COLOURS = ['#eef0f3', '#a9c8f5', '#f7b577', '#d9622b'] as const;
/** The same states on the dark theme: the uninformed state close to the dark page, the others in the same hues. */
export const STATE_COLOURS_DARK = ['#232a36', '#3f6ea6', '#9a5f2a', '#f39a5b'] as const;
export type Theme = 'light' | 'dark';
/** The phase states' colours on a theme (the dark page would show the light palette's state 0 as a white block). */
export const stateColours = (theme: Theme): readonly string[] =>
  theme === 'dark' ? STATE_COLOURS_DARK : STATE_COLOURS;

/** The spiked matrix–tensor diagram's regions, translucent fills (labels say which is which). */
export const MATRIX_TENSOR_REGIONS = {
  impossible: 'rgba(220, 38, 38, 0.18)',
  hardAmp: 'rgba(245, 158, 11, 0.26)',
  hardLangevin: 'rgba(219, 39, 119, 0.10)',
  hardGf: 'rgba(234, 179, 8, 0.12)',
  spurious: 'rgba(4, 120, 87, 0.10)',
  trivial: 'rgba(37, 99, 235, 0.12)',
} as const;
