// ADAM (Kingma & Ba, arXiv 1412.6980) on a list of tfjs parameter tensors, full batch or mini-batch with the
// mini-batches drawn from the simulation's seeded Rng (a fresh permutation each epoch, as a shuffling data
// loader does). Generic over the loss so that an L = 2 student reuses it.

import * as tf from '@tensorflow/tfjs-core';
import type { Rng } from '../physics/numerics/rng';
import type { ValueAndGrad } from './shallowTf';

export interface AdamOptions {
  lr: number; // paper B: 0.01
  beta1?: number;
  beta2?: number;
  epsilon?: number;
}

export class Adam {
  params: tf.Tensor[];
  private m: tf.Tensor[];
  private v: tf.Tensor[];
  iteration = 0;
  lastLoss = NaN;

  constructor(
    private readonly vg: ValueAndGrad,
    init: tf.Tensor[],
    private readonly opts: AdamOptions,
  ) {
    this.params = init.map((t) => t.clone());
    this.m = init.map((t) => tf.zerosLike(t));
    this.v = init.map((t) => tf.zerosLike(t));
  }

  /** One ADAM update; returns the (mini-batch) loss before the update. */
  step(): number {
    const { lr } = this.opts;
    const b1 = this.opts.beta1 ?? 0.9;
    const b2 = this.opts.beta2 ?? 0.999;
    const eps = this.opts.epsilon ?? 1e-8;
    this.iteration++;
    const t = this.iteration;
    const { value, grads } = this.vg(this.params);
    const c1 = 1 / (1 - Math.pow(b1, t));
    const c2 = 1 / (1 - Math.pow(b2, t));
    const next = tf.tidy(() =>
      this.params.map((p, i) => {
        const m = tf.add(tf.mul(this.m[i], b1), tf.mul(grads[i], 1 - b1));
        const v = tf.add(tf.mul(this.v[i], b2), tf.mul(tf.square(grads[i]), 1 - b2));
        const upd = tf.div(tf.mul(m, lr * c1), tf.add(tf.sqrt(tf.mul(v, c2)), eps));
        return [tf.sub(p, upd), m, v] as const;
      }),
    );
    grads.forEach((g) => g.dispose());
    this.params.forEach((p) => p.dispose());
    this.m.forEach((p) => p.dispose());
    this.v.forEach((p) => p.dispose());
    this.params = next.map((x) => x[0]);
    this.m = next.map((x) => x[1]);
    this.v = next.map((x) => x[2]);
    this.lastLoss = value.dataSync()[0];
    value.dispose();
    return this.lastLoss;
  }

  values(): Float64Array[] {
    return this.params.map((t) => Float64Array.from(t.dataSync()));
  }

  dispose(): void {
    [...this.params, ...this.m, ...this.v].forEach((t) => t.dispose());
  }
}

/** Mini-batch index stream: a fresh Rng permutation of 0…n−1 each epoch, cut into batches of size b. */
export class BatchSampler {
  private perm: Int32Array;
  private pos: number;
  constructor(
    private readonly n: number,
    readonly size: number,
    private readonly rng: Rng,
  ) {
    this.perm = new Int32Array(n);
    this.pos = n;
  }
  next(): Int32Array {
    if (this.pos + this.size > this.n) {
      for (let i = 0; i < this.n; i++) this.perm[i] = i;
      this.rng.shuffle(this.perm);
      this.pos = 0;
    }
    const out = this.perm.slice(this.pos, this.pos + this.size);
    this.pos += this.size;
    return out;
  }
}
