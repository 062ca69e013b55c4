// The deep tab at depth L ≥ 3 (any-depth theory, arXiv 2510.24616; docs/physics/mlp-any-depth.md): ε against α or
// α/L for the shown depth and, compared, L = 1 … 5 — the equilibrium with its vertical jump at α_e, the specialised
// branch dashed where metastable — the authors' d = 50 HMC points in their setting; the per-layer overlaps on a
// 1 − q_l log axis; α_sp/L and α_e/L against L.
import { memo, useEffect, useMemo, useState } from 'react';
import type { Polyline } from '../../../platform/plots/branches';
import { LinePlot, type Series } from '../../../platform/plots/LinePlot';
import { COLOURS, SERIES_HUES } from '../../../platform/plots/palette';
import type { AnyDepthCurve } from '../anyDepthProtocol';
import { isHmcSetting, loadHmcDeep, type HmcDeepPoint } from '../hmcDeep';
import { useDeep } from '../store';

const hue = (L: number) => SERIES_HUES[(L - 1) % SERIES_HUES.length];

/** Equilibrium ε with the jump drawn vertically at α_e; the specialised branch where it is metastable. */
export function epsParts(c: AnyDepthCurve, scale: number): { eq: Polyline; meta: Polyline } {
  const eq: Polyline = [];
  const meta: Polyline = [];
  let jumped = false;
  c.alphas.forEach((a, i) => {
    if (!jumped && c.equilibriumSpec[i] && c.alphaE !== null && c.epsE !== null) {
      eq.push([c.alphaE / scale, 1], [c.alphaE / scale, c.epsE]);
      meta.push([c.alphaE / scale, c.epsE]);
      jumped = true;
    }
    eq.push([a / scale, c.eqEps[i]]);
    const s = c.specEps[i];
    meta.push(s !== null && !c.equilibriumSpec[i] ? [a / scale, s] : null);
  });
  // The metastable part ends at α_e: continue it to the jump.
  let lastMeta = meta.length - 1;
  while (lastMeta >= 0 && meta[lastMeta] === null) lastMeta--;
  if (lastMeta >= 0 && c.alphaE !== null && c.epsE !== null) meta.splice(lastMeta + 1, 0, [c.alphaE / scale, c.epsE]);
  return { eq, meta };
}

function useHmc(): Record<number, HmcDeepPoint[]> | null {
  const [hmc, setHmc] = useState<Record<number, HmcDeepPoint[]> | null>(null);
  useEffect(() => {
    let live = true;
    loadHmcDeep(import.meta.env.BASE_URL).then(
      (h) => live && setHmc(h),
      () => live && setHmc(null),
    );
    return () => {
      live = false;
    };
  }, []);
  return hmc;
}

export const AnyDepthEpsPlot = memo(function AnyDepthEpsPlot() {
  const result = useDeep((s) => s.anyDepth);
  const busy = useDeep((s) => s.anyDepthBusy);
  const params = useDeep((s) => s.params);
  const hmc = useHmc();
  const perLayer = params.alphaPerLayer;
  const showHmc = hmc !== null && isHmcSetting(params);
  const series = useMemo<Series[]>(() => {
    if (!result) return [];
    const out: Series[] = [];
    for (const c of result.curves) {
      const { eq, meta } = epsParts(c, perLayer ? c.depth : 1);
      const shown = c.depth === params.depth;
      if (meta.some((p) => p !== null))
        out.push({
          mark: 'line',
          id: `meta-L${c.depth}`,
          label: `L = ${c.depth} specialised, metastable`,
          colour: hue(c.depth),
          dashed: true,
          data: meta,
        });
      out.push({
        mark: 'line',
        id: `eq-L${c.depth}`,
        label: `L = ${c.depth} equilibrium`,
        colour: hue(c.depth),
        weight: shown ? 'bold' : 'regular',
        data: eq,
      });
      const points = showHmc ? hmc[c.depth] : undefined;
      if (points)
        out.push({
          mark: 'points',
          id: `hmc-L${c.depth}`,
          label: `L = ${c.depth} informative HMC, d = 50 (authors)`,
          colour: hue(c.depth),
          ring: true,
          data: points.map((p) => ({
            x: perLayer ? p.alphaOverL : p.alphaOverL * c.depth,
            y: p.mean,
            err: p.std,
          })),
        });
    }
    return out;
  }, [result, perLayer, params.depth, showHmc, hmc]);
  const hmcDrawn = series.some((x) => x.mark === 'points');
  const maxDepth = result ? Math.max(...result.curves.map((c) => c.depth)) : params.depth;
  return (
    <LinePlot
      testId="plot-anydepth-eps"
      caption={
        <>
          Bayes-optimal test error, depth L = {params.depth}
          {params.compare ? ' and L = 1 … 5' : ''}
        </>
      }
      busy={busy}
      xLabel={perLayer ? <>α/L (α = n/d²)</> : <>sample ratio α = n/d²</>}
      yLabel={<>test error ε</>}
      series={series}
      xDomain={[0, perLayer ? params.alphaMax : params.alphaMax * maxDepth]}
      yDomain={[0, 1.05]}
      height={360}
      legend="below"
      attrs={{ 'data-curves': result?.curves.length ?? 0, 'data-hmc': hmcDrawn ? 'true' : 'false' }}
    >
      {hmcDrawn && (
        <p className="hint" data-testid="anydepth-hmc-caveat">
          Rings: the authors’ informative HMC at d = 50 (9 teachers, ± one standard deviation). They sit 0.4–9 % above
          the specialised branch, and below α_sp they stay near the teacher (ε ≈ 0.3 at L = 3, α/L = 4/3) where the
          theory has only ε = 1: a finite-size effect of d = 50, not a disagreement with the d → ∞ theory.
        </p>
      )}
    </LinePlot>
  );
});

