import { expect, test, type Page } from '@playwright/test';
import { epsFig as fig, eqPath, failOnPageErrors, nextCurve, setRange, SHOTS } from './helpers';

async function noErrors(page: Page): Promise<void> {
  await expect(page.getByTestId('error-banner')).toHaveCount(0);
}

test.describe('explorer', () => {
  failOnPageErrors();

  test('draws ε_opt(α) with the paper overlay at the published parameters', async ({ page }) => {
    await page.goto('/');
    await nextCurve(page);
    // COOP/COEP: generations are shared with the worker through a SharedArrayBuffer.
    expect(await page.evaluate(() => crossOriginIsolated)).toBe(true);
    await expect(fig(page)).toHaveAttribute('data-points', '200');
    await expect(eqPath(page)).toHaveAttribute('d', /^M[\d.]+,[\d.]+(L[\d.]+,[\d.]+){150,}/);
    // relu, Δ = 0.1, γ = 0.5, ones: HMC points and the paper's universal curve are overlaid.
    await expect(fig(page)).toHaveAttribute('data-reference', 'relu');
    await expect(fig(page).locator('[data-series=hmc-informative]')).toHaveCount(16);
    // The paper's universal branch: markers on top of ours (at most 40), so both are seen.
    expect(await fig(page).locator('g[data-series=paper-universal]').count()).toBeGreaterThan(10);
    await expect(fig(page).getByText('HMC d=150, informative')).toBeVisible();
    // α_sp is searched after the curve and marked; the readout panel gives ε at the selected α.
    await expect(page.getByTestId('marker-alpha-sp')).toBeVisible();
    await expect(page.getByTestId('readout-alpha-sp')).toHaveText(/^\d/);
    const eps = Number(await page.getByTestId('readout-eps').textContent());
    expect(eps).toBeGreaterThan(0.02);
    expect(eps).toBeLessThan(0.035);
    await expect(page.getByTestId('plot-overlaps').locator('[data-series=Q0] path.overlap-eq')).toHaveAttribute(
      'd',
      /^M/,
    );
    await expect(page.getByTestId('model-notes')).toContainText('prediction');
    await expect(page.getByTestId('mu-2')).toHaveText('0.3989');
    await noErrors(page);
    // The URL records the state.
    await expect
      .poll(() => page.evaluate(() => location.hash))
      .toBe('#model=mlp&v=2&activation=relu&gamma=0.5&delta=0.1&readout=ones&weights=gaussian&alpha=2&alpha-max=8');
    await page.screenshot({ path: `${SHOTS}/e2e-default.png`, fullPage: true });
  });

  test('every control changes the plots, without errors', async ({ page }) => {
    await page.goto('/');
    let gen = await nextCurve(page);
    let d = await eqPath(page).getAttribute('d');
    const expectNewCurve = async (what: string) => {
      gen = await nextCurve(page, gen);
      const d2 = await eqPath(page).getAttribute('d');
      expect(d2, `${what} should change the ε curve`).not.toBe(d);
      d = d2;
      await noErrors(page);
    };

    // α moves the marker and the readout, not the curve.
    const marker = page.getByTestId('marker-alpha').locator('line');
    const x0 = await marker.getAttribute('x1');
    const eps0 = await page.getByTestId('readout-eps').textContent();
    await setRange(page, 'control-alpha', 5);
    await expect(page.getByTestId('control-alpha')).toHaveValue('5');
    await expect(marker).not.toHaveAttribute('x1', x0!);
    await expect(page.getByTestId('readout-eps')).not.toHaveText(eps0!);
    expect(await eqPath(page).getAttribute('d')).toBe(d);

    await setRange(page, 'control-gamma', 0.7);
    await expect(page.getByTestId('control-gamma')).toHaveValue('0.7');
    await expectNewCurve('γ');

    await page.getByTestId('control-delta').fill('0.3');
    await expectNewCurve('Δ');
    await expect(fig(page)).not.toHaveAttribute('data-reference', /.+/); // no overlay away from the published parameters
    await setRange(page, 'control-delta-log', -2);
    await expect(page.getByTestId('control-delta')).toHaveValue('0.01');
    await expectNewCurve('Δ (log slider)');

    await page.getByTestId('control-readout').selectOption('rad');
    await expectNewCurve('readout law');

    await page.getByTestId('control-weights').selectOption('rademacher');
    await expectNewCurve('weight prior');

    // (after the readout law: for odd σ, μ2 = 0 and ±1 readouts give the same curve as v = 1)
    await page.getByTestId('control-activation').selectOption('tanh');
    await expectNewCurve('activation');
    await expect(page.getByTestId('activation-info')).toBeVisible();

    await page.getByTestId('control-alpha-max').selectOption('12');
    await expectNewCurve('α range');
    await expect(page.getByTestId('control-alpha')).toHaveAttribute('max', '12');

    await expect.poll(() => page.evaluate(() => location.hash)).toContain('readout=rad');
    expect(await page.evaluate(() => location.hash)).toContain('weights=rademacher');
    await page.screenshot({ path: `${SHOTS}/e2e-controls.png`, fullPage: true });
  });

  test('custom activation expressions: coefficients for a good one, a clear error for a bad one', async ({ page }) => {
    await page.goto('/');
    let gen = await nextCurve(page);
    await page.getByTestId('control-activation').selectOption('expr');
    const box = page.getByTestId('control-activation-expr');
    await expect(box).toHaveValue('tanh(2*x)'); // the default expression is computed first
    gen = await nextCurve(page, gen);
    const d0 = await eqPath(page).getAttribute('d');
    await box.fill('tanh(x) + 0.3*x^2');
    await box.press('Enter');
    gen = await nextCurve(page, gen);
    const d1 = await eqPath(page).getAttribute('d');
    expect(d1).not.toBe(d0);
    await expect(page.getByTestId('activation-info')).toBeVisible();
    await expect(page.getByTestId('mu-1')).not.toHaveText('—');
    await noErrors(page);
    await expect.poll(() => page.evaluate(() => decodeURIComponent(location.hash))).toContain('activation=expr:');

    await box.fill('x +* (');
    await box.press('Enter');
    await expect(page.getByTestId('error-banner')).toBeVisible();
    await expect(page.getByTestId('error-banner')).toContainText('Activation');
    await expect(page.getByTestId('activation-error')).toBeVisible();
    // The last valid curve stays (same generation) and the page keeps working.
    await expect(fig(page)).toHaveAttribute('data-complete-gen', gen);
    await expect(eqPath(page)).toHaveAttribute('d', /^M/);
    await page.screenshot({ path: `${SHOTS}/e2e-bad-expr.png`, fullPage: true });

    await box.fill('max(x, 0)');
    await box.press('Enter');
    await nextCurve(page, gen);
    await noErrors(page);
    await expect(page.getByTestId('activation-error')).toHaveCount(0);
  });

  test('an invalid URL parameter is named, falls back to its default, and the page still works', async ({ page }) => {
    await page.goto('/#v=1&gamma=banana&delta=0.2');
    const banner = page.getByTestId('error-banner');
    await expect(banner).toContainText('"gamma"');
    await expect(banner).toContainText('banana');
    await expect(page.getByTestId('control-gamma')).toHaveValue('0.5');
    await expect(page.getByTestId('control-delta')).toHaveValue('0.2');
    const gen = await nextCurve(page);
    await page.screenshot({ path: `${SHOTS}/e2e-bad-url.png`, fullPage: true });
    await setRange(page, 'control-gamma', 0.6);
    await nextCurve(page, gen);
    await page.getByRole('button', { name: 'dismiss link messages' }).click();
    await noErrors(page);
    await expect.poll(() => page.evaluate(() => location.hash)).toContain('gamma=0.6');
  });

  test('an unknown model family in the link is named and the MLP is shown', async ({ page }) => {
    await page.goto('/#model=banana&gamma=0.6');
    await expect(page.getByTestId('family-error')).toContainText('banana');
    await expect(page.getByTestId('family-mlp')).toHaveAttribute('aria-selected', 'true');
    await nextCurve(page);
  });

  test('the h23 overlay appears at its published parameters', async ({ page }) => {
    await page.goto('/#v=1&act=h23&delta=1.25&gamma=0.5&readout=ones&weights=gaussian');
    await nextCurve(page);
    await expect(fig(page)).toHaveAttribute('data-reference', 'h23');
    await expect(fig(page).locator('[data-series=hmc-informative]')).toHaveCount(16);
    await noErrors(page);
    await page.screenshot({ path: `${SHOTS}/e2e-h23.png`, fullPage: true });
  });

  test('a continuous readout law draws a handful of Q(|v|) curves; quadratic σ pins Q to 0 with a note', async ({
    page,
  }) => {
    await page.setViewportSize({ width: 760, height: 1000 }); // one-column layout
    await page.goto('/#v=1&act=tanh&delta=0.1&gamma=0.5&readout=gauss&weights=gaussian');
    await nextCurve(page);
    await expect(page.getByTestId('plot-overlaps')).toHaveAttribute('data-series-count', '6'); // R2 and 5 values of |v|
    await expect(page.getByTestId('plot-overlaps').getByText('Q(|v| = ', { exact: false }).first()).toBeVisible();
    // The Q(v) panel at the selected α: the equilibrium's profile as one line over the readout density (issue 15 §1).
    await expect(page.getByTestId('plot-profile')).toHaveAttribute('data-alpha', /^\d/, { timeout: 30_000 });
    await expect(page.getByTestId('plot-profile').locator('path.profile-eq')).toHaveCount(1);
    await expect(page.getByTestId('plot-profile').locator('path[data-series=density]')).toHaveCount(1);
    await noErrors(page);
    await page.screenshot({ path: `${SHOTS}/e2e-gauss-narrow.png`, fullPage: true });

    await page.goto('/#v=1&act=h2&delta=1.25&gamma=0.5&readout=ones&weights=gaussian');
    await nextCurve(page);
    await expect(page.getByTestId('model-notes')).toContainText('spurious');
    await expect(fig(page).locator('path[data-series=specialised-off]')).toHaveAttribute('d', '');
    await noErrors(page);
  });
});
