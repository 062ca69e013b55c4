import { expect, test } from '@playwright/test';
import { failOnPageErrors, SHOTS } from './helpers';

test.describe('classic models', () => {
  failOnPageErrors();

  test('binary perceptron: hard phase shaded between α_IT and α_AMP, GAMP points on the AMP branch', async ({
    page,
  }) => {
    await page.goto('/');
    await page.getByTestId('family-glm').click();
    await page.getByTestId('preset-spherical').click();
    await expect(page.getByTestId('readout-alpha-it')).toHaveText('—');
    await page.getByTestId('preset-binary').click();
    const eps = page.getByTestId('plot-glm-eps');
    await expect(eps.getByTestId('band-hard')).toBeVisible();
    await expect(page.getByTestId('readout-alpha-it')).toHaveText(/^1\.24/);
    await expect(page.getByTestId('readout-alpha-amp')).toHaveText(/^1\.49/);
    await expect(eps.locator('path[data-series=uninformed-metastable]')).toHaveAttribute('d', /^M/);
    // The hash is written debounced: the spherical preset's link (model=glm, prior=gaussian) may still be there.
    await expect.poll(() => page.evaluate(() => location.hash)).toContain('model=glm');
    await expect.poll(() => page.evaluate(() => location.hash)).toContain('prior=rademacher');
    await page.getByTestId('control-gamp-n').selectOption('100');
    await page.getByTestId('run-gamp').click();
    await expect(eps.locator('g[data-series=gamp]')).toHaveCount(8, { timeout: 30_000 });
    await expect(page.getByTestId('error-banner')).toHaveCount(0);
    await page.screenshot({ path: `${SHOTS}/classic-binary-perceptron.png`, fullPage: true });
  });

  test('switch to the K = 2 committee: specialisation appears', async ({ page }) => {
    await page.goto('/#model=glm');
    // The tab bar is one Tab stop; → moves to the next tab and opens it (GLM → committee).
    await expect(page.getByTestId('family-committee')).toHaveAttribute('tabindex', '-1');
    await page.getByTestId('family-glm').focus();
    await page.keyboard.press('ArrowRight');
    await expect(page.getByTestId('family-committee')).toBeFocused();
    await expect(page.getByTestId('family-committee')).toHaveAttribute('aria-selected', 'true');
    await expect(page.getByTestId('family-committee')).toHaveAttribute('tabindex', '0');
    await expect(page.getByTestId('family-glm')).toHaveAttribute('tabindex', '-1');
    const q = page.getByTestId('plot-committee-q');
    await expect(q.locator('path[data-series=q-nonspecialised]')).toHaveAttribute('d', /^M/);
    await expect(q.locator('path[data-series=q11-specialised]')).toHaveAttribute('d', /^M[\d.]+,[\d.]+L/, {
      timeout: 40_000,
    });
    await expect(page.getByTestId('readout-alpha-spec')).toHaveText(/^2\.05/, { timeout: 40_000 });
    await page.screenshot({ path: `${SHOTS}/classic-committee.png`, fullPage: true });
  });

  test('committee with ±1 weights: AMP breaks the symmetry at α_sb, reaches q = I at α_AMP ≈ 1.98', async ({
    page,
  }) => {
    await page.goto('/#model=committee&prior=rademacher&alpha-max=3');
    await expect(page.getByTestId('readout-committee-alpha-amp')).toHaveText(/^1\.97/, { timeout: 60_000 });
    await expect(page.getByTestId('readout-committee-alpha-sb')).toHaveText(/^1\.58/);
    await expect(page.getByTestId('readout-committee-alpha-it')).toHaveText(/^1\.54/);
    const q = page.getByTestId('plot-committee-q');
    await expect(q.getByTestId('band-hard')).toBeVisible();
    await expect(q.getByTestId('mark-alpha-sb')).toBeVisible();
    await expect(q.locator('path[data-series=q11-amp]')).toHaveAttribute('d', /^M[\d.]+,[\d.]+L/);
    // The α cursor: a click in the plot reads both plots' curves there (α ≈ 0.3 of the range 0–3).
    const area = (await q.locator('.cursor-area').boundingBox())!;
    await page.mouse.click(area.x + area.width * 0.1, area.y + area.height / 2);
    await expect(page.getByTestId('plot-committee-q-cursor')).toHaveText(
      /^α = 0\.(2|3)\d* · q11 = q12, non-specialised 0\.\d+/,
    );
    await expect(page.getByTestId('plot-committee-eps-cursor')).toHaveText(/^α = 0\.(2|3)\d* · ε, equilibrium 0\.2\d+/);
    await page.screenshot({ path: `${SHOTS}/classic-committee-binary.png`, fullPage: true });
  });

  test('open the Saad–Solla plateau', async ({ page }) => {
    await page.goto('/#model=saad-solla&K=2&M=2&eta=0.1');
    await expect(page.getByTestId('readout-eps-plateau')).toHaveText(/^0\.012/);
    await expect(page.getByTestId('plot-ss-eps').getByTestId('mark-escape')).toBeVisible();
    await page.getByTestId('control-asym').selectOption('0');
    await expect(page.getByTestId('readout-escape')).toHaveText('no escape in range');
    // The lecture panel: information exponents from the Hermite coefficients.
    await expect(page.getByTestId('kstar-relu').locator('.kstar')).toHaveText('1');
    await expect(page.getByTestId('kstar-h2').locator('.kstar')).toHaveText('2');
    await expect(page.getByTestId('kstar-h3').locator('.kstar')).toHaveText('3');
    await page.screenshot({ path: `${SHOTS}/classic-saad-solla.png`, fullPage: true });
  });

  test('Saad–Solla: simulate at N over the ODE curves, with the plateau lengths', async ({ page }) => {
    await page.goto('/#model=saad-solla&K=2&M=2&eta=1&asym=0.01&alpha-max=1000');
    await expect(page.getByTestId('saad-solla-explorer')).toHaveAttribute('data-complete', 'true');
    await page.getByTestId('control-ss-sim-n').selectOption('100');
    await page.getByTestId('control-ss-sim-seeds').selectOption('2');
    await page.getByTestId('ss-simulate').click();
    await expect(page.getByTestId('ss-simulation')).toHaveAttribute('data-complete', 'true', { timeout: 45_000 });
    await expect(page.getByTestId('readout-sim-runs')).toHaveText('2 / 2');
    await expect(page.getByTestId('readout-sim-spread')).toHaveText(/^\d+(\.\d+)? \[/);
    await expect(page.getByTestId('plot-ss-eps').getByText('simulation, N = 100')).toBeVisible();
    await page.screenshot({ path: `${SHOTS}/classic-saad-solla-simulation.png`, fullPage: true });
  });

  test('a bad URL value is named and the page keeps working', async ({ page }) => {
    await page.goto('/#model=glm&prior=banana&delta=0.5');
    const banner = page.getByTestId('error-banner');
    await expect(banner).toContainText('"prior"');
    await expect(banner).toContainText('banana');
    await expect(page.getByTestId('control-prior')).toHaveValue('rademacher');
    await expect(page.getByTestId('plot-glm-eps').getByTestId('band-hard')).toBeVisible();
    await page.screenshot({ path: `${SHOTS}/classic-bad-url.png`, fullPage: true });
    await page.getByRole('button', { name: 'dismiss link messages' }).click();
    await expect(banner).toHaveCount(0);
  });
});

test.describe('a tab whose code cannot load', () => {
  // page.route does not see what a service worker fetches.
  test.use({ serviceWorkers: 'block' });

  test('says so in its panel, and the other tabs keep working', async ({ page }) => {
    await page.route('**/assets/GlmExplorer-*.js', (route) => route.abort());
    await page.goto('/#model=glm');
    await expect(page.getByTestId('tab-error')).toContainText('Perceptron / GLM tab stopped');
    await page.screenshot({ path: `${SHOTS}/tab-load-error.png` });
    await page.getByTestId('family-committee').click();
    await expect(page.getByTestId('tab-error')).toHaveCount(0);
    await expect(page.getByTestId('plot-committee-q')).toBeVisible();
  });
});
