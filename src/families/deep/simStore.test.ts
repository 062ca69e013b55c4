import { describe, expect, it } from 'vitest';
import { MAX_DEPTH } from '../../sim/simulation';
import { DEEP_SIM_DEPTHS } from './simStore';

describe('deep simulation form', () => {
  it('offers every depth the simulation accepts, 1 … MAX_DEPTH', () => {
    expect(DEEP_SIM_DEPTHS).toEqual(Array.from({ length: MAX_DEPTH }, (_, i) => i + 1));
  });
});
