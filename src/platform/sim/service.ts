// The simulation worker's logic, independent of comlink and of the browser: runs a Simulation step by step (one
// at a time, or several interleaved when a request says `alongside`), yielding between steps so that pause/step/cancel/speed messages get through (comlink cannot abort a
// call), batching progress rows to ≤ 20 messages a second, and restarting on another backend when the WebGL
// context is lost.
import { SimConfigError } from '../../physics/errors';
import { Simulation, type SimProgress } from '../../sim/simulation';
import type { BackendInfo, BrowserBackend, Control, RunOutcome, RunRequest, SimEvent } from './protocol';

export interface SimServiceDeps {
  chooseBackend(forced: BrowserBackend | null): Promise<BackendInfo>;
  /** Registers a context-loss callback for the current backend; returns an unsubscribe. */
  watchContextLoss(onLost: () => void): () => void;
  now(): number;
  sleep(ms: number): Promise<void>;
}

interface Active {
  id: number;
  paused: boolean;
  stepBudget: number;
  cancelled: boolean;
  speed: number;
  wake: (() => void) | null;
}

export function createSimService(deps: SimServiceDeps) {
  let backend: BackendInfo | null = null;
  const active = new Map<number, Active>();
  let contextLost = false;

  const wake = (a: Active) => {
    const w = a.wake;
    a.wake = null;
    w?.();
  };

  return {
    async init(forced: BrowserBackend | null): Promise<BackendInfo> {
      backend = await deps.chooseBackend(forced);
      contextLost = false;
      return backend;
    },

    control(id: number, cmd: Control): void {
      const a = active.get(id);
      if (!a) return;
      if (cmd === 'pause') a.paused = true;
      else if (cmd === 'resume') a.paused = false;
      else if (cmd === 'step') a.stepBudget++;
      else a.cancelled = true;
      wake(a);
    },

    setSpeed(id: number, speed: number): void {
      const a = active.get(id);
      if (a) {
        a.speed = speed;
        wake(a);
      }
    },

    async run(req: RunRequest, emit: (e: SimEvent) => void): Promise<RunOutcome> {
      // One run at a time unless `alongside`: a new run supersedes the others.
      if (!req.alongside)
        for (const o of active.values()) {
          o.cancelled = true;
          wake(o);
        }
      const a: Active = {
        id: req.id,
        paused: req.paused,
        stepBudget: req.stepBudget ?? 0,
        cancelled: false,
        speed: req.speed,
        wake: null,
      };
      active.set(req.id, a);
      if (!backend) backend = await deps.chooseBackend(null);
      let sim: Simulation | null = null;
      let unwatch = deps.watchContextLoss(() => {
        contextLost = true;
      });
      try {
        try {
          sim = new Simulation(req.config);
        } catch (e) {
          if (e instanceof SimConfigError) return { ok: false, id: req.id, message: e.message, kind: 'config' };
          throw e;
        }
        let buffer: SimProgress[] = [];
        let lastFlush = deps.now();
        let windowStart = deps.now();
        let windowSteps = 0;
        let stepsPerSecond = 0;
        const flush = () => {
          if (!req.stream) {
            // Unstreamed (a sweep): an empty progress message a second keeps the page's watchdog quiet.
            buffer = [];
            if (deps.now() - lastFlush < 1000) return;
          } else if (!buffer.length) return;
          const s = sim!.summary(backend!.backend);
          emit({
            type: 'progress',
            id: req.id,
            rows: buffer,
            stepsPerSecond,
            gradientsPerSecond: s.gradientsPerSecond,
          });
          buffer = [];
          lastFlush = deps.now();
        };
        while (!sim.done && !a.cancelled) {
          if (a.paused && a.stepBudget === 0) {
            flush();
            await new Promise<void>((r) => (a.wake = r));
            continue;
          }
          if (a.stepBudget > 0) a.stepBudget--;
          const t0 = deps.now();
          let row: SimProgress;
          try {
            row = sim.advance();
            if (contextLost) throw new Error('WebGL context lost');
          } catch (e) {
            if (!contextLost) throw e;
            // Lost GPU context: start again from step 0 on the next backend down the ladder (same seed).
            unwatch();
            sim.dispose();
            backend = await deps.chooseBackend('wasm');
            contextLost = false;
            unwatch = deps.watchContextLoss(() => {
              contextLost = true;
            });
            emit({
              type: 'notice',
              id: req.id,
              message: `WebGL context lost: the run restarted from step 0 on ${backend.backend}.`,
              backend,
            });
            sim = new Simulation(req.config);
            continue;
          }
          buffer.push(row);
          windowSteps++;
          const now = deps.now();
          if (now - windowStart > 500) {
            stepsPerSecond = (1000 * windowSteps) / (now - windowStart);
            windowStart = now;
            windowSteps = 0;
          } else if (stepsPerSecond === 0 && now > windowStart)
            stepsPerSecond = (1000 * windowSteps) / (now - windowStart);
          if (now - lastFlush > 50 || a.paused || sim.done) flush();
          // Yield to the message loop; honour the speed cap.
          const wait = a.speed > 0 ? Math.max(0, 1000 / a.speed - (deps.now() - t0)) : 0;
          await deps.sleep(wait);
        }
        flush();
        return { ok: true, id: req.id, summary: sim.summary(backend.backend), cancelled: a.cancelled };
      } catch (e) {
        return { ok: false, id: req.id, message: e instanceof Error ? e.message : String(e), kind: 'runtime' };
      } finally {
        unwatch();
        sim?.dispose();
        if (active.get(req.id) === a) active.delete(req.id);
      }
    },
  };
}
