// The Nishimori fields a trace row keeps of a step (src/sim/nishimori.ts): the latest pair's value, the mean over
// kept samples and its standard error; NaN when the run has no second chain.
import type { SimProgress } from '../../sim/simulation';

export interface NishimoriRow {
  step: number;
  nishimoriStep: number;
  nishimori: number;
  nishimoriSe: number;
}

export function nishimoriFields(p: SimProgress): Omit<NishimoriRow, 'step'> {
  const n = p.nishimori;
  return { nishimoriStep: n?.latest ?? NaN, nishimori: n?.value ?? NaN, nishimoriSe: n?.se ?? NaN };
}

/** The verdict a panel prints: N within 3 standard errors of 0, or not (null before there is an error bar). */
export function nishimoriVerdict(
  row: Pick<NishimoriRow, 'nishimori' | 'nishimoriSe'>,
): 'consistent' | 'violated' | null {
  if (!Number.isFinite(row.nishimori) || !Number.isFinite(row.nishimoriSe)) return null;
  return Math.abs(row.nishimori) <= 3 * row.nishimoriSe ? 'consistent' : 'violated';
}
