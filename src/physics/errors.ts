// Parameter errors: input that a model refuses (out of range, unknown name, unparsable expression), each with a
// one-line message for the user; and Superseded, long work stopped because its request was superseded. Everything
// else that throws is a bug. The CLI turns any ParamError into exit 2
// (`instanceof ParamError`), the workers into a 'param' or 'activation' outcome; names are set explicitly
// because a minifier renames classes.

/** Refused input to a model, with a one-line message. */
export class ParamError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ParamError';
  }
}

/** Thrown by long work asked to stop (a scan, a row, a table built ahead) once its request was superseded; never a result. */
export class Superseded extends Error {
  constructor(what: string) {
    super(`${what} stopped: superseded`);
    this.name = 'Superseded';
  }
}

/** A ParamError subclass whose `name` is `name` (what error messages and tests see). */
function paramErrorClass(name: string) {
  return class extends ParamError {
    constructor(message: string) {
      super(message);
      this.name = name;
    }
  };
}

/** Unknown activation, or an expression that does not make a valid one. */
export const ActivationError = paramErrorClass('ActivationError');
export type ActivationError = InstanceType<typeof ActivationError>;
/** Unknown GLM output channel or bad channel parameter. */
export const ChannelError = paramErrorClass('ChannelError');
export type ChannelError = InstanceType<typeof ChannelError>;
/** Unknown GLM prior or bad prior parameter. */
export const PriorError = paramErrorClass('PriorError');
export type PriorError = InstanceType<typeof PriorError>;
/** Saad–Solla parameters out of range. */
export const SaadSollaError = paramErrorClass('SaadSollaError');
export type SaadSollaError = InstanceType<typeof SaadSollaError>;
/** Spiked matrix–tensor parameters out of range. */
export const MatrixTensorError = paramErrorClass('MatrixTensorError');
export type MatrixTensorError = InstanceType<typeof MatrixTensorError>;
/** Two-layer (random features, kernel, one step, SGD) parameters out of range. */
export const TwoLayerParamError = paramErrorClass('TwoLayerParamError');
export type TwoLayerParamError = InstanceType<typeof TwoLayerParamError>;
/** Hidden-manifold model parameters out of range. */
export const HiddenManifoldError = paramErrorClass('HiddenManifoldError');
export type HiddenManifoldError = InstanceType<typeof HiddenManifoldError>;
/** Simulation configuration out of range. */
export const SimConfigError = paramErrorClass('SimConfigError');
export type SimConfigError = InstanceType<typeof SimConfigError>;

/** A user expression that does not parse or compile; `position` is 1-based (0: the whole expression). */
export class ExpressionError extends ParamError {
  readonly position: number;
  constructor(message: string, position = 0) {
    super(message);
    this.name = 'ExpressionError';
    this.position = position;
  }
}
