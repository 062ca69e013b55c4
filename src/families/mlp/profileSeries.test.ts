// The Q(v) panel's series and export table from a profile (physics in src/physics/mlp/profile.test.ts).
import { describe, expect, it } from 'vitest';
import { readoutDensity, type OverlapProfile, type ProfileBranch } from '../../physics/mlp/profileTypes';
import { COLOURS } from '../../platform/plots/palette';
import { DENSITY_PEAK, profileSeries, profileTable } from './profileSeries';

const branch = (name: ProfileBranch['name'], equilibrium: boolean, v: number[], Q: number[]): ProfileBranch => ({
  name,
  equilibrium,
  f: 0,
  converged: true,
  uLow: 1,
  v,
  Q,
  Qhat: Q.map((q) => q / (1 - q)),
});

// A gauss profile on five v with the jump at ±v_low = ±1 (two rows each).
const v = [-2, -1, -1, 0, 1, 1, 2];
const gauss: OverlapProfile = {
  alpha: 0.5,
  law: 'gauss',
  continuous: true,
  density: { v: [-2, -1, 0, 1, 2], p: [-2, -1, 0, 1, 2].map((x) => readoutDensity('gauss', x)) },
  branches: [
    branch(
      'universal',
      false,
      v,
      v.map(() => 0),
    ),
    branch('large-Q', true, v, [0.8, 0.3, 0, 0, 0, 0.3, 0.8]),
    branch('small-Q', false, v, [0.79, 0, 0, 0, 0, 0, 0.79]),
  ],
};

describe('profileSeries', () => {
  it('continuous law: the density band scaled to its peak, then the branches, the equilibrium solid and last', () => {
    const s = profileSeries(gauss);
    expect(s.map((x) => x.id)).toEqual(['density', 'Q-universal', 'Q-small-Q', 'Q-large-Q']);
    const band = s[0];
    if (band.mark !== 'area') throw new Error('the density is a band');
    expect(Math.max(...band.data.map((d) => d.hi))).toBe(DENSITY_PEAK);
    expect(band.data.every((d) => d.lo === 0)).toBe(true);
    const eq = s[3];
    expect(eq).toMatchObject({ mark: 'line', dashed: false, weight: 'bold', colour: COLOURS.specialised });
    expect(eq.label).toBe('large-Q branch, equilibrium');
    expect(s[1]).toMatchObject({ dashed: true, colour: COLOURS.universal, label: 'Q ≡ 0, metastable' });
    expect(s[2]).toMatchObject({ dashed: true, colour: COLOURS.specialised, label: 'small-Q branch, metastable' });
    // The jump at v_low is drawn vertical: two points at one v.
    if (eq.mark !== 'line') throw new Error('a line');
    expect(eq.data.filter((p) => p?.[0] === 1)).toEqual([
      [1, 0],
      [1, 0.3],
    ]);
  });

  it('discrete law: markers at the atoms, open where metastable, no density band', () => {
    const atoms = [-1.34, -0.45, 0.45, 1.34];
    const s = profileSeries({
      alpha: 2,
      law: '4point',
      continuous: false,
      density: { v: atoms, p: [0.25, 0.25, 0.25, 0.25] },
      branches: [branch('universal', false, atoms, [0, 0, 0, 0]), branch('large-Q', true, atoms, [0.77, 0, 0, 0.77])],
    });
    expect(s.map((x) => [x.mark, x.id, x.mark === 'points' && x.ring])).toEqual([
      ['points', 'Q-universal', true],
      ['points', 'Q-large-Q', false],
    ]);
  });
});

describe('profileTable', () => {
  it('one row per branch and v, with the density of v on every row', () => {
    const t = profileTable(gauss);
    expect(t.columns).toEqual(['v', 'branch', 'equilibrium', 'Q', 'Qhat', 'density']);
    expect(t.rows.length).toBe(3 * v.length);
    expect(t.rows[8]).toEqual([-1, 'large-Q', true, 0.3, 0.3 / 0.7, readoutDensity('gauss', -1)]);
    expect(t.rows.filter((r) => r[1] === 'small-Q')).toHaveLength(v.length);
  });
});
