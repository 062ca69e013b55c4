import { expect, test, type Page } from '@playwright/test';
import { failOnPageErrors, SHOTS } from './helpers';

const AUTHORS =
  '/#model=deep&v=1&depth=2&activation=tanh2-unit&activation2=tanh2-unit&gamma=0.5&gamma2=0.5&delta=0.2&readout=ones&weights=gaussian&quenched=0';
const runStep = (page: Page, init: string) =>
  page.getByTestId(`deep-sim-run-${init}`).getAttribute('data-step').then(Number);

test.describe('deep tab simulations (L = 2)', () => {
  failOnPageErrors();

  test('both starts side by side, their traces and overlaps, then points on ε(α)', async ({ page }) => {
    await page.goto(`${AUTHORS}&alpha=4&alpha-max=8`);
    await expect(page.getByTestId('plot-deep-eps')).toHaveAttribute('data-complete', 'true', { timeout: 45_000 });
    const panel = page.getByTestId('deep-sim-panel');
    await panel.scrollIntoViewIfNeeded();
    await expect(panel).toContainText('Small d escapes sooner');
    await page.getByTestId('deep-sim-d').selectOption('20');
    await page.getByTestId('deep-sim-steps').fill('40');
    await expect(page.getByTestId('deep-sim-start')).toHaveValue('both');
    await page.getByTestId('deep-sim-play').click();
    await expect.poll(() => runStep(page, 'informative'), { timeout: 30_000 }).toBeGreaterThan(5);
    await expect.poll(() => runStep(page, 'uninformative'), { timeout: 30_000 }).toBeGreaterThan(5);
    const err = page.getByTestId('plot-deep-sim-error');
    for (const init of ['informative', 'uninformative']) {
      await expect(err.locator(`path[data-series=run-${init}]`)).toHaveAttribute('d', /M.+L.+L/);
      for (const q of ['Q1', 'Q2', 'Q21'])
        await expect(
          page.getByTestId('plot-deep-sim-overlaps').locator(`path[data-series=run-${init}-${q}]`),
        ).toHaveAttribute('d', /M.+L/);
    }
    // The theory's values at this α are the reference lines.
    await expect(err.locator('path[data-series=theory-eq]')).toHaveAttribute('d', /^M/);
    await expect(err.locator('path[data-series=theory-plateau]')).toHaveAttribute('d', /^M/);
    await expect(page.getByTestId('plot-deep-sim-overlaps').locator('path[data-series=theory-Q1]')).toHaveAttribute(
      'd',
      /^M/,
    );
    expect(['webgl', 'wasm', 'cpu']).toContain(await page.getByTestId('deep-sim-backend').getAttribute('data-backend'));
    await panel.screenshot({ path: `${SHOTS}/deep-sim-running.png` });
    // Both finish and become points (one per start) on the ε(α) plot.
    await expect(page.getByTestId('deep-sim-status')).toHaveAttribute('data-status', 'done', { timeout: 45_000 });
    await expect(page.getByTestId('plot-deep-eps').getByTestId('deep-sim-points')).toHaveAttribute('data-count', '2');
    await panel.screenshot({ path: `${SHOTS}/deep-sim-done.png` });
    await page.getByTestId('plot-deep-eps').screenshot({ path: `${SHOTS}/deep-sim-eps-points.png` });

    // Pause / step / reset act on both runs.
    await page.getByTestId('deep-sim-steps').fill('1000');
    await page.getByTestId('deep-sim-speed').selectOption('10');
    await page.getByTestId('deep-sim-play').click();
    await expect.poll(() => runStep(page, 'uninformative'), { timeout: 30_000 }).toBeGreaterThan(1);
    await page.getByTestId('deep-sim-play').click();
    await expect(page.getByTestId('deep-sim-status')).toHaveAttribute('data-status', 'paused');
    await page.waitForTimeout(500);
    const a = await runStep(page, 'informative');
    const b = await runStep(page, 'uninformative');
    await page.getByTestId('deep-sim-step').click();
    await expect.poll(() => runStep(page, 'informative')).toBe(a + 1);
    await expect.poll(() => runStep(page, 'uninformative')).toBe(b + 1);
    await page.getByTestId('deep-sim-reset').click();
    await expect(page.getByTestId('deep-sim-status')).toHaveAttribute('data-status', 'idle');
    await expect(page.getByTestId('deep-sim-run-informative')).toHaveCount(0);

    // Bad sweep input: a message, the page keeps working.
    await page.getByTestId('deep-sim-sweep-alphas').fill('1,banana');
    await page.getByTestId('deep-sim-sweep').click();
    await expect(page.getByTestId('deep-sim-message')).toContainText('number');
    await expect(page.getByTestId('plot-deep-eps')).toBeVisible();

    // A short sweep over α adds points progressively (α = 2 is a new point, α = 4 joins the informative one).
    await page.getByTestId('deep-sim-start').selectOption('informative');
    await page.getByTestId('deep-sim-steps').fill('5');
    await page.getByTestId('deep-sim-sweep-alphas').fill('2,4');
    await page.getByTestId('deep-sim-sweep-seeds').fill('1');
    await page.getByTestId('deep-sim-sweep').click();
    await expect(page.getByTestId('plot-deep-eps').getByTestId('deep-sim-points')).toHaveAttribute('data-count', '3', {
      timeout: 40_000,
    });
    await expect(page.getByTestId('deep-sim-sweep')).toBeVisible({ timeout: 40_000 });
  });

  test('an activation outside the theory: the simulation still runs and says there is no theory curve', async ({
    page,
  }) => {
    await page.goto(
      `${AUTHORS.replace('activation=tanh2-unit&activation2=tanh2-unit', 'activation=relu&activation2=relu')}&alpha=2`,
    );
    await expect(page.getByTestId('deep-error')).toBeVisible({ timeout: 30_000 });
    await expect(page.getByTestId('deep-sim-no-theory')).toContainText('No L = 2 theory curve');
    await page.getByTestId('deep-sim-start').selectOption('informative');
    await page.getByTestId('deep-sim-d').selectOption('20');
    await page.getByTestId('deep-sim-steps').fill('3');
    await page.getByTestId('deep-sim-play').click();
    await expect(page.getByTestId('deep-sim-status')).toHaveAttribute('data-status', 'done', { timeout: 30_000 });
    await expect(page.getByTestId('plot-deep-sim-error').locator('path[data-series=theory-eq]')).toHaveCount(0);
    await page.getByTestId('deep-sim-panel').screenshot({ path: `${SHOTS}/deep-sim-no-theory.png` });
  });
});
