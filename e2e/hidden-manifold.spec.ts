import { expect, test } from '@playwright/test';
import { downloadOf, failOnPageErrors, setRange, SHOTS } from './helpers';

test.describe('hidden manifold', () => {
  failOnPageErrors();

  test('the ridge curve renders with ridge simulation points; a short SGD comparison runs and exports', async ({
    page,
  }) => {
    await page.goto('/#model=hidden-manifold&v=1&lambda=0.0001&N=60&sgd-alpha=30&f=tanh&noise=0');
    const explorer = page.getByTestId('hidden-manifold-explorer');
    await expect(explorer).toHaveAttribute('data-complete', 'true', { timeout: 30_000 });
    const ridge = page.getByTestId('plot-hmm-ridge');
    await expect(ridge.locator('path[data-series=ridge]')).toHaveAttribute('d', /^M/);
    await expect(ridge.locator('path[data-series=ridgeless]')).toHaveAttribute('d', /^M/);
    const E = Number(await page.getByTestId('readout-hmm-E').textContent());
    expect(E).toBeGreaterThan(0);
    // a larger λ recomputes the curve (the readout changes), never a NaN on screen
    await setRange(page, 'control-hmm-lambda', 0.5);
    await expect(page.getByTestId('readout-hmm-E')).not.toHaveText(String(E));
    await expect(explorer).not.toContainText('NaN');
    await page.getByTestId('hmm-ridge-simulate').click();
    await expect(page.getByTestId('hmm-ridge-simulation')).toHaveAttribute('data-complete', 'true', {
      timeout: 60_000,
    });
    await expect(ridge.locator('g[data-series=ridge-sim]')).toHaveCount(12);
    await page.getByTestId('hmm-simulate').click();
    await expect(page.getByTestId('hmm-simulation')).toHaveAttribute('data-complete', 'true', { timeout: 60_000 });
    await expect(page.getByTestId('readout-hmm-runs')).toContainText('4 / 4');
    const sgd = page.getByTestId('plot-hmm-sgd');
    await expect(sgd.locator('path[data-series=sgd-hmm-0]')).toHaveAttribute('d', /^M/);
    await expect(sgd.locator('path[data-series=sgd-iid-0]')).toHaveAttribute('d', /^M/);
    await expect(sgd).toContainText('simulation, N = 60');
    const { body } = await downloadOf(page, 'export-hmm-sgd-csv');
    expect(body.toString()).toMatch(/data,run,alpha,epsG/);
    await page.screenshot({ path: `${SHOTS}/hidden-manifold.png`, fullPage: false });
  });
});
