// The action row of a two-layer panel: run buttons, a cancel button while any of them runs, their errors.
import type { ReactNode } from 'react';
import { twoLayerController } from '../controller';

/** A run button: its test id, the store slice of its simulation, what it starts and its text. */
export interface RunAction {
  id: string;
  sim: { running: boolean; error: string | null };
  run(): void;
  label: string;
}

/** Run buttons, cancel while any runs, their errors, then `children` (the SGD panel's summary). */
export function RunActions({
  actions,
  cancelId,
  children,
}: {
  actions: RunAction[];
  cancelId: string;
  children?: ReactNode;
}) {
  return (
    <div className="tl-actions">
      {actions.map((a) => (
        <button key={a.id} type="button" data-testid={a.id} disabled={a.sim.running} onClick={() => a.run()}>
          {a.label}
        </button>
      ))}
      {actions.some((a) => a.sim.running) && (
        <button type="button" data-testid={cancelId} onClick={() => twoLayerController()?.cancel()}>
          cancel
        </button>
      )}
      {actions.map(
        (a) =>
          a.sim.error && (
            <span key={a.id} className="expr-error">
              {a.sim.error}
            </span>
          ),
      )}
      {children}
    </div>
  );
}
