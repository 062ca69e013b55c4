// Presentational controls shared by the MLP and deep-network panels: each takes a value and an onChange, so a
// family binds it to its own store.
import { useEffect, useId, useState, type ReactNode } from 'react';
import { formatNumber } from '../../families/mlp/params';

export const READOUT_LABELS: Record<string, string> = {
  ones: 'v = 1 (homogeneous)',
  rad: 'v = ±1 (Rademacher)',
  unif: 'v ~ U[−√3, √3]',
  gauss: 'v ~ N(0, 1)',
  '4point': 'v ∈ {±1/√5, ±3/√5}',
};

interface SliderProps {
  label: ReactNode;
  hint?: string;
  testId: string;
  value: number;
  min: number;
  max: number;
  step: number;
  onChange: (x: number) => void;
}

export function Slider({ label, hint, testId, value, min, max, step, onChange }: SliderProps) {
  const id = useId();
  return (
    <div className="control">
      <label htmlFor={id}>
        <span>{label}</span>
        <output className="value">{formatNumber(value)}</output>
      </label>
      <input
        id={id}
        type="range"
        data-testid={testId}
        min={min}
        max={max}
        step={step}
        value={value}
        title={hint}
        onChange={(e) => {
          const x = Number(e.currentTarget.value);
          if (Number.isFinite(x)) onChange(x);
        }}
      />
    </div>
  );
}

const DECADE_LABELS: [number, string][] = [
  [-4, '10⁻⁴'],
  [-3, '10⁻³'],
  [-2, '10⁻²'],
  [-1, '0.1'],
  [0, '1'],
  [1, '10'],
  [2, '100'],
];

/** Δ: a number box (any value in [min, max]) over a log-scale slider with decade marks. */
export function DeltaInput({
  value,
  min,
  max,
  testId,
  logTestId,
  onChange,
}: {
  value: number;
  min: number;
  max: number;
  testId: string;
  logTestId?: string;
  onChange: (x: number) => void;
}) {
  const id = useId();
  const [text, setText] = useState(formatNumber(value));
  // eslint-disable-next-line react-hooks/set-state-in-effect -- the draft text follows the value when it changes elsewhere (URL, preset, reset)
  useEffect(() => setText(formatNumber(value)), [value]);
  const commit = (x: number) => {
    if (Number.isFinite(x) && x >= min && x <= max) onChange(x);
  };
  const bad = !(Number(text) >= min && Number(text) <= max);
  const lo = Math.log10(min);
  const hi = Math.log10(max);
  return (
    <div className="control">
      <label htmlFor={id}>
        <span>
          label noise <i>Δ</i>
        </span>
        <input
          id={id}
          className={bad ? 'number bad' : 'number'}
          type="number"
          data-testid={testId}
          min={min}
          max={max}
          step="any"
          value={text}
          title={`Δ in [${min}, ${max}]`}
          onChange={(e) => {
            setText(e.currentTarget.value);
            commit(Number(e.currentTarget.value));
          }}
        />
      </label>
      <input
        type="range"
        data-testid={logTestId}
        aria-label="label noise Δ (log scale)"
        min={lo}
        max={hi}
        step={0.001}
        value={Math.log10(value)}
        onChange={(e) => commit(Number(Math.pow(10, Number(e.currentTarget.value)).toPrecision(3)))}
      />
      <div className="scale-hint" aria-hidden="true">
        {DECADE_LABELS.filter(([e]) => e >= lo && e < hi).map(([e, t]) => (
          <span key={t} style={{ left: `${((e - lo) / (hi - lo)) * 100}%` }}>
            {t}
          </span>
        ))}
      </div>
    </div>
  );
}

/** The right end of the α axis, from a fixed list of choices. */
export function AlphaMaxSelect({
  value,
  choices,
  testId,
  onChange,
}: {
  value: number;
  choices: readonly number[];
  testId: string;
  onChange: (x: number) => void;
}) {
  const id = useId();
  return (
    <div className="control inline">
      <label htmlFor={id}>α range: 0 to</label>
      <select id={id} data-testid={testId} value={value} onChange={(e) => onChange(Number(e.currentTarget.value))}>
        {choices.map((m) => (
          <option key={m} value={m}>
            {m}
          </option>
        ))}
      </select>
    </div>
  );
}
