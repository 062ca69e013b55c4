// What the Q(v) panel draws and exports (issue 15 §1): the overlap profile at the selected α, one curve per branch
// (equilibrium solid, the others dashed, in the ε plot's branch colours), over the readout density scaled to a
// faint band. Discrete laws: markers at the atoms (Q is defined there only), open where not the equilibrium.
import { readoutDensity, type OverlapProfile, type ProfileBranch } from '../../physics/mlp/profileTypes';
import type { DataTable } from '../../platform/plots/export';
import type { Series } from '../../platform/plots/LinePlot';
import { COLOURS } from '../../platform/plots/palette';

/** The density band's peak on the Q axis: low enough to stay under the curves' usual range. */
export const DENSITY_PEAK = 0.25;

const WORDS: Record<ProfileBranch['name'], string> = {
  universal: 'Q ≡ 0',
  'small-Q': 'small-Q branch',
  'large-Q': 'large-Q branch',
};

export function branchLabel(b: ProfileBranch): string {
  return `${WORDS[b.name]}, ${b.equilibrium ? 'equilibrium' : 'metastable'}`;
}

const colourOf = (b: ProfileBranch) => (b.name === 'universal' ? COLOURS.universal : COLOURS.specialised);

export function profileSeries(pr: OverlapProfile): Series[] {
  const out: Series[] = [];
  if (pr.continuous) {
    const top = Math.max(...pr.density.p);
    out.push({
      mark: 'area',
      id: 'density',
      label: `density of v (peak at ${DENSITY_PEAK})`,
      colour: COLOURS.ghost,
      data: pr.density.v.map((x, i) => ({ x, lo: 0, hi: (DENSITY_PEAK * pr.density.p[i]) / top })),
    });
  }
  // The equilibrium last, on top.
  const ordered = [...pr.branches].sort((a, b) => Number(a.equilibrium) - Number(b.equilibrium));
  for (const b of ordered) {
    const id = `Q-${b.name}`;
    const common = {
      id,
      label: branchLabel(b),
      colour: colourOf(b),
      className: b.equilibrium ? 'profile-eq' : undefined,
    };
    if (pr.continuous)
      out.push({
        ...common,
        mark: 'line',
        data: b.v.map((x, i) => [x, b.Q[i]]),
        dashed: !b.equilibrium,
        weight: b.equilibrium ? 'bold' : 'regular',
      });
    else out.push({ ...common, mark: 'points', data: b.v.map((x, i) => ({ x, y: b.Q[i] })), ring: !b.equilibrium });
  }
  return out;
}

/** The export table: one row per branch and v (the jump at ±v_low: two rows at one v), with P_v there (density
 * of v for continuous laws, the atom's probability for discrete ones). */
export function profileTable(pr: OverlapProfile): DataTable {
  const atoms = new Map(pr.density.v.map((x, i) => [x, pr.density.p[i]]));
  const density = (x: number) =>
    pr.continuous ? readoutDensity(pr.law as 'gauss' | 'unif', x) : (atoms.get(x) ?? null);
  const rows = pr.branches.flatMap((b) => b.v.map((x, i) => [x, b.name, b.equilibrium, b.Q[i], b.Qhat[i], density(x)]));
  return { columns: ['v', 'branch', 'equilibrium', 'Q', 'Qhat', 'density'], rows };
}
