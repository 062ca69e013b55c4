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
});
