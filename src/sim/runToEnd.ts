// Runs one Simulation to its end and returns every progress row and the summary (tests; the CLI and the worker
// stream rows as they come instead).
import * as tf from '@tensorflow/tfjs-core';
import { DEFAULT_SIM, Simulation, type SimConfig } from './simulation';

export function runToEnd(config: Partial<SimConfig>) {
  const sim = new Simulation({ ...DEFAULT_SIM, ...config });
  const trace = [];
  while (!sim.done) trace.push(sim.advance());
  const summary = sim.summary(tf.getBackend());
  sim.dispose();
  return { trace, summary };
}
