// The GLM tab's series (pure): ε or q on the uninformed (AMP) and informed state-evolution branches, split at the
// transition α_IT (platform/plots/splitAt.ts): each branch solid where it is the equilibrium, dashed where it is
// metastable, and a vertical segment at α_IT where the equilibrium jumps; no sloped segment across a jump.
import type { GlmBranch, GlmPoint } from '../../../physics/classic/glm';
import type { Series } from '../../../platform/plots/lineGeometry';
import { COLOURS } from '../../../platform/plots/palette';
import { splitAt } from '../../../platform/plots/splitAt';

export const GLM_COLOURS = { unf: COLOURS.blue, inf: COLOURS.amber, gamp: COLOURS.green };

export function branchSeries(
  unsorted: readonly GlmPoint[],
  alphaIT: number | null | undefined,
  val: (b: GlmBranch) => number,
): Series[] {
  const points = [...unsorted].sort((a, b) => a.alpha - b.alpha);
  // Without α_IT (ReLU: not searched) the first point where the informed branch wins.
  const alphaT =
    alphaIT ?? points.find((p) => p.coexist && p.equilibrium === 'informed')?.alpha ?? Number.POSITIVE_INFINITY;
  // Each branch where it is its own: the informed one where the two differ or beyond α_T, the uninformed one where
  // they differ or below α_T (past its spinodal α_AMP it has merged into the informed one).
  const uninformed = (p: GlmPoint) => (p.coexist || p.alpha <= alphaT ? val(p.uninformed) : null);
  const informed = (p: GlmPoint) => (p.coexist || p.alpha >= alphaT ? val(p.informed) : null);
  const s = splitAt(points, alphaT, uninformed, informed);
  const C = GLM_COLOURS;
  return [
    {
      mark: 'line',
      id: 'uninformed-metastable',
      data: s.lowerAfter,
      colour: C.unf,
      dashed: true,
      label: 'uninformed (AMP), metastable',
    },
    {
      mark: 'line',
      id: 'informed-metastable',
      data: s.upperBefore,
      colour: C.inf,
      dashed: true,
      label: 'informed, metastable',
    },
    {
      mark: 'line',
      id: 'uninformed',
      data: s.before,
      colour: C.unf,
      weight: 'bold',
      label: 'uninformed (AMP), equilibrium',
    },
    {
      mark: 'line',
      id: 'informed',
      data: s.after,
      colour: C.inf,
      weight: 'bold',
      label: 'informed, equilibrium',
    },
  ];
}
