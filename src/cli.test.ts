// A seeded fuzz over every command's flags, in process (issue 21): whatever the input, the CLI answers with exit 0
// or 2, never a stack trace, and every row says whether it converged, with a reason when not and no null beside
// `converged: true` (except the keys a command declares "not defined here"). The work limits are lowered so that
// the accepted calls stay small; the issue's own hostile calls are checked one by one.
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { FAMILIES } from './app/families';
import { main } from './cli';
import { Rng } from './physics/numerics/rng';
import type { FlagSpec } from './platform/cli/args';
import { WORK_LIMITS, type Command } from './platform/cli/command';

const CASES = 12;
const NUMBERS = ['0', '1', '2', '0.5', '-1', '1.5', '3', '1e-20', '1e20', '1e308', '-0', 'Infinity', 'abc', ''];
const LISTS = [...NUMBERS, '1,2', '0:1:0.25', '1,,2', '5:1:1', '0.5,1e9'];
const STRINGS = ['banana', 'expr:sin(8*x)', 'expr:x/0', 'expr:x^2', ''];

function valueFor(spec: FlagSpec, rng: Rng): string {
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(rng.uniform() * xs.length)];
  if (spec.kind === 'number') return pick(spec.default ? [...NUMBERS, spec.default] : NUMBERS);
  if (spec.kind === 'list') return pick(spec.default ? [...LISTS, spec.default] : LISTS);
  return rng.uniform() < 0.6 && spec.choices ? pick(spec.choices) : pick(STRINGS);
}

/** Up to three of the command's flags with values from the pools (booleans as switches). */
function argvFor(cmd: Command, rng: Rng): string[] {
  const names = Object.keys(cmd.flags);
  const argv: string[] = [];
  const n = Math.floor(rng.uniform() * 4);
  for (let i = 0; i < n; i++) {
    const name = names[Math.floor(rng.uniform() * names.length)];
    if (argv.includes(`--${name}`)) continue;
    const spec = cmd.flags[name];
    argv.push(`--${name}`, ...(spec.kind === 'boolean' ? [] : [valueFor(spec, rng)]));
  }
  return argv;
}

const stderr: string[] = [];
async function call(argv: string[]): Promise<{ code: number; rows: Record<string, unknown>[]; err: string }> {
  const lines: string[] = [];
  stderr.length = 0;
  const code = await main(argv, (s) => lines.push(s));
  return { code, rows: lines.map((l) => JSON.parse(l) as Record<string, unknown>), err: stderr.join('') };
}

function expectHonest(name: string, cmd: Command, argv: string[], r: Awaited<ReturnType<typeof call>>) {
  const what = `${name} ${argv.join(' ')}`;
  expect([0, 2], `${what}: exit ${r.code} ${r.err}`).toContain(r.code);
  expect(r.err, what).not.toMatch(/\n\s+at /); // no stack trace
  if (r.code === 2) expect(r.err.trim().split('\n'), what).toHaveLength(1);
  for (const row of r.rows) {
    expect(typeof row.converged, `${what}: ${JSON.stringify(row)}`).toBe('boolean');
    if (row.converged === false) expect(typeof row.reason, `${what}: ${JSON.stringify(row)}`).toBe('string');
    else
      for (const [k, v] of Object.entries(row))
        if (v === null) expect(cmd.nullable ?? [], `${what}: ${k} is null beside converged: true`).toContain(k);
  }
}

const saved = { ...WORK_LIMITS };
beforeAll(() => {
  WORK_LIMITS.seconds = 2;
  WORK_LIMITS.streamSeconds = 2;
  vi.spyOn(process.stderr, 'write').mockImplementation((s: string | Uint8Array) => {
    stderr.push(String(s));
    return true;
  });
});
afterAll(() => {
  Object.assign(WORK_LIMITS, saved);
  vi.restoreAllMocks();
});

const commands = FAMILIES.flatMap((f) => (f.cli ? f.cli.commands.map((name) => [name, f.cli!] as const) : []));

describe('CLI fuzz: every command, seeded', () => {
  for (const [name, cli] of commands)
    it(`${name}: exit 0 or 2, one line on error, every row honest`, { timeout: 240_000 }, async () => {
      const cmd = (await cli.load()).commands[name];
      const rng = Rng.stream(21, name);
      for (let k = 0; k < CASES; k++) {
        const argv = argvFor(cmd, rng);
        expectHonest(name, cmd, argv, await call([name, ...argv]));
      }
      // Every flag given twice is refused.
      const first = Object.keys(cmd.flags)[0];
      const spec = cmd.flags[first];
      const twice = spec.kind === 'boolean' ? [`--${first}`] : [`--${first}`, spec.default ?? spec.choices?.[0] ?? '1'];
      const r = await call([name, ...twice, ...twice]);
      expect(r.code).toBe(2);
      expect(r.err).toMatch(/given twice/);
    });
});

describe("the issue's hostile calls", () => {
  it('rie --snr 1e-20 gives m_S ≈ 1e−20 ≥ 0, converged', async () => {
    const r = await call(['rie', '--snr', '1e-20,1e-7']);
    expect(r.rows[0]).toMatchObject({ converged: true });
    expect(r.rows[0].mS as number).toBeCloseTo(1e-20, 30);
    expect(r.rows[1].mS as number).toBeGreaterThan(r.rows[0].mS as number);
  });

  it('refuses mlp --alpha 1e308, --transition --alpha-max 1e20 and the Saad–Solla link of hours, with exit 2', async () => {
    for (const argv of [
      ['mlp', '--alpha', '1e308'],
      ['mlp', '--transition', '--alpha-max', '1e20'],
      ['saad-solla', '--K', '5', '--M', '5', '--eta', '3', '--alpha-max', '1000000'],
      ['simulate-sgd', '--seed', 'Infinity'],
      ['simulate-rf', '--seed', '4294967296'],
    ]) {
      const r = await call(argv);
      expect(r.code, argv.join(' ')).toBe(2);
      expect(r.rows).toHaveLength(0);
    }
  });
});
