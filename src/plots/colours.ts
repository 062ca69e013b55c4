// One palette for every plot (light theme).
export const COLOURS = {
  equilibrium: '#111827',
  universal: '#2563eb',
  specialised: '#d97706',
  paperUniversal: '#9ca3af',
  hmcInformative: '#047857',
  hmcUninformative: '#be185d',
  transition: '#6b7280',
  selection: '#7c3aed',
  ghost: '#d1d5db',
} as const;
