// The `committee` command: K = 2 only, α sorted before the branches are followed, flags from the table.
import { describe, expect, it } from 'vitest';
import { parseFlags, UsageError } from '../../platform/cli/args';
import { commands } from './cli';

const run = (args: string[]) => {
  const rows: Record<string, unknown>[] = [];
  commands.committee.run(parseFlags(args, commands.committee.flags), (r) => rows.push(r));
  return rows;
};

describe('committee CLI', () => {
  it('follows the branches in increasing α whatever the order given', () => {
    expect(run(['--alpha', '1,0.5']).map((r) => r.alpha)).toEqual([0.5, 1]);
    expect(commands.committee.flags.prior).toMatchObject({ default: 'gaussian', choices: ['gaussian', 'rademacher'] });
  });

  it('refuses K ≠ 2 and an α range beyond 1000', () => {
    expect(() => run(['--K', '3'])).toThrow(UsageError);
    expect(() => run(['--thresholds', '--alpha-max', '2000'])).toThrow('--alpha-max must lie in (0, 1000], got 2000');
  });
});
