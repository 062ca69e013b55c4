// Parameters of the deep family; each control is bound to one field of the deep store (names = CLI flags).
import { useEffect, useId, useState, type ReactNode } from 'react';
import { DEEP_READOUTS } from '../../../physics/deep/deepParams';
import { ACTIVATION_NAMES, WEIGHT_PRIORS } from '../../../physics/types';
import { DEEP_ALPHA_MAX, DEEP_TABLE, type DeepUiParams } from '../params';
import { numberRow, sliderOf } from '../../../platform/state/hashCodec';
import { useDeep } from '../store';
import { DepthControl } from './DepthControl';
import { AlphaMaxSelect, DeltaInput, READOUT_LABELS, Slider } from '../../../platform/ui/controlWidgets';

/** A slider over the row's range; `max` narrows it (α stops at the α range). */
function StoreSlider({
  label,
  testId,
  field,
  max,
}: {
  label: ReactNode;
  testId: string;
  field: 'gamma' | 'gamma2' | 'alpha';
  max?: number;
}) {
  const value = useDeep((s) => s.params[field]);
  const setParam = useDeep((s) => s.setParam);
  const r = sliderOf(numberRow(DEEP_TABLE, field));
  return (
    <Slider
      label={label}
      testId={testId}
      value={value}
      min={r.min}
      max={max ?? r.max}
      step={r.step}
      onChange={(x) => setParam(field, x)}
    />
  );
}

/** A labelled select of the `control` layout; `after` (e.g. an input) follows the select in the same block. */
function SelectControl({
  label,
  testId,
  value,
  onChange,
  after,
  children,
}: {
  label: ReactNode;
  testId: string;
  value: string;
  onChange: (value: string) => void;
  after?: ReactNode;
  children: ReactNode;
}) {
  const id = useId();
  return (
    <div className="control">
      <label htmlFor={id}>{label}</label>
      <select id={id} data-testid={testId} value={value} onChange={(e) => onChange(e.currentTarget.value)}>
        {children}
      </select>
      {after}
    </div>
  );
}

/** A custom expression's starting text: tanh(2x) at unit variance, as the L = 2 theory needs (mlp-deep.md §1). */
const UNIT_EXPR = 'expr:tanh(2*x)/0.7970327686';

/** Activation of one layer: a built-in name or a custom expression (committed after a pause or on Enter). */
function ActivationSelect({
  field,
  testId,
  label,
}: {
  field: 'activation' | 'activation2';
  testId: string;
  label: ReactNode;
}) {
  const value = useDeep((s) => s.params[field]);
  const setParam = useDeep((s) => s.setParam);
  const custom = value.startsWith('expr:');
  const [text, setText] = useState(custom ? value.slice(5) : '');
  // eslint-disable-next-line react-hooks/set-state-in-effect -- the draft text follows the value when it changes elsewhere (URL, preset, reset)
  useEffect(() => setText(custom ? value.slice(5) : ''), [value, custom]);
  useEffect(() => {
    if (!custom || text.trim() === '' || `expr:${text}` === value) return;
    const t = setTimeout(() => setParam(field, `expr:${text}`), 400);
    return () => clearTimeout(t);
  }, [text, custom, value, field, setParam]);
  return (
    <SelectControl
      label={label}
      testId={testId}
      value={custom ? 'expr:' : value}
      onChange={(v) => setParam(field, v === 'expr:' ? UNIT_EXPR : v)}
      after={
        custom && (
          <input
            type="text"
            className="expr"
            data-testid={`${testId}-expr`}
            aria-label={`custom ${field}`}
            spellCheck={false}
            value={text}
            onChange={(e) => setText(e.currentTarget.value)}
          />
        )
      }
    >
      {ACTIVATION_NAMES.map((n) => (
        <option key={n} value={n}>
          {n}
        </option>
      ))}
      <option value="expr:">custom expression σ(x) = …</option>
    </SelectControl>
  );
}

function DeltaControl() {
  const delta = useDeep((s) => s.params.delta);
  const setParam = useDeep((s) => s.setParam);
  const r = numberRow(DEEP_TABLE, 'delta');
  return (
    <DeltaInput value={delta} min={r.min} max={r.max} testId="deep-delta" onChange={(x) => setParam('delta', x)} />
  );
}