export const AnyDepthOverlapsPlot = memo(function AnyDepthOverlapsPlot() {
  const result = useDeep((s) => s.anyDepth);
  const params = useDeep((s) => s.params);
  const c = result?.curves.find((x) => x.depth === params.depth) ?? null;
  const scale = params.alphaPerLayer ? params.depth : 1;
  const series = useMemo<Series[]>(() => {
    if (!c) return [];
    return Array.from({ length: c.depth }, (_, l) => ({
      mark: 'line' as const,
      id: `q${l + 1}`,
      label: `layer ${l + 1}${l === 0 ? ' (input side)' : l === c.depth - 1 ? ' (output side)' : ''}`,
      colour: SERIES_HUES[l % SERIES_HUES.length],
      data: c.alphas.map((a, i): [number, number] | null => {
        const q = c.specQ[i];
        return q ? [a / scale, Math.max(1 - q[l], 1e-12)] : null;
      }),
    }));
  }, [c, scale]);
  return (
    <LinePlot
      testId="plot-anydepth-overlaps"
      caption={<>Per-layer overlaps along the specialised branch, L = {params.depth}: 1 − q_l (layer 1 learns best)</>}
      xLabel={params.alphaPerLayer ? <>α/L</> : <>α</>}
      yLabel={<>1 − q_l</>}
      series={series}
      xDomain={[0, params.alphaMax * (params.alphaPerLayer ? 1 : params.depth)]}
      yDomain={[1e-7, 1]}
      yLog
      height={300}
      legend="below"
    />
  );
});

export const AnyDepthThresholdsPlot = memo(function AnyDepthThresholdsPlot() {
  const result = useDeep((s) => s.anyDepth);
  const series = useMemo<Series[]>(() => {
    if (!result) return [];
    const t = result.thresholds;
    const pts = (f: (x: (typeof t)[number]) => number | null) =>
      t.filter((x) => f(x) !== null).map((x) => ({ x: x.depth, y: f(x)! / x.depth }));
    const line = (f: (x: (typeof t)[number]) => number | null): Polyline =>
      t.map((x) => (f(x) === null ? null : [x.depth, f(x)! / x.depth]));
    return [
      { mark: 'line', id: 'alphaE-line', colour: COLOURS.equilibrium, weight: 'bold', data: line((x) => x.alphaE) },
      {
        mark: 'points',
        id: 'alphaE',
        label: 'α_e/L (equilibrium transition)',
        colour: COLOURS.equilibrium,
        data: pts((x) => x.alphaE),
      },
      { mark: 'line', id: 'alphaSp-line', colour: COLOURS.specialised, dashed: true, data: line((x) => x.alphaSp) },
      {
        mark: 'points',
        id: 'alphaSp',
        label: 'α_sp/L (spinodal of the specialised branch)',
        colour: COLOURS.specialised,
        ring: true,
        data: pts((x) => x.alphaSp),
      },
    ];
  }, [result]);
  return (
    <LinePlot
      testId="plot-anydepth-thresholds"
      caption={<>Thresholds per layer against depth: the metastable window [α_sp, α_e] widens</>}
      xLabel={<>depth L</>}
      yLabel={<>α/L</>}
      series={series}
      xDomain={[0.5, 8.5]}
      height={260}
      legend="below"
    />
  );
});
