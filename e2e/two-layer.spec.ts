import { expect, test, type Page } from '@playwright/test';
import { failOnPageErrors, setRange, SHOTS } from './helpers';

/** E(α, β) from the readout once it shows the given α ('inf' at the peak). */
async function errorAt(page: Page, alpha: number): Promise<string> {
  await setRange(page, 'tl-slider-alpha', alpha);
  const readout = page.getByTestId('rf-readout');
  await expect(readout).toContainText(`α = ${alpha}`);
  return (await readout.getAttribute('data-test-error'))!;
}

test.describe('two-layer lecture', () => {
  failOnPageErrors();

  test('dragging α across p = n shows the double-descent peak; RF simulation overlays points', async ({ page }) => {
    await page.goto('/#model=two-layer&v=1&beta=2&lambda=0&d=40');
    await expect(page.getByTestId('plot-rf-alpha').locator('path[data-series=rf]')).toHaveAttribute('d', /^M/);
    const far = Number(await errorAt(page, 1));
    const near = Number(await errorAt(page, 1.9));
    expect(near).toBeGreaterThan(3 * far);
    expect(await errorAt(page, 2)).toBe('inf');
    await expect(page.getByTestId('rf-readout')).toContainText('∞');
    const past = Number(await errorAt(page, 2.1));
    const later = Number(await errorAt(page, 4));
    expect(past).toBeGreaterThan(3 * later);
    await expect(page.getByTestId('tl-url-error')).toHaveCount(0);
    await expect.poll(() => page.evaluate(() => location.hash)).toContain('alpha=4');
    await page.getByTestId('run-rf').click();
    await expect(page.getByTestId('plot-rf-alpha')).toHaveAttribute('data-sim-points', /^(1[0-9]|[4-9])$/, {
      timeout: 45_000,
    });
    await page.screenshot({ path: `${SHOTS}/two-layer-rf.png`, fullPage: false });
  });

  test('one giant step: a spike for ℓ = 1 along θ*, none learnt for ℓ = 2', async ({ page }) => {
    await page.goto('/#model=two-layer&v=1&d=100&alpha0=8&beta=2&alpha=8&lambda=0.03&noise=0');
    await expect(page.getByTestId('tl-value-alpha')).toHaveText('8');
    await expect(page.getByTestId('tl-url-error')).toHaveCount(0);
    await page.getByTestId('run-onestep-ell1').click();
    const plot1 = page.getByTestId('plot-spectrum-ell1');
    await expect(plot1).toBeVisible({ timeout: 30_000 });
    await expect(plot1.getByTestId('spike-bar')).toBeVisible();
    const s1 = Number(await plot1.getAttribute('data-s1'));
    const bulk = Number(await plot1.getAttribute('data-bulk-top'));
    expect(s1).toBeGreaterThan(4 * bulk);
    await page.getByTestId('run-onestep-ell2').click();
    await expect(page.getByTestId('plot-spectrum-ell2')).toBeVisible({ timeout: 30_000 });
    const ov1 = Number(await page.getByTestId('onestep-row-ell1').getAttribute('data-overlap'));
    const ov2 = Number(await page.getByTestId('onestep-row-ell2').getAttribute('data-overlap'));
    expect(ov1).toBeGreaterThan(0.8);
    expect(ov2).toBeLessThan(0.5);
    // the step beats the kernel for the ℓ = 1 target, not for He2 (simulation, one seed)
    const after1 = Number(await page.getByTestId('onestep-row-ell1').getAttribute('data-after'));
    const after2 = Number(await page.getByTestId('onestep-row-ell2').getAttribute('data-after'));
    expect(after1).toBeLessThan(0.7);
    expect(after2).toBeGreaterThan(1);
    await page.getByTestId('onestep-table').scrollIntoViewIfNeeded();
    await page.screenshot({ path: `${SHOTS}/two-layer-onestep.png`, fullPage: false });
  });

  test('online SGD: runs, SDE band and the escape-time plot are drawn', async ({ page }) => {
    await page.goto('/#model=two-layer&v=1&ell=1&d=60&eta=0.5');
    const esc = page.getByTestId('plot-escape');
    await expect(esc).toHaveAttribute('data-curves', '3', { timeout: 30_000 });
    for (const l of [1, 2, 3]) await expect(esc.locator(`path[data-series=escape-${l}]`)).toHaveAttribute('d', /^M/);
    await page.getByTestId('run-sgd').click();
    const m = page.getByTestId('plot-sgd-m');
    await expect(m).toHaveAttribute('data-band', '1', { timeout: 45_000 });
    await expect(m).toHaveAttribute('data-runs', '5');
    await expect(m.locator('path[data-series=ode]')).toHaveAttribute('d', /^M/);
    await expect(page.getByTestId('sgd-summary')).toContainText('escape samples');
    await page.getByTestId('run-escape').click();
    await expect(esc).toHaveAttribute('data-sim-points', '5', { timeout: 45_000 });
    await expect(esc.locator('.tl-point')).toHaveCount(5);
    await m.scrollIntoViewIfNeeded();
    await page.screenshot({ path: `${SHOTS}/two-layer-sgd.png`, fullPage: false });
  });

  test('the default view draws every escape curve; at η = 1 the ℓ = 2 one says it does not escape', async ({
    page,
  }) => {
    await page.goto('/#model=two-layer');
    const esc = page.getByTestId('plot-escape');
    await expect(esc).toHaveAttribute('data-curves', '3', { timeout: 60_000 });
    for (const l of [1, 2, 3]) await expect(esc.locator(`path[data-series=escape-${l}]`)).toHaveAttribute('d', /^M/);
    await expect(esc.getByTestId('escape-none')).toHaveCount(0);
    await page.goto('/#model=two-layer&v=1&eta=1');
    await expect(esc.getByTestId('escape-none').first()).toContainText('ℓ = 2: no escape', { timeout: 60_000 });
    await expect(page.getByTestId('ode-no-escape')).toContainText('0.408');
  });

  test('a bad URL value shows a message and the page keeps working', async ({ page }) => {
    await page.goto('/#model=two-layer&v=1&alpha=banana&beta=99&target=nope');
    const msg = page.getByTestId('tl-url-error');
    await expect(msg).toContainText('"alpha" = "banana" is not a number');
    await expect(msg).toContainText('"beta" = 99 is outside');
    await expect(msg).toContainText('"target" = "nope"');
    await expect(page.getByTestId('plot-rf-alpha').locator('path[data-series=rf]')).toHaveAttribute('d', /^M/);
    await page.screenshot({ path: `${SHOTS}/two-layer-bad-url.png`, fullPage: true });
  });
});
