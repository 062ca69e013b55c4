// The `saad-solla` command: flags and defaults from the parameter table, the ODEs' ranges as usage errors.
import { describe, expect, it } from 'vitest';
import { parseFlags, UsageError } from '../../platform/cli/args';
import { SAAD_SOLLA_TABLE } from './params';
import { commands } from './cli';

const cmd = commands['saad-solla'];
const run = (args: string[]) => {
  const rows: Record<string, unknown>[] = [];
  cmd.run(parseFlags(args, cmd.flags), (r) => rows.push(r));
  return rows;
};

describe('saad-solla CLI', () => {
  it('takes its defaults from the table', () => {
    for (const s of SAAD_SOLLA_TABLE) expect(cmd.flags[s.key].default, s.key).toBe(String(s.def));
  });

  it('prints the plateau, and refuses K beyond the ODEs’ 8 units', () => {
    const rows = run(['--plateau', '--alpha-max', '100']);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toEqual(expect.objectContaining({ epsPlateau: expect.any(Number), converged: true }));
    expect(() => run(['--K', '9'])).toThrow(UsageError);
  });

  it('--simulate N: rows {seed, alpha, epsG, R, Q} per run, then the plateau lengths with median and quartiles', () => {
    const rows = run([
      '--simulate',
      '50',
      '--seeds',
      '2',
      '--alpha-max',
      '20',
      '--points',
      '5',
      '--eta',
      '1',
      '--asym',
      '0.3',
    ]);
    const samples = rows.filter((r) => !r.summary);
    expect(samples).toHaveLength(2 * 6); // α = 0 and 5 sample times, per run
    expect(samples[0]).toEqual({
      seed: 0,
      alpha: 0,
      epsG: expect.any(Number),
      R: expect.any(Array),
      Q: expect.any(Array),
    });
    expect(samples[6].seed).toBe(1);
    const summary = rows[rows.length - 1];
    expect(summary).toEqual(
      expect.objectContaining({
        summary: true,
        N: 50,
        plateauLength: expect.any(Array),
        epsPlateau: expect.any(Number),
      }),
    );
    expect(summary.plateauLength).toHaveLength(2);
  });

  it('--simulate refuses a bad N or seed count and a run beyond its cost bound', () => {
    expect(() => run(['--simulate', '4'])).toThrow(/N must be an integer/);
    expect(() => run(['--simulate', '100', '--seeds', '0', '--alpha-max', '10'])).toThrow(/seeds must be/);
    expect(() => run(['--simulate', '1000'])).toThrow(/multiply–adds/);
  });
});
