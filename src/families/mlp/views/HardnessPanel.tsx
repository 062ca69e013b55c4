// Time to specialise against d (docs/physics/simulations.md §8): uninformative ADAM or HMC runs at the tab's α,
// σ, γ, Δ, P_v, P_W until the test statistic first falls below ε̄, over seeds, for a list of d and of chain counts
// s (the overparameterised student), running in a worker pool with a progress bar and cancel. The plot: median
// and quartiles of the crossing time against d on log axes, censored runs as open triangles at the budget, and the
// growth fitted to the medians (exponential and power law: a fit, not a claim). ADAM's s is one jointly trained
// student of width s·k (the authors' overparam_ADAM) or s averaged runs; HMC's s is always s averaged chains.
import { useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { LinePlot, type Series } from '../../../platform/plots/LinePlot';
import { COLOURS } from '../../../platform/plots/palette';
import { formatValue } from '../../../platform/plots/scales';
import { fitGrowth, growthAt, type GrowthFit } from '../../../sim/hardnessStats';
import { createHardnessController, type HardnessController } from '../hardnessController';
import { studentOf, sweepRows, useHardness, yFloor, type HardnessForm, type SweepRow } from '../hardnessStore';
import type { StudentKind } from '../../../sim/hardness';
import { useExplorer } from '../store';
import { SimIntField, SimSelect } from '../../../platform/sim/views/SimWidgets';

const S_COLOURS = [COLOURS.teal, COLOURS.orange, COLOURS.violet, COLOURS.green, COLOURS.pink, COLOURS.blue];
const sColour = (i: number) => S_COLOURS[i % S_COLOURS.length];

const STUDENT_LABELS: Record<StudentKind, string> = {
  wide: 'one student of width s·k, trained jointly',
  average: 's independent students, predictions averaged',
};

function TextField({
  id,
  label,
  value,
  onChange,
  hint,
}: {
  id: string;
  label: ReactNode;
  value: string;
  onChange: (t: string) => void;
  hint?: string;
}) {
  return (
    <label className="sim-field" htmlFor={id} title={hint}>
      {label}
      <input id={id} data-testid={id} type="text" size={12} value={value} onChange={(e) => onChange(e.target.value)} />
    </label>
  );
}

function Fields({ locked }: { locked: boolean }) {
  const form = useHardness((s) => s.form);
  const setForm = useHardness((s) => s.setForm);
  const wide = studentOf(form) === 'wide';
  return (
    <fieldset className="sim-controls" disabled={locked}>
      <SimSelect<HardnessForm['algo']>
        id="hard-algo"
        label="algorithm"
        value={form.algo}
        values={['adam', 'hmc']}
        onChange={(v) => setForm('algo', v)}
      />
      <TextField id="hard-ds" label="d values" value={form.ds} onChange={(t) => setForm('ds', t)} />
      <SimIntField
        id="hard-seeds"
        label="seeds"
        value={form.seeds}
        min={1}
        max={64}
        onChange={(x) => setForm('seeds', x)}
      />
      <SimIntField
        id="hard-budget"
        label="budget (steps)"
        value={form.budget}
        min={1}
        max={100000}
        onChange={(x) => setForm('budget', x)}
      />
      {form.algo === 'adam' && (
        <SimSelect<StudentKind>
          id="hard-student"
          label="overparameterised student"
          value={form.student}
          values={['wide', 'average']}
          labels={STUDENT_LABELS}
          onChange={(v) => setForm('student', v)}
        />
      )}
      <TextField
        id="hard-chains"
        label={wide ? 'width factor s' : 'chains s'}
        value={form.chains}
        onChange={(t) => setForm('chains', t)}
        hint={
          wide
            ? 'e.g. 1,2,5,10: one ADAM student of s·k hidden units, output σ(XWᵀ/√d)·v/√(s·k)'
            : 'e.g. 1,2,5,10: predictions of s independent chains averaged'
        }
      />
      <TextField
        id="hard-threshold"
        label="ε̄ (empty: theory)"
        value={form.threshold}
        onChange={(t) => setForm('threshold', t)}
      />
    </fieldset>
  );
}

/** Plot series of the finished runs: per s, quartile band, median points, censored marks and the fitted growth. */
function seriesOf(rows: SweepRow[], chains: number[], budget: number, fits: Map<number, GrowthFit | null>): Series[] {
  const out: Series[] = [];
  chains.forEach((s, i) => {
    const colour = sColour(i);
    const mine = rows.filter((r) => r.chains === s);
    const label = chains.length > 1 ? `s = ${s}` : 'median';
    const q = mine.filter((r) => r.q1 !== null && r.q3 !== null);
    if (q.length > 1)
      out.push({
        mark: 'area',
        id: `band-${s}`,
        colour: `${colour}33`, // 20 % opacity: the medians and fits stay visible through the band
        data: q.map((r) => ({ x: r.d, lo: Math.max(r.q1!, 0.5), hi: r.q3! })),
      });
    out.push({
      mark: 'points',
      id: `median-${s}`,
      colour,
      label,
      testId: `hard-median-${s}`,
      data: mine.filter((r) => r.median !== null).map((r) => ({ x: r.d, y: Math.max(r.median!, 0.5) })),
    });
    // Individual crossings (small, faint) and censored runs (open rings at the budget).
    out.push({
      mark: 'points',
      id: `censored-${s}`,
      colour,
      ring: true,
      dx: 4 * i,
      label: i === 0 ? 'censored (≥ budget)' : undefined,
      data: mine.flatMap((r) => r.times.filter((t) => t === null).map(() => ({ x: r.d, y: budget }))),
    });
    const fit = fits.get(s);
    if (fit) {
      const ds = mine.map((r) => r.d);
      const lo = Math.min(...ds);
      const hi = Math.max(...ds);
      const xs = Array.from({ length: 40 }, (_, k) => lo * (hi / lo) ** (k / 39));
      for (const law of ['exponential', 'power'] as const)
        out.push({
          mark: 'line',
          id: `fit-${law}-${s}`,
          colour,
          dashed: law === 'power',
          weight: 'thin',
          label: i === 0 ? (law === 'exponential' ? 'fit A·e^(b·d)' : 'fit A·d^b (dashed)') : undefined,
          data: xs.map((x) => [x, growthAt(fit, law, x)] as [number, number]),
        });
    }
  });
  out.push({ mark: 'rule', id: 'budget', axis: 'y', at: budget, colour: COLOURS.grey, dash: 'dotted', text: 'budget' });
  return out;
}

function FitLine({ s, fit, many }: { s: number; fit: GrowthFit | null; many: boolean }) {
  if (!fit) return null;
  const e = fit.exponential;
  const p = fit.power;
  return (
    <li data-testid={`hard-fit-${s}`}>
      {many ? `s = ${s}: ` : ''}median ≈ {Math.exp(e.lnA).toPrecision(3)}·e^({e.rate.toPrecision(3)} d) (rss{' '}
      {e.rss.toPrecision(2)}) or {Math.exp(p.lnA).toPrecision(3)}·d^{p.exponent.toPrecision(3)} (rss{' '}
      {p.rss.toPrecision(2)}) on {fit.points} d
      {fit.better ? `: the ${fit.better} law fits these medians better` : ' (three d needed to compare)'}
    </li>
  );
}

export function HardnessPanel() {
  const alpha = useExplorer((s) => s.params.alpha);
  const sweep = useHardness((s) => s.sweep);
  const ctl = useRef<HardnessController | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  useEffect(() => {
    const c = createHardnessController();
    ctl.current = c;
    return () => c.dispose();
  }, []);
  const rows = useMemo(() => (sweep ? sweepRows(sweep) : []), [sweep]);
  const chains = useMemo(() => [...new Set(sweep?.jobs.map((j) => j.job.chains) ?? [])].sort((a, b) => a - b), [sweep]);
  const fits = useMemo(
    () => new Map(chains.map((s) => [s, fitGrowth(rows.filter((r) => r.chains === s))])),
    [rows, chains],
  );
  const running = !!sweep?.running;
  const total = sweep?.jobs.length ?? 0;
  const ds = sweep ? [...new Set(sweep.jobs.map((j) => j.job.d))] : [10, 40];
  const live = sweep?.jobs.filter((j) => !j.done && j.step > 0) ?? [];
  return (
    <section className="panel sim-panel" data-testid="hard-panel" aria-labelledby="hard-title">
      <h2 id="hard-title">Time to specialise against d at α = {alpha}</h2>
      <p className="hint">
        From an uninformative start, the steps (ADAM updates or HMC trajectories) until the test error first falls below
        ε̄, midway between the specialised branch&apos;s ε and ε_uni by default, per seed; runs still above at the budget
        are censored. The statistic is ADAM&apos;s test MSE (its iterate rests on the universal plateau at ε_uni) or the
        current HMC sample&apos;s Gibbs error/2. Overparameterised student, ADAM: by default one student of width s·k
        trained jointly on its own output (the authors&apos; experiment), or s independently trained students whose
        predictions are averaged; HMC: s independent chains averaged, their test MSE divided by (1 + 1/s).
      </p>
      <Fields locked={running} />
      <div className="sim-buttons">
        <button
          type="button"
          data-testid="hard-run"
          disabled={running}
          onClick={() => setMessage(ctl.current?.run() ?? null)}
        >
          Run sweep
        </button>
        <button type="button" data-testid="hard-cancel" disabled={!running} onClick={() => ctl.current?.cancel()}>
          Cancel
        </button>
        <progress
          data-testid="hard-progress"
          aria-label="runs finished"
          max={Math.max(total, 1)}
          value={sweep?.finished ?? 0}
        />
        <span data-testid="hard-status" data-status={running ? 'running' : sweep ? 'done' : 'idle'}>
          {sweep ? `${sweep.finished}/${total} runs` : ''}
          {sweep?.threshold != null ? ` · ε̄ = ${formatValue(sweep.threshold, 4)}` : ''}
          {sweep?.backend ? ` · ${sweep.backend}` : ''}
          {live.length ? ` · running: ${live.map((j) => `d ${j.job.d} step ${j.step}`).join(', ')}` : ''}
        </span>
      </div>
      {(message || sweep?.error) && (
        <p className="error" role="alert">
          {message ?? sweep?.error}
        </p>
      )}
      <LinePlot
        testId="hard-plot"
        caption={`Steps to cross ε̄ against d (median, quartile band, censored runs)${
          chains.length > 1 ? `; s: ${STUDENT_LABELS[sweep?.student ?? 'average']}` : ''
        }`}
        busy={running}
        xLabel="d"
        yLabel="steps to specialise"
        xLog
        yLog
        xDomain={[Math.min(...ds) * 0.9, Math.max(...ds) * 1.1]}
        yDomain={[yFloor(rows), (sweep?.budget ?? 1000) * 1.6]}
        series={seriesOf(rows, chains, sweep?.budget ?? 1000, fits)}
        legend="below"
        attrs={{ 'data-finished': sweep?.finished ?? 0 }}
      />
      <ul className="hint" data-testid="hard-fits">
        {chains.map((s) => (
          <FitLine key={s} s={s} fit={fits.get(s) ?? null} many={chains.length > 1} />
        ))}
      </ul>
      {chains.length > 1 && <EscapeTable rows={rows} chains={chains} student={sweep?.student ?? 'average'} />}
    </section>
  );
}

/** Escape time against s: the median (and censored count) per d and s. */
function EscapeTable({ rows, chains, student }: { rows: SweepRow[]; chains: number[]; student: StudentKind }) {
  const ds = [...new Set(rows.map((r) => r.d))].sort((a, b) => a - b);
  const cell = (d: number, s: number) => {
    const r = rows.find((x) => x.d === d && x.chains === s);
    if (!r) return '…';
    return `${r.median === null ? '> budget' : formatValue(r.median, 3)}${r.censored ? ` (${r.censored} cens.)` : ''}`;
  };
  return (
    <table className="kv mu" data-testid="hard-table">
      <caption>
        Median steps to specialise against s (
        {student === 'wide' ? 'one ADAM student of width s·k' : 's averaged chains'})
      </caption>
      <thead>
        <tr>
          <th>d</th>
          {chains.map((s) => (
            <th key={s}>s = {s}</th>
          ))}
        </tr>
      </thead>
      <tbody>
        {ds.map((d) => (
          <tr key={d}>
            <td>{d}</td>
            {chains.map((s) => (
              <td key={s}>{cell(d, s)}</td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
