// Form fields (slider, select), the message banner and the read-out table shared by the tabs.
import { formatValue } from '../plots/scales';
import type { ReactNode } from 'react';

/** What the plots show beside a failed computation: the last result, or nothing yet (a failure on first load). */
export const shownText = (message: string, hasResult: boolean) =>
  `${message.replace(/\.+$/, '')}. ${hasResult ? 'The plots show the last valid result.' : 'Nothing is plotted until this is fixed.'}`;

export function Banner({
  urlErrors,
  computeError,
  hasResult,
  onDismiss,
}: {
  urlErrors: string[];
  computeError: string | null;
  /** Whether the plots hold a result (from before the failure). */
  hasResult: boolean;
  onDismiss(): void;
}) {
  if (urlErrors.length === 0 && !computeError) return null;
  return (
    <div className="error-banner" role="alert" data-testid="error-banner">
      <ul>
        {computeError && <li>{shownText(computeError, hasResult)}</li>}
        {urlErrors.map((u, i) => (
          <li key={i}>{u}</li>
        ))}
      </ul>
      {urlErrors.length > 0 && (
        <button type="button" onClick={onDismiss} aria-label="dismiss link messages">
          dismiss
        </button>
      )}
    </div>
  );
}

export function Slider(props: {
  id: string;
  label: React.ReactNode;
  value: number;
  min: number;
  max: number;
  step: number;
  onChange(v: number): void;
}) {
  return (
    <div className="control">
      <label htmlFor={props.id}>
        <span>{props.label}</span>
        <span className="value">{formatValue(props.value, 4)}</span>
      </label>
      <input
        id={props.id}
        data-testid={props.id}
        type="range"
        min={props.min}
        max={props.max}
        step={props.step}
        value={props.value}
        onChange={(e) => props.onChange(Number(e.target.value))}
      />
    </div>
  );
}

export function Select<T extends string>(props: {
  id: string;
  label: React.ReactNode;
  value: T;
  options: readonly (readonly [T, string])[];
  onChange(v: T): void;
}) {
  return (
    <div className="control">
      <label htmlFor={props.id}>{props.label}</label>
      <select
        id={props.id}
        data-testid={props.id}
        value={props.value}
        onChange={(e) => props.onChange(e.target.value as T)}
      >
        {props.options.map(([v, text]) => (
          <option key={v} value={v}>
            {text}
          </option>
        ))}
      </select>
    </div>
  );
}

export const fmt = (v: number | null | undefined) => (v === null || v === undefined ? '—' : formatValue(v, 5));

/** A read-out table: one row per [label, value, test id]. */
export function KeyValueTable({ rows }: { rows: readonly (readonly [ReactNode, ReactNode, string])[] }) {
  return (
    <table className="kv">
      <tbody>
        {rows.map(([k, v, id]) => (
          <tr key={id}>
            <th>{k}</th>
            <td data-testid={id}>{v}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
