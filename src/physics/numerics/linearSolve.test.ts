import { describe, expect, it } from 'vitest';
import { solveLinear } from './linearSolve';

describe('solveLinear', () => {
  it('solves a system that needs pivoting, to rounding', () => {
    const A = [
      [0, 2, 1],
      [1, 1, 1],
      [4, -1, 3],
    ];
    const x = [1.5, -2, 0.25];
    const b = A.map((r) => r.reduce((s, a, j) => s + a * x[j], 0));
    const got = solveLinear(A, b)!;
    for (let i = 0; i < 3; i++) expect(got[i]).toBeCloseTo(x[i], 14);
  });
  it('reports a singular matrix as null, and the empty system as []', () => {
    expect(
      solveLinear(
        [
          [1, 2],
          [2, 4],
        ],
        [1, 2],
      ),
    ).toBeNull();
    expect(solveLinear([], [])).toEqual([]);
  });
});
