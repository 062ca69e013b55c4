// `simulate --depth L` and `--nishimori`: the keys of the depth-2 lines plus the per-layer overlaps q and the
// Nishimori statistic; invalid input exits 2 with one line. Tiny runs (d = 8, two trajectories): keys, not physics
// (the physics is in src/sim/*Simulation.test.ts).
import { describe, expect, it, vi } from 'vitest';
import { main } from '../../cli';

async function run(args: string[]): Promise<{ code: number; lines: string[] }> {
  const lines: string[] = [];
  const code = await main(['simulate', ...args], (s) => lines.push(s));
  return { code, lines };
}

const TINY = ['--d', '8', '--alpha', '1', '--steps', '2', '--leapfrog', '2', '--n-test', '200', '--gamma', '1'];

describe('simulate --depth L', () => {
  it('depth 3: q has one overlap per layer, Q1 = q1, Q2 = q2, Q21 null; --nishimori adds its statistic', async () => {
    const { code, lines } = await run([...TINY, '--depth', '3', '--activation', 'tanh2-nolin', '--nishimori']);
    expect(code).toBe(0);
    const rows = lines.map((l) => JSON.parse(l) as Record<string, unknown>);
    const last = rows[rows.length - 1];
    expect(last.final).toBe(true);
    expect(last).toMatchObject({ depth: 3, widths: [8, 8, 8], Q21: null, Q: null, R2: null });
    const q = last.q as number[];
    expect(q).toHaveLength(3);
    expect(last.Q1).toBe(q[0]);
    expect(last.Q2).toBe(q[1]);
    for (const r of rows) expect(Object.keys(r)).toEqual(expect.arrayContaining(['nishimori', 'nishimoriSe', 'q']));
    expect(typeof last.nishimori).toBe('number');
  });

  it('depth 2 keeps its keys (Q1, Q2, Q21 from the L = 2 overlaps) and adds q; no nishimori key without the flag', async () => {
    const { code, lines } = await run([...TINY, '--depth', '2', '--activation', 'tanh2-unit']);
    expect(code).toBe(0);
    const last = JSON.parse(lines[lines.length - 1]) as Record<string, unknown>;
    expect(Object.keys(last)).toEqual(
      expect.arrayContaining(['testError', 'gibbsHalf', 'eps', 'Q1', 'Q2', 'Q21', 'q', 'depth', 'k2']),
    );
    expect(typeof last.Q21).toBe('number');
    expect(last.q as number[]).toHaveLength(2);
    expect(last.Q1).toBe((last.q as number[])[0]); // the same cross-fitted first-layer estimate
    expect(last).not.toHaveProperty('nishimori');
  });

  it('per-layer lists: --activations and --gammas set each layer', async () => {
    const { code, lines } = await run([
      ...TINY,
      '--depth',
      '3',
      '--activations',
      'tanh2-nolin,h3,tanh2-nolin',
      '--gammas',
      '1,0.5,0.75',
    ]);
    expect(code).toBe(0);
    expect(JSON.parse(lines[lines.length - 1])).toMatchObject({ widths: [8, 4, 6], k: 8, k2: 4 });
  });

  const bad: [string[], RegExp][] = [
    [['--depth', '9'], /--depth must be an integer in 1…8/],
    [['--depth', '3', '--activations', 'relu,relu'], /--activations needs 3 values/],
    [['--depth', '3', '--activations', 'relu,nope,relu'], /unknown activation 'nope'/],
    [['--depth', '3', '--gamma2', '0.5'], /--gamma2 needs --depth 2/],
    [['--gammas', '1,1'], /--gammas needs --depth ≥ 2/],
    [['--depth', '2', '--algo', 'adam', '--nishimori'], /--nishimori compares two HMC chains/],
    [['--depth', '3', '--theory'], /--theory is available at depth 1 and 2/],
  ];
  for (const [args, message] of bad)
    it(`refuses ${args.join(' ')} with exit 2 and one line`, async () => {
      const err: string[] = [];
      const spy = vi.spyOn(process.stderr, 'write').mockImplementation((s) => err.push(String(s)) > 0);
      const { code, lines } = await run([...TINY, ...args]);
      spy.mockRestore();
      expect(code).toBe(2);
      expect(lines).toHaveLength(0);
      expect(err).toHaveLength(1);
      expect(err[0].trimEnd().split('\n')).toHaveLength(1);
      expect(err[0]).toMatch(message);
    });
});
