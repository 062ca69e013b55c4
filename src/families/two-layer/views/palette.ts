// Colours of the two-layer family's plots.
export const TL = {
  rf: '#2563eb',
  krr: '#7c3aed',
  floor: '#dc2626',
  peak: '#6b7280',
  marker: '#111827',
  sim: '#d97706',
  ell: ['#2563eb', '#059669', '#d97706'] as readonly string[],
  band: 'rgba(37, 99, 235, 0.16)',
  ode: '#111827',
  spike: '#dc2626',
  bulk: '#94a3b8',
  slope: '#9ca3af',
} as const;
