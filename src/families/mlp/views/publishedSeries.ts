// The authors' published sets (published.ts) as point series, one style per kind, for the ε(α) and Q(α) plots.
import { COLOURS } from '../../../platform/plots/palette';
import type { Series } from '../../../platform/plots/LinePlot';
import type { PublishedKind, PublishedRow, PublishedSet } from '../published';

/**
 * Algorithms as grey rings, samplers as the HMC points (informative filled, random start rings), the paper's theory
 * as dark-grey dots; a second set of one kind takes the second colour and sits beside the first.
 */
const PUBLISHED_STYLE: Record<PublishedKind, { colours: [string, string]; ring: boolean }> = {
  algorithm: { colours: [COLOURS.paperUniversal, COLOURS.amber], ring: true },
  informative: { colours: [COLOURS.hmcInformative, COLOURS.teal], ring: false },
  uninformative: { colours: [COLOURS.hmcUninformative, COLOURS.rust], ring: true },
  theory: { colours: [COLOURS.grey, COLOURS.grey], ring: false },
};

/** The value a plot shows of a row (null: not in this file). */
type Pick = (r: PublishedRow) => { y: number; err?: number } | null;

export const pickEps: Pick = (r) => ({ y: r.mean, err: r.sd || undefined });
export const pickQ: Pick = (r) => (r.q === undefined ? null : { y: r.q });

/** Point series of the sets that have the value, rows up to alphaMax (ids: `<set id><idSuffix>`). */
export function publishedSeries(sets: readonly PublishedSet[], alphaMax: number, pick: Pick, idSuffix = ''): Series[] {
  const withValue = sets.filter((s) => s.rows.some((r) => pick(r) !== null));
  return withValue.map((set, i) => {
    const k = withValue.slice(0, i).filter((s) => s.kind === set.kind).length;
    const style = PUBLISHED_STYLE[set.kind];
    return {
      mark: 'points',
      id: set.id + idSuffix,
      data: set.rows.flatMap((r) => {
        const v = r.alpha <= alphaMax ? pick(r) : null;
        return v ? [{ x: r.alpha, ...v }] : [];
      }),
      colour: style.colours[Math.min(k, 1)],
      ring: style.ring,
      dx: k === 0 ? 0 : 3,
      label: set.label,
    };
  });
}
