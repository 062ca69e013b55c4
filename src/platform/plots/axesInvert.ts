// Reads a plot's x scale back from its drawn axis (the tick marks of platform/plots/Axes.tsx carry their value as text and
// sit at their screen position), so hover read-outs work for any plot without access to its d3 scale.

export interface TickPos {
  /** Screen coordinate of the tick (client pixels). */
  px: number;
  value: number;
}

const SUPERSCRIPT = '⁰¹²³⁴⁵⁶⁷⁸⁹';

/** Parses tick labels as Axes writes them ("0.5", "−2", "1e−3", log axes' "10⁻²" and "2·10³" → numbers). */
export function parseTick(text: string): number {
  const t = text.replace(/\u2212/g, '-');
  const pow = /^(?:([\d.]+)·)?10([⁻]?[⁰¹²³⁴⁵⁶⁷⁸⁹]+)$/.exec(t.trim());
  if (pow) {
    const k = Number(pow[2].replace('⁻', '-').replace(/[⁰¹²³⁴⁵⁶⁷⁸⁹]/g, (c) => String(SUPERSCRIPT.indexOf(c))));
    return Number(pow[1] ?? 1) * 10 ** k;
  }
  return Number(t.replace(/[^\d.eE+-]/g, ''));
}

/** The linear map px → value through the outermost ticks, or null when fewer than two ticks are readable. */
export function invertFromTicks(ticks: TickPos[]): ((px: number) => number) | null {
  const ok = ticks.filter((t) => Number.isFinite(t.px) && Number.isFinite(t.value)).sort((a, b) => a.px - b.px);
  if (ok.length < 2) return null;
  const a = ok[0];
  const b = ok[ok.length - 1];
  if (b.px === a.px) return null;
  const slope = (b.value - a.value) / (b.px - a.px);
  return (px) => a.value + (px - a.px) * slope;
}

/** The x-axis ticks of an SVG drawn with platform/plots/Axes.tsx, in client pixels. */
export function xTicksOf(svg: SVGSVGElement): TickPos[] {
  return Array.from(svg.querySelectorAll<SVGGElement>('.axis-x > g')).map((g) => {
    const r = (g.querySelector('line') ?? g).getBoundingClientRect();
    return { px: r.left + r.width / 2, value: parseTick(g.querySelector('text')?.textContent ?? '') };
  });
}

/** Index of the row whose first column (the x value) is nearest to x; rows sorted by x. */
export function nearestRow(xs: ArrayLike<number>, x: number): number {
  if (xs.length === 0) return -1;
  let lo = 0;
  let hi = xs.length - 1;
  while (hi - lo > 1) {
    const mid = (lo + hi) >> 1;
    if (xs[mid] <= x) lo = mid;
    else hi = mid;
  }
  return Math.abs(xs[lo] - x) <= Math.abs(xs[hi] - x) ? lo : hi;
}
