// The readout table lists one onset for a continuous transition and the spinodals only for a first-order one.
import { describe, expect, it } from 'vitest';
import type { TransitionResult } from '../../../physics/mlp/shallowModel';
import { alphaSpText, spinodalsText } from './transitionText';

// ReLU, Δ = 0.1, γ = 0.5, v = 1: the page's two searches gave 0.6323 and 0.6321 for the one onset (issue 20).
const continuous: TransitionResult = {
  alphaSp: 0.6321,
  alphaOnset: 0.6321,
  spinodalSpec: 0.6323,
  spinodalUni: 0.6321,
  order: 'continuous',
  onset: 0.6321,
  jumps: [],
  alphaMax: 16,
  converged: true,
};

describe('transition rows', () => {
  it('a continuous transition: α_sp is the one onset, no spinodal row', () => {
    expect(alphaSpText(continuous)).toBe('0.6321 (continuous: the one onset, where Q = 0 loses stability)');
    expect(spinodalsText(continuous)).toBeNull();
  });

  it('a first-order transition keeps its spinodals', () => {
    const first = {
      ...continuous,
      alphaSp: 1.4866,
      spinodalSpec: 1.452,
      spinodalUni: 1.518,
      order: 'first-order' as const,
    };
    expect(alphaSpText(first)).toBe('1.487 (first-order)');
    expect(spinodalsText(first)).toBe('Q ≠ 0 branch from α ≈ 1.452; Q = 0 unstable from α ≈ 1.518');
  });
});
