// A simulation panel, the same for every family: title and introduction, the family's own fields then seed, steps
// and speed, the run and sweep buttons, the legend of the ε(α) points, the runs' status, the backend line and
// the family's live plots. It reads the family's run store and acts through its controller.
import { useEffect, type ComponentType, type ReactNode } from 'react';
import type { StoreApi, UseBoundStore } from 'zustand';
import type { SimController } from '../controller';
import type { RunSlice, SimFormCommon } from '../runSlice';
import { BackendLine, FinishedRunsLegend, SimIntField, SimRunButtons, SimRunsStatus, SimSelect } from './SimWidgets';
import { SIM_SEED_RANGE, SIM_STEPS_RANGE } from '../linkRows';
import './sim.css';

const SPEEDS = [2, 10, 0] as const;
const SPEED_LABELS: Record<string, string> = { 2: '2 steps/s', 10: '10 steps/s', 0: 'max' };

export interface SimPanelProps<Row, Form extends SimFormCommon> {
  /** Prefix of the panel's element and test ids ('sim', 'deep-sim'). */
  prefix: string;
  /** Extra class of the panel (its family's styles). */
  className?: string;
  useStore: UseBoundStore<StoreApi<RunSlice<Row, Form>>>;
  sim: SimController;
  title: ReactNode;
  /** What runs and what to expect, under the title. */
  intro: ReactNode;
  /** The family's own fields (algorithm, start, d…); `locked` while a run or a sweep is under way. */
  Fields: ComponentType<{ locked: boolean }>;
  /** GAMP-RIE points can appear on ε(α) (L = 1). */
  gamp: boolean;
  plots: ReactNode;
}

export function SimPanelFrame<Row, Form extends SimFormCommon>({
  prefix,
  className = '',
  useStore,
  sim,
  title,
  intro,
  Fields,
  gamp,
  plots,
}: SimPanelProps<Row, Form>) {
  const form = useStore((s) => s.form);
  const status = useStore((s) => s.status);
  const message = useStore((s) => s.message);
  const sweep = useStore((s) => s.sweep);
  const runs = useStore((s) => s.runs);
  const finished = useStore((s) => s.finished.length);
  const backend = useStore((s) => s.backend);
  const sps = useStore((s) => s.stepsPerSecond);
  const gps = useStore((s) => s.gradientsPerSecond);
  const setForm = useStore((s) => s.setForm);
  const clearFinished = useStore((s) => s.clearFinished);
  useEffect(() => sim.listenToShortcuts(), [sim]);
  useEffect(() => sim.keep(prefix), [sim, prefix]);
  const locked = status === 'running' || status === 'starting' || status === 'paused' || sweep.running;
  return (
    <section
      className={`panel sim-panel ${className}`}
      data-testid={`${prefix}-panel`}
      aria-labelledby={`${prefix}-title`}
    >
      <h2 id={`${prefix}-title`}>{title}</h2>
      {intro}
      <div className="sim-controls" onFocus={() => sim.warmUp()}>
        <Fields locked={locked} />
        <SimIntField
          id={`${prefix}-seed`}
          label="seed"
          value={form.seed}
          {...SIM_SEED_RANGE}
          onChange={(x) => setForm('seed', x)}
        />
        <SimIntField
          id={`${prefix}-steps`}
          label="steps"
          value={form.steps}
          {...SIM_STEPS_RANGE}
          onChange={(x) => setForm('steps', x)}
        />
        <SimSelect
          id={`${prefix}-speed`}
          label="speed"
          value={form.speed}
          values={SPEEDS}
          labels={SPEED_LABELS}
          onChange={(v) => sim.setSpeed(v)}
        />
      </div>
      <SimRunButtons
        prefix={prefix}
        status={status}
        sweep={sweep}
        finished={finished}
        sweepAlphas={form.sweepAlphas}
        sweepSeeds={form.sweepSeeds}
        message={message}
        controls={{
          ...sim,
          clearFinished,
          setSweepAlphas: (t) => setForm('sweepAlphas', t),
          setSweepSeeds: (t) => setForm('sweepSeeds', t),
        }}
      />
      <FinishedRunsLegend gamp={gamp} testId={`${prefix}-legend`} />
      <SimRunsStatus prefix={prefix} status={status} runs={runs} sweep={sweep} />
      <BackendLine
        backend={backend}
        stepsPerSecond={sps}
        gradientsPerSecond={gps}
        algo={runs[0]?.algo}
        testId={`${prefix}-backend`}
      />
      {runs.length > 1 && (
        <p className="hint">Both runs share one worker and take turns step by step (the speed shown is per run).</p>
      )}
      <div className="sim-plots">{plots}</div>
    </section>
  );
}
