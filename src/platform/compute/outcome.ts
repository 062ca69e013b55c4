// The one result type of every worker call. Results are values, not throws: comlink would lose the error class,
// and a superseded request must end quietly (`stale`) rather than as an error.
import { messageOf } from './yield';

export type ComputeErrorKind = 'param' | 'activation' | 'solver' | 'worker';

export interface ComputeError {
  kind: ComputeErrorKind;
  message: string;
  /** The parameter at fault, when the physics names it (a ParamError's `param`). */
  param?: string;
}

export type Outcome<T> =
  { ok: true; value: T } | { ok: false; stale: true } | { ok: false; stale?: false; error: ComputeError };

export const ok = <T>(value: T): Outcome<T> => ({ ok: true, value });
export const STALE: Outcome<never> = { ok: false, stale: true };
export const failed = (kind: ComputeErrorKind, message: string): Outcome<never> => ({
  ok: false,
  error: { kind, message },
});

/** The error of a failed outcome that should be shown (null for success or a stale reply). */
export const errorOf = <T>(r: Outcome<T>): ComputeError | null => (r.ok || r.stale ? null : r.error);

type ErrorClass = abstract new (...args: never[]) => Error;

/** The physics' error classes, injected by the worker entry (services import no physics). */
export interface ErrorClasses {
  ParamError?: ErrorClass;
  ActivationError?: ErrorClass;
}

/** Sorts a thrown error into param / activation / solver; `where` (e.g. "at α = 0.5") is appended to solver errors. */
export function classifier(classes: ErrorClasses): (e: unknown, where?: string) => ComputeError {
  return (e, where) => {
    const message = messageOf(e);
    if (classes.ActivationError && e instanceof classes.ActivationError) return { kind: 'activation', message };
    if (classes.ParamError && e instanceof classes.ParamError) {
      const param = (e as { param?: unknown }).param;
      return typeof param === 'string' ? { kind: 'param', message, param } : { kind: 'param', message };
    }
    return { kind: 'solver', message: where ? `${message} (${where})` : message };
  };
}

/** Runs `f`, turning a throw into a classified error outcome. */
export function attempt<T>(
  classify: (e: unknown, where?: string) => ComputeError,
  f: () => T,
  where?: string,
): Outcome<T> {
  try {
    return ok(f());
  } catch (e) {
    return { ok: false, error: classify(e, where) };
  }
}
