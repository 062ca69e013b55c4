// Parameters of the deep family; each control is bound to one field of the deep store (names = CLI flags).
import { useEffect, useId, useState, type ReactNode } from 'react';
import { DEEP_READOUTS } from '../../physics/deep/deepModel';
import { ACTIVATION_NAMES, WEIGHT_PRIORS } from '../../physics/types';
import { formatNumber } from '../../state/urlCodec';
import { DEEP_ALPHA_MAX, type DeepUiParams } from '../../state/deepHash';
import { useDeep } from '../../state/deepStore';
import { DepthControl } from './DepthControl';

const READOUT_LABELS: Record<string, string> = {
  ones: 'v = 1 (homogeneous)',
  rad: 'v = ±1 (Rademacher)',
  unif: 'v ~ U[−√3, √3]',
  gauss: 'v ~ N(0, 1)',
  '4point': 'v ∈ {±1/√5, ±3/√5}',
};

function Slider({ label, testId, field, min, max, step }: { label: ReactNode; testId: string; field: 'gamma' | 'gamma2' | 'alpha'; min: number; max: number; step: number }) {
  const value = useDeep((s) => s.params[field]);
  const setParam = useDeep((s) => s.setParam);
  const id = useId();
  return (
    <div className="control">
      <label htmlFor={id}>
        <span>{label}</span>
        <output className="value">{formatNumber(value)}</output>
      </label>
      <input id={id} type="range" data-testid={testId} min={min} max={max} step={step} value={value} onChange={(e) => setParam(field, Number(e.currentTarget.value))} />
    </div>
  );
}

/** Activation of one layer: a built-in name or a custom expression (committed after a pause or on Enter). */
function ActivationSelect({ field, testId, label }: { field: 'activation' | 'activation2'; testId: string; label: ReactNode }) {
  const value = useDeep((s) => s.params[field]);
  const setParam = useDeep((s) => s.setParam);
  const id = useId();
  const custom = value.startsWith('expr:');
  const [text, setText] = useState(custom ? value.slice(5) : '');
  useEffect(() => setText(custom ? value.slice(5) : ''), [value, custom]);
  useEffect(() => {
    if (!custom || text.trim() === '' || `expr:${text}` === value) return;
    const t = setTimeout(() => setParam(field, `expr:${text}`), 400);
    return () => clearTimeout(t);
  }, [text, custom, value, field, setParam]);
  return (
    <div className="control">
      <label htmlFor={id}>{label}</label>
      <select id={id} data-testid={testId} value={custom ? 'expr:' : value} onChange={(e) => setParam(field, e.currentTarget.value === 'expr:' ? 'expr:tanh(2*x)' : e.currentTarget.value)}>
        {ACTIVATION_NAMES.map((n) => (
          <option key={n} value={n}>
            {n}
          </option>
        ))}
        <option value="expr:">custom expression σ(x) = …</option>
      </select>
      {custom && (
        <input type="text" className="expr" data-testid={`${testId}-expr`} aria-label={`custom ${field}`} spellCheck={false} value={text} onChange={(e) => setText(e.currentTarget.value)} />
      )}
    </div>
  );
}

function DeltaControl() {
  const delta = useDeep((s) => s.params.delta);
  const setParam = useDeep((s) => s.setParam);
  const id = useId();
  const [text, setText] = useState(formatNumber(delta));
  useEffect(() => setText(formatNumber(delta)), [delta]);
  const commit = (x: number) => {
    if (Number.isFinite(x) && x >= 1e-4 && x <= 100) setParam('delta', x);
  };
  return (
    <div className="control">
      <label htmlFor={id}>
        <span>
          label noise <i>Δ</i>
        </span>
        <input
          id={id}
          className={Number(text) >= 1e-4 && Number(text) <= 100 ? 'number' : 'number bad'}
          type="number"
          data-testid="deep-delta"
          step="any"
          value={text}
          onChange={(e) => {
            setText(e.currentTarget.value);
            commit(Number(e.currentTarget.value));
          }}
        />
      </label>
      <input type="range" aria-label="label noise Δ (log scale)" min={-4} max={1} step={0.001} value={Math.log10(delta)} onChange={(e) => commit(Number(Math.pow(10, Number(e.currentTarget.value)).toPrecision(3)))} />
    </div>
  );
}

function Choice<K extends 'readout' | 'weights'>({ field, testId, choices, labels, title }: { field: K; testId: string; choices: readonly string[]; labels?: Record<string, string>; title: ReactNode }) {
  const value = useDeep((s) => s.params[field]);
  const setParam = useDeep((s) => s.setParam);
  const id = useId();
  return (
    <div className="control">
      <label htmlFor={id}>{title}</label>
      <select id={id} data-testid={testId} value={value} onChange={(e) => setParam(field, e.currentTarget.value as DeepUiParams[K])}>
        {choices.map((n) => (
          <option key={n} value={n}>
            {labels?.[n] ?? n}
          </option>
        ))}
      </select>
    </div>
  );
}

export function DeepControls() {
  const quenched = useDeep((s) => s.params.quenched);
  const alphaMax = useDeep((s) => s.params.alphaMax);
  const setParam = useDeep((s) => s.setParam);
  const qid = useId();
  const aid = useId();
  return (
    <section className="panel controls" aria-label="parameters">
      <h2>Parameters (two hidden layers)</h2>
      <DepthControl current={2} />
      <ActivationSelect field="activation" testId="deep-activation" label={<>first-layer activation σ⁽¹⁾</>} />
      <ActivationSelect field="activation2" testId="deep-activation2" label={<>second-layer activation σ⁽²⁾</>} />
      <DeltaControl />
      <Slider label={<>first width <i>γ</i>₁ = k₁/d</>} testId="deep-gamma" field="gamma" min={0.05} max={4} step={0.01} />
      <Slider label={<>second width <i>γ</i>₂ = k₂/d</>} testId="deep-gamma2" field="gamma2" min={0.05} max={4} step={0.01} />
      <Choice field="readout" testId="deep-readout" choices={DEEP_READOUTS} labels={READOUT_LABELS} title={<span>readout law P<sub>v</sub></span>} />
      <Choice field="weights" testId="deep-weights" choices={WEIGHT_PRIORS} title={<span>weight prior P<sub>W</sub> (both layers)</span>} />
      <div className="control inline">
        <input id={qid} type="checkbox" data-testid="deep-quenched" checked={quenched} onChange={(e) => setParam('quenched', e.currentTarget.checked)} />
        <label htmlFor={qid}>quenched: first layer given (Q1 ≡ 1)</label>
      </div>
      <Slider label={<>selected <i>α</i> = n/d²</>} testId="deep-alpha" field="alpha" min={0.01} max={alphaMax} step={0.01} />
      <div className="control inline">
        <label htmlFor={aid}>α range: 0 to</label>
        <select id={aid} data-testid="deep-alpha-max" value={alphaMax} onChange={(e) => setParam('alphaMax', Number(e.currentTarget.value))}>
          {DEEP_ALPHA_MAX.map((m) => (
            <option key={m} value={m}>
              {m}
            </option>
          ))}
        </select>
      </div>
    </section>
  );
}