function Choice<K extends 'readout' | 'weights'>({
  field,
  testId,
  choices,
  labels,
  title,
}: {
  field: K;
  testId: string;
  choices: readonly string[];
  labels?: Record<string, string>;
  title: ReactNode;
}) {
  const value = useDeep((s) => s.params[field]);
  const setParam = useDeep((s) => s.setParam);
  return (
    <SelectControl label={title} testId={testId} value={value} onChange={(v) => setParam(field, v as DeepUiParams[K])}>
      {choices.map((n) => (
        <option key={n} value={n}>
          {labels?.[n] ?? n}
        </option>
      ))}
    </SelectControl>
  );
}

/** The hidden layers' widths γ_l = k_l/d. */
const WIDTHS = [
  { field: 'gamma', ordinal: 'first', sub: '₁' },
  { field: 'gamma2', ordinal: 'second', sub: '₂' },
] as const;

/** A checkbox bound to a boolean field of the deep store. */
function Toggle({
  field,
  testId,
  label,
}: {
  field: 'quenched' | 'compare' | 'alphaPerLayer';
  testId: string;
  label: ReactNode;
}) {
  const id = useId();
  const checked = useDeep((s) => s.params[field]);
  const setParam = useDeep((s) => s.setParam);
  return (
    <div className="control inline">
      <input
        id={id}
        type="checkbox"
        data-testid={testId}
        checked={checked}
        onChange={(e) => setParam(field, e.currentTarget.checked)}
      />
      <label htmlFor={id}>{label}</label>
    </div>
  );
}

export function DeepControls() {
  const alphaMax = useDeep((s) => s.params.alphaMax);
  const depth = useDeep((s) => s.params.depth);
  const setParam = useDeep((s) => s.setParam);
  const deep = depth >= 3; // the any-depth theory: one σ and one γ in every layer
  return (
    <section className="panel controls" aria-label="parameters">
      <h2>Parameters ({deep ? `L = ${depth}` : 'two'} hidden layers)</h2>
      <DepthControl current={depth} />
      <ActivationSelect
        field="activation"
        testId="deep-activation"
        label={deep ? <>activation σ (every layer)</> : <>first-layer activation σ⁽¹⁾</>}
      />
      {!deep && (
        <ActivationSelect field="activation2" testId="deep-activation2" label={<>second-layer activation σ⁽²⁾</>} />
      )}
      <DeltaControl />
      {(deep ? WIDTHS.slice(0, 1) : WIDTHS).map(({ field, ordinal, sub }) => (
        <StoreSlider
          key={field}
          label={
            deep ? (
              <>
                width <i>γ</i> = k<sub>l</sub>/d (every layer)
              </>
            ) : (
              <>
                {ordinal} width <i>γ</i>
                {sub} = k{sub}/d
              </>
            )
          }
          testId={`deep-${field}`}
          field={field}
        />
      ))}
      <Choice
        field="readout"
        testId="deep-readout"
        choices={DEEP_READOUTS}
        labels={READOUT_LABELS}
        title={
          <span>
            readout law P<sub>v</sub>
          </span>
        }
      />
      <Choice
        field="weights"
        testId="deep-weights"
        choices={WEIGHT_PRIORS}
        title={
          <span>
            weight prior P<sub>W</sub> ({deep ? 'every layer' : 'both layers'})
          </span>
        }
      />
      {deep ? (
        <>
          <Toggle field="compare" testId="deep-compare" label="compare depths L = 1 … 5" />
          <Toggle field="alphaPerLayer" testId="deep-alpha-per-layer" label="x axis α/L (the paper’s)" />
        </>
      ) : (
        <Toggle field="quenched" testId="deep-quenched" label="quenched: first layer given (Q1 ≡ 1)" />
      )}
      {!deep && (
        <StoreSlider
          label={
            <>
              selected <i>α</i> = n/d²
            </>
          }
          testId="deep-alpha"
          field="alpha"
          max={alphaMax}
        />
      )}
      <AlphaMaxSelect
        value={alphaMax}
        choices={DEEP_ALPHA_MAX}
        testId="deep-alpha-max"
        onChange={(x) => setParam('alphaMax', x)}
      />
      {deep && <p className="hint">At L ≥ 3 the α range is the range of α/L for every depth.</p>}
    </section>
  );
}
