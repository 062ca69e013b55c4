// The Nishimori check beside a panel's trace plots (docs/physics/simulations.md §9): for each run with a second
// chain, N = teacher–student minus student–student output overlap against steps (each pair thin, the mean over
// kept samples bold with its ±1 standard-error band), zero as the reference, and the verdict in words.
import { memo } from 'react';
import { COLOURS } from '../../plots/palette';
import { LinePlot, type Series } from '../../plots/LinePlot';
import type { Init, Algorithm } from '../../../sim/simulation';
import { nishimoriVerdict, type NishimoriRow } from '../nishimoriRow';
import { simColour } from './simColours';

export interface NishimoriRun {
  id: number;
  algo: Algorithm;
  init: Init;
  trace: NishimoriRow[];
}

/** '#rrggbb' → the same colour at 18 % opacity, for the standard-error band. */
function translucent(hex: string): string {
  const [r, g, b] = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16));
  return `rgba(${r}, ${g}, ${b}, 0.18)`;
}

const word = (init: Init) => (init === 'informative' ? 'informative' : 'uninformative');

function verdictText(run: NishimoriRun): string {
  const last = run.trace[run.trace.length - 1];
  const v = last ? nishimoriVerdict(last) : null;
  if (!last || v === null) return `${word(run.init)}: N not measured yet`;
  const n = `N = ${last.nishimori.toFixed(4)} ± ${last.nishimoriSe.toFixed(4)}`;
  return v === 'consistent'
    ? `${word(run.init)}: ${n}, consistent with 0`
    : `${word(run.init)}: ${n}, ${(Math.abs(last.nishimori) / last.nishimoriSe).toFixed(1)} s.e. from 0`;
}

/**
 * Both starts on one instance: at equilibrium N is a property of the posterior, so two pairs in it must agree (at
 * small d N itself need not be 0 for one teacher; docs/physics/simulations.md §9). Agreement is necessary, not
 * sufficient: a pair resting on the q = 0 branch has N ≈ 0 too.
 */
function agreementText(runs: NishimoriRun[]): string | null {
  const lasts = runs.map((r) => r.trace[r.trace.length - 1]);
  if (runs.length !== 2 || lasts.some((t) => !t || nishimoriVerdict(t) === null)) return null;
  const [a, b] = lasts;
  const diff = a.nishimori - b.nishimori;
  const se = Math.hypot(a.nishimoriSe, b.nishimoriSe);
  const k = Math.abs(diff) / se;
  return k <= 3
    ? `the two starts agree on N (difference ${diff.toFixed(4)} ± ${se.toFixed(4)}): N does not tell them apart`
    : `the two starts differ on N by ${k.toFixed(1)} s.e.: they are not in the same state (one is not the equilibrium)`;
}

export const NishimoriPlot = memo(function NishimoriPlot({
  runs,
  xMax,
  testId,
}: {
  runs: NishimoriRun[];
  xMax: number;
  testId: string;
}) {
  const checked = runs.filter((r) => r.trace.some((t) => Number.isFinite(t.nishimoriStep)));
  if (!checked.length) return null;
  // y range: every value drawn and 0, padded (N has either sign).
  let lo = 0;
  let hi = 0;
  for (const r of checked)
    for (const t of r.trace)
      for (const y of [t.nishimoriStep, t.nishimori - t.nishimoriSe, t.nishimori + t.nishimoriSe])
        if (Number.isFinite(y)) [lo, hi] = [Math.min(lo, y), Math.max(hi, y)];
  const pad = 0.08 * (hi - lo || 1);
  const series: Series[] = [{ mark: 'rule', id: 'zero', axis: 'y', at: 0, colour: COLOURS.equilibrium, text: 'N = 0' }];
  for (const r of checked) {
    const c = simColour(r.algo, r.init);
    const kept = r.trace.filter((t) => Number.isFinite(t.nishimoriSe));
    series.push({
      mark: 'area',
      id: `nishimori-${r.init}-band`,
      colour: translucent(c),
      data: kept.map((t) => ({ x: t.step, lo: t.nishimori - t.nishimoriSe, hi: t.nishimori + t.nishimoriSe })),
    });
    series.push({
      mark: 'line',
      id: `nishimori-${r.init}-pair`,
      label: `${word(r.init)}: N of each pair of samples`,
      colour: c,
      weight: 'thin',
      opacity: 0.45,
      data: r.trace.map((t) => [t.step, t.nishimoriStep]),
    });
    series.push({
      mark: 'line',
      id: `nishimori-${r.init}`,
      label: `${word(r.init)}: mean over kept samples ± s.e.`,
      colour: c,
      weight: 'bold',
      data: r.trace.map((t) => [t.step, t.nishimori]),
    });
  }
  return (
    <div className="sim-nishimori" data-testid={`${testId}-box`}>
      <LinePlot
        testId={testId}
        caption={
          <>
            Nishimori check: N = ⟨λλ⁰⟩ − ⟨λλ′⟩ (teacher–student minus student–student overlap of the outputs on test
            inputs, two chains on the same data); N = 0 at equilibrium
          </>
        }
        xLabel={<>step</>}
        yLabel={<>N</>}
        series={series}
        xDomain={[0, xMax]}
        yDomain={[lo - pad, hi + pad]}
        height={230}
        legend="above"
      />
      <ul className="hint" data-testid={`${testId}-verdict`}>
        {checked.map((r) => (
          <li key={r.id}>{verdictText(r)}</li>
        ))}
        {agreementText(checked) && <li>{agreementText(checked)}</li>}
        <li>
          N averages to 0 over teachers at equilibrium; for one teacher at small d it carries an instance term, so
          compare the two starts on the same instance.
        </li>
      </ul>
    </div>
  );
});
