import { describe, expect, it } from 'vitest';
import { sliderNeighbours } from './sliderNeighbours';

describe('sliderNeighbours', () => {
  const range = { min: 0.1, max: 2, step: 0.01 };
  it('is one step on in the direction of the last move, then one step back, on the slider grid', () => {
    expect(sliderNeighbours(0.51, 0.5, range)).toEqual([0.52, 0.5]);
    expect(sliderNeighbours(0.49, 0.5, range)).toEqual([0.48, 0.5]);
    expect(sliderNeighbours(0.7, 0.5, range)).toEqual([0.71, 0.69]);
  });
  it('stays inside the slider range and is empty when the value did not move', () => {
    expect(sliderNeighbours(2, 1.99, range)).toEqual([1.99]);
    expect(sliderNeighbours(0.1, 0.11, range)).toEqual([0.11]);
    expect(sliderNeighbours(0.5, 0.5, range)).toEqual([]);
    expect(sliderNeighbours(0.5, null, range)).toEqual([]);
  });
});
