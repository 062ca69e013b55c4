// One colour per algorithm (and start), shared by the live plots and the ε(α) points; colours from the palette.
import { COLOURS } from '../../plots/palette';
import type { Algorithm, Init } from '../../../sim/simulation';

export function simColour(algo: Algorithm, init: Init): string {
  if (algo === 'hmc') return init === 'informative' ? COLOURS.hmcInformative : COLOURS.hmcUninformative;
  if (algo === 'adam') return COLOURS.teal;
  return COLOURS.rust; // GAMP-RIE
}

export function simLabel(algo: Algorithm, init: Init): string {
  if (algo === 'gamp') return 'GAMP-RIE';
  return `${algo === 'hmc' ? 'HMC' : 'ADAM'}, ${init}`;
}

/** Colours of the overlaps Q(v), one per readout value. */
export const Q_COLOURS: readonly string[] = [
  COLOURS.green,
  COLOURS.blue,
  COLOURS.amber,
  COLOURS.pink,
  COLOURS.violet,
  COLOURS.teal,
];
