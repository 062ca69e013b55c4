// One palette for every plot. Series colours follow Okabe & Ito's colour-blind-safe set (blue, vermilion, bluish
// green, reddish purple); colours.test.ts checks they stay distinct under simulated protan/deutan/tritan vision.
// Drawn as SVG attributes; the dark theme re-maps the near-black and greys in app/styles.css.
export const COLOURS = {
  equilibrium: '#111827',
  universal: '#0072B2',
  specialised: '#D55E00',
  paperUniversal: '#9ca3af',
  hmcInformative: '#009E73',
  hmcUninformative: '#CC79A7',
  transition: '#6b7280',
  selection: '#7c3aed',
  ghost: '#d1d5db',
} as const;
