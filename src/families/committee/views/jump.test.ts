import { describe, expect, it } from 'vitest';
import type { CommitteePoint } from '../../../physics/classic/committee';
import { jumpAt } from './jump';

// Fake points: non-specialised ε = 0.3 − 0.01α everywhere, specialised ε = 0.1 from α = 2 on.
const pts = [1, 2, 3, 4].map(
  (alpha) =>
    ({
      alpha,
      nonSpecialised: { eps: 0.3 - 0.01 * alpha },
      specialised: alpha >= 2 ? { eps: 0.1 } : null,
      equilibrium: alpha >= 3 ? 'specialised' : 'nonSpecialised',
    }) as unknown as CommitteePoint,
);
const lower = (p: CommitteePoint) => p.nonSpecialised.eps;
const upper = (p: CommitteePoint) => p.specialised?.eps ?? null;
const close = (line: ([number, number] | null)[], want: [number, number][]) => {
  expect(line.length).toBe(want.length);
  line.forEach((pt, i) => {
    expect(pt![0]).toBeCloseTo(want[i][0], 12);
    expect(pt![1]).toBeCloseTo(want[i][1], 12);
  });
};
const eq = (p: CommitteePoint) => (p.equilibrium === 'specialised' ? p.specialised!.eps : p.nonSpecialised.eps);

describe('jumpAt', () => {
  it('a first-order transition at α_J: the lower branch up to α_J, a vertical segment, then the upper one', () => {
    close(jumpAt(pts, 2.5, lower, upper, eq), [
      [1, 0.29],
      [2, 0.28],
      [2.5, 0.275],
      [2.5, 0.1],
      [3, 0.1],
      [4, 0.1],
    ]);
  });

  it('no transition (a continuous one): the equilibrium as it is, no gap', () => {
    close(jumpAt(pts, null, lower, upper, eq), [
      [1, 0.29],
      [2, 0.28],
      [3, 0.1],
      [4, 0.1],
    ]);
  });
});
