// One colour per algorithm (and start), shared by the live plots and the ε(α) points.
import { COLOURS } from '../../plots/palette';
import type { Algorithm, Init } from '../../../sim/simulation';

export function simColour(algo: Algorithm, init: Init): string {
  if (algo === 'hmc') return init === 'informative' ? COLOURS.hmcInformative : COLOURS.hmcUninformative;
  if (algo === 'adam') return '#0e7490';
  return '#9a3412'; // GAMP-RIE
}

export function simLabel(algo: Algorithm, init: Init): string {
  if (algo === 'gamp') return 'GAMP-RIE';
  return `${algo === 'hmc' ? 'HMC' : 'ADAM'}, ${init}`;
}

export const Q_COLOURS = ['#047857', '#2563eb', '#d97706', '#be185d', '#7c3aed', '#0e7490'];
