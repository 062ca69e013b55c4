// Parameter controls. Each subscribes to its own parameter only, so streamed curve chunks never re-render them.
// The data-testid sits on the native element whose `value` is the parameter.
import { memo, useEffect, useId, useState, type ReactNode } from 'react';
import { ACTIVATION_LABELS, ACTIVATION_NAMES, READOUT_LAWS, WEIGHT_PRIORS } from '../../../physics/types';
import { useExplorer } from '../store';
import { ALPHA_MAX_CHOICES, CUSTOM_ACTIVATION, URL_TABLE } from '../params';
import { numberRow, sliderOf } from '../../../platform/state/hashCodec';
import { DepthControl } from '../../deep/views/DepthControl';
import { AlphaMaxSelect, DeltaInput, READOUT_LABELS, Slider } from '../../../platform/ui/controlWidgets';

const WEIGHT_LABELS: Record<string, string> = {
  gaussian: 'Gaussian N(0, 1)',
  rademacher: 'Rademacher ±1',
};

const range = (field: 'gamma' | 'delta' | 'alpha') => sliderOf(numberRow(URL_TABLE, field));

const AlphaControl = memo(function AlphaControl() {
  const alpha = useExplorer((s) => s.params.alpha);
  const alphaMax = useExplorer((s) => s.params.alphaMax);
  const setParam = useExplorer((s) => s.setParam);
  return (
    <>
      <Slider
        label={
          <>
            sample ratio <i>α</i> = n/d²
          </>
        }
        hint="selected α: marker on the curves and values in the readout panel"
        testId="control-alpha"
        value={alpha}
        min={range('alpha').min}
        max={alphaMax}
        step={range('alpha').step}
        onChange={(x) => setParam('alpha', x)}
      />
      <AlphaMaxSelect
        value={alphaMax}
        choices={ALPHA_MAX_CHOICES}
        testId="control-alpha-max"
        onChange={(x) => setParam('alphaMax', x)}
      />
    </>
  );
});

const GammaControl = memo(function GammaControl() {
  const gamma = useExplorer((s) => s.params.gamma);
  const setParam = useExplorer((s) => s.setParam);
  const r = range('gamma');
  return (
    <Slider
      label={
        <>
          width ratio <i>γ</i> = k/d
        </>
      }
      hint="hidden units per input dimension"
      testId="control-gamma"
      value={gamma}
      min={r.min}
      max={r.max}
      step={r.step}
      onChange={(x) => setParam('gamma', x)}
    />
  );
});

/** Δ spans four decades: a log slider plus a number input that holds the exact value (the testid'd element). */
const DeltaControl = memo(function DeltaControl() {
  const delta = useExplorer((s) => s.params.delta);
  const setParam = useExplorer((s) => s.setParam);
  const r = range('delta');
  return (
    <DeltaInput
      value={delta}
      min={r.min}
      max={r.max}
      testId="control-delta"
      logTestId="control-delta-log"
      onChange={(x) => setParam('delta', x)}
    />
  );
});

const ActivationControl = memo(function ActivationControl() {
  const act = useExplorer((s) => s.params.act);
  const expr = useExplorer((s) => s.params.expr);
  const setParam = useExplorer((s) => s.setParam);
  const id = useId();
  const [text, setText] = useState(expr);
  // eslint-disable-next-line react-hooks/set-state-in-effect -- the draft text follows the value when it changes elsewhere (URL, preset, reset)
  useEffect(() => setText(expr), [expr]);
  // Typing is committed after a short pause so half-typed expressions don't flash errors.
  useEffect(() => {
    if (text === expr || text.trim() === '') return;
    const t = setTimeout(() => setParam('expr', text), 350);
    return () => clearTimeout(t);
  }, [text, expr, setParam]);
  return (
    <div className="control">
      <label htmlFor={id}>activation σ</label>
      <select
        id={id}
        data-testid="control-activation"
        value={act}
        onChange={(e) => setParam('act', e.currentTarget.value)}
      >
        {ACTIVATION_NAMES.map((n) => (
          <option key={n} value={n}>
            {ACTIVATION_LABELS[n] !== n ? `${ACTIVATION_LABELS[n]} (${n})` : n}
          </option>
        ))}
        <option value={CUSTOM_ACTIVATION}>custom expression σ(x) = …</option>
      </select>
      {act === CUSTOM_ACTIVATION && (
        <input
          type="text"
          className="expr"
          data-testid="control-activation-expr"
          aria-label="custom activation σ(x)"
          spellCheck={false}
          placeholder="e.g. max(x, 0) or tanh(2*x)"
          value={text}
          onChange={(e) => setText(e.currentTarget.value)}
          onKeyDown={(e) => {
            if (e.key === 'Enter' && text.trim() !== '') setParam('expr', text);
          }}
          onBlur={() => text.trim() !== '' && setParam('expr', text)}
        />
      )}
    </div>
  );
});

/** A select over a fixed list of CLI names (readout law, weight prior): the select's value is the parameter. */
const ChoiceControl = memo(function ChoiceControl<K extends 'readout' | 'weights'>(props: {
  param: K;
  testId: string;
  choices: readonly string[];
  labels: Record<string, string>;
  title: ReactNode;
}) {
  const value = useExplorer((s) => s.params[props.param]);
  const setParam = useExplorer((s) => s.setParam);
  const id = useId();
  return (
    <div className="control">
      <label htmlFor={id}>
        <span>{props.title}</span>
      </label>
      <select
        id={id}
        data-testid={props.testId}
        value={value}
        onChange={(e) => setParam(props.param, e.currentTarget.value as typeof value)}
      >
        {props.choices.map((n) => (
          <option key={n} value={n}>
            {props.labels[n] ?? n}
          </option>
        ))}
      </select>
    </div>
  );
});

export function Controls() {
  return (
    <section className="panel controls" aria-label="parameters">
      <h2>Parameters</h2>
      <DepthControl current={1} />
      <ActivationControl />
      <DeltaControl />
      <GammaControl />
      <ChoiceControl
        param="readout"
        testId="control-readout"
        choices={READOUT_LAWS}
        labels={READOUT_LABELS}
        title={
          <>
            readout law <i>P</i>
            <sub>v</sub>
          </>
        }
      />
      <ChoiceControl
        param="weights"
        testId="control-weights"
        choices={WEIGHT_PRIORS}
        labels={WEIGHT_LABELS}
        title={
          <>
            inner-weight prior <i>P</i>
            <sub>W</sub>
          </>
        }
      />
      <AlphaControl />
    </section>
  );
}
