// `simulate` rows say whether the run is finished and valid (issue 21, point 5): progress rows are "in progress",
// the acceptance is a number on every HMC row, and a chain that accepts nothing is flagged as frozen.
import { describe, expect, it } from 'vitest';
import { parseFlags } from '../../platform/cli/args';
import { runSimulate, simulateCommands } from './simulateCli';

async function simulate(argv: string[]): Promise<Record<string, unknown>[]> {
  const rows: Record<string, unknown>[] = [];
  await runSimulate(parseFlags(argv, simulateCommands.simulate.flags), (r) => rows.push(r));
  return rows;
}

const SMALL = ['--d', '16', '--alpha', '2', '--steps', '4', '--n-test', '200'];

describe('simulate rows', () => {
  it('a healthy HMC run: progress rows in progress, a converged final row, acceptance never null', async () => {
    const rows = await simulate([...SMALL, '--warmup', '2']);
    const final = rows[rows.length - 1];
    expect(final).toMatchObject({ final: true, converged: true });
    for (const r of rows.slice(0, -1)) expect(r).toMatchObject({ converged: false, reason: 'in progress' });
    for (const r of rows) expect(typeof r.acceptance).toBe('number');
  });

  it('a chain whose every proposal diverges never moves: its final row says it is frozen', async () => {
    const rows = await simulate([...SMALL, '--warmup', '0', '--step-size', '9.9']);
    const final = rows[rows.length - 1];
    expect(final.acceptance).toBe(0);
    expect(final).toMatchObject({ converged: false, reason: expect.stringContaining('frozen') });
  });
});
