// The first view's scripts carry V8's compile hint on their first line (vite.config.ts compileHints: compiled on a
// background thread while they load), and scripts outside the first view do not: a tab opened later, the
// simulation stack (never fetched for the first view). The page's main thread loads no solver (the workers do), and
// the panels below the first screen come in a chunk of their own once the first curve is drawn.
import { expect, test, type Response } from '@playwright/test';
import { epsFig, failOnPageErrors } from './helpers';

const HINT = '//# allFunctionsCalledOnLoad\n';

test.describe('start-up', () => {
  failOnPageErrors();

  test('the first view’s scripts are compiled eagerly, the others lazily, and the page loads no solver', async ({
    page,
    context,
  }) => {
    const scripts = new Map<string, Promise<string>>();
    const paths = new Map<string, string>();
    const record = (r: Response) => {
      const path = new URL(r.url()).pathname;
      const name = path.split('/').pop() ?? '';
      if (name.endsWith('.js') && !scripts.has(name)) {
        const text = r.text();
        text.catch(() => {}); // a body still loading when the test ends is not read
        scripts.set(name, text);
        paths.set(name, path);
      }
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
    // A chunk's sources, from its source map (null without one).
    const sourcesOf = async (name: string): Promise<string[] | null> => {
      const res = await page.request.get(`${paths.get(name)}.map`);
      return res.headers()['content-type']?.includes('json')
        ? ((await res.json()) as { sources: string[] }).sources
        : null;
    };
    // The page's own scripts hold no solver (the workers do).
    const solvers =
      /physics\/(mlp\/(shallowModel|phaseRow|profile|readoutContinuum)|spectralTable|deep\/deepModel)\.ts$/;
    for (const name of firstView.filter((n) => !n.includes('.worker-') && paths.get(n)?.startsWith('/assets/'))) {
      const sources = await sourcesOf(name);
      // Every chunk has a source map except the bundler's generated runtime.
      if (sources === null) {
        expect(name).toMatch(/^rolldown-runtime-/);
        continue;
      }
      expect(
        sources.filter((src) => solvers.test(src)),
        name,
      ).toEqual([]);
    }

    // The MLP view's chunk holds none of the panels below the first screen; their chunk follows, compiled lazily.
    const view = firstView.find((n) => n.startsWith('MlpExplorer-'))!;
    expect(
      (await sourcesOf(view))?.filter((src) => /views\/(SimPanel|HardnessPanel|ProfilePlot)\.tsx$/.test(src)),
    ).toEqual([]);
    await expect(page.getByTestId('plot-profile')).toBeVisible({ timeout: 30_000 });
    const below = [...scripts.keys()].filter((n) => n.startsWith('BelowFirstScreen-'));
    expect(below).toHaveLength(1);
    expect((await scripts.get(below[0]))!.startsWith('//#')).toBe(false);

    await page.getByTestId('family-committee').click();
    await expect(page.getByTestId('committee-explorer')).toBeVisible({ timeout: 30_000 });
    const later = [...scripts.keys()].filter((n) => n.startsWith('CommitteeExplorer-'));
    expect(later).toHaveLength(1);
    expect((await scripts.get(later[0]))!.startsWith('//#')).toBe(false);
    context.off('response', record);
  });
});
