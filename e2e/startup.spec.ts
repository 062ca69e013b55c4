// The first view's scripts carry V8's compile hint on their first line (vite.config.ts compileHints: compiled on a
// background thread while they load), and scripts outside the first view do not: a tab opened later, the
// simulation stack (never fetched for the first view).
import { expect, test, type Response } from '@playwright/test';
import { epsFig, failOnPageErrors } from './helpers';

const HINT = '//# allFunctionsCalledOnLoad\n';

test.describe('start-up', () => {
  failOnPageErrors();

  test('the first view’s scripts are compiled eagerly, the others lazily', async ({ page, context }) => {
    const scripts = new Map<string, Promise<string>>();
    const record = (r: Response) => {
      const name = new URL(r.url()).pathname.split('/').pop() ?? '';
      if (name.endsWith('.js') && !scripts.has(name)) scripts.set(name, r.text());
    };
    context.on('response', record);
    await page.goto('/');
    await expect(epsFig(page)).toHaveAttribute('data-complete', 'true', { timeout: 30_000 });
    const firstView = [...scripts.keys()];
    for (const prefix of ['index-', 'MlpExplorer-', 'LinePlot-', 'mlp.worker-']) {
      const name = firstView.find((n) => n.startsWith(prefix));
      expect(name, `${prefix}… fetched for the first view`).toBeDefined();
      expect((await scripts.get(name!))!.startsWith(HINT), `${name} starts with the hint`).toBe(true);
    }
    expect(firstView.filter((n) => /^(sim|hardness)\.worker-/.test(n))).toEqual([]);

    await page.getByTestId('family-committee').click();
    await expect(page.getByTestId('committee-explorer')).toBeVisible({ timeout: 30_000 });
    const later = [...scripts.keys()].filter((n) => n.startsWith('CommitteeExplorer-'));
    expect(later).toHaveLength(1);
    expect((await scripts.get(later[0]))!.startsWith('//#')).toBe(false);
  });
});
