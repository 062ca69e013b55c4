import { describe, expect, it } from 'vitest';
import { MAX_DEPTH } from '../../sim/simulation';
import { decodeView } from '../../platform/state/viewLink';
import { deepCodec, DEEP_SIM_VIEW_TABLE } from './params';
import { DEEP_SIM_DEPTHS, DEEP_SIM_DS, DEEP_SIM_FORM } from './simStore';

describe('deep simulation form', () => {
  it('offers every depth the simulation accepts, 1 … MAX_DEPTH', () => {
    expect(DEEP_SIM_DEPTHS).toEqual(Array.from({ length: MAX_DEPTH }, (_, i) => i + 1));
  });
});

describe('the deep simulation settings in the link', () => {
  it('are read with the choices of the panel, and the deep codec accepts their keys', () => {
    const hash = '#model=deep&v=1&deep-sim-depth=3&deep-sim-start=informative&deep-sim-d=30&deep-sim-steps=80';
    expect(deepCodec.decode(hash).errors).toEqual([]);
    expect(decodeView(DEEP_SIM_VIEW_TABLE, hash, 'present')).toEqual({
      view: { depth: 3, start: 'informative', d: 30, steps: 80 },
      errors: [],
    });
    expect(decodeView(DEEP_SIM_VIEW_TABLE, '#model=deep&deep-sim-d=25', 'present')).toEqual({
      view: { d: DEEP_SIM_FORM.d },
      errors: [
        `URL parameter "deep-sim-d" = 25 is not one of ${DEEP_SIM_DS.join(', ')}; using the default ${DEEP_SIM_FORM.d}.`,
      ],
    });
  });
});
