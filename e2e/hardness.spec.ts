// The time-to-specialise panel (MLP tab): a small ADAM sweep runs in the worker pool to the end with a growing
// progress bar and median points per d; a long HMC sweep stops on Cancel. Setting (the "Time to specialise vs d"
// preset): tanh(2x), Δ = 1e−4, α = 3, where the theory's ε̄ ≈ 0.0516 and ADAM escapes the universal plateau
// within 250–600 steps at d ≤ 10 (`hardness --d 8,10 --seeds 2`).
import { expect, test } from '@playwright/test';
import { SHOTS, failOnPageErrors } from './helpers';

const LINK =
  '/#model=mlp&v=2&activation=tanh2&gamma=0.5&delta=0.0001&readout=ones&weights=gaussian&alpha=3&alpha-max=8';

test.describe('time to specialise', () => {
  failOnPageErrors();

  test('a d-sweep runs to the end; a long sweep cancels', async ({ page }) => {
    test.setTimeout(300_000);
    await page.goto(LINK);
    const panel = page.getByTestId('hard-panel');
    await panel.scrollIntoViewIfNeeded();
    await page.getByTestId('hard-ds').fill('8,10');
    await page.getByTestId('hard-seeds').fill('2');
    await page.getByTestId('hard-budget').fill('1000');
    await page.getByTestId('hard-run').click();
    const status = page.getByTestId('hard-status');
    await expect(status).toHaveAttribute('data-status', 'running');
    await expect(status).toHaveAttribute('data-status', 'done', { timeout: 240_000 });
    await expect(page.getByTestId('hard-plot')).toHaveAttribute('data-finished', '4');
    await expect(status).toContainText('4/4 runs');
    await expect(status).toContainText('ε̄ = 0.05157'); // midpoint of 2.0e−5 and 0.1031 (shallowModel)
    expect(await page.getByTestId('hard-progress').getAttribute('value')).toBe('4');
    await expect(page.getByTestId('hard-plot').locator('[data-series="median-1"] circle').first()).toBeVisible();
    await panel.screenshot({ path: `${SHOTS}/hardness-sweep.png` });

    await page.getByTestId('hard-algo').selectOption('hmc');
    await page.getByTestId('hard-ds').fill('40');
    await page.getByTestId('hard-budget').fill('5000');
    await page.getByTestId('hard-run').click();
    await expect(status).toHaveAttribute('data-status', 'running');
    await page.getByTestId('hard-cancel').click();
    await expect(status).toHaveAttribute('data-status', 'done');
    await expect(page.getByTestId('hard-run')).toBeEnabled();
    await expect(status).toContainText('0/2 runs');
  });
});
