import { expect, test, type Page } from '@playwright/test';
import { epsFig, failOnPageErrors, SHOTS } from './helpers';

const fig = (page: Page) => page.getByTestId('plot-phase');

/** Waits for a complete diagram of a generation other than `prev`; returns its generation. */
async function nextDiagram(page: Page, prev: string | null = null): Promise<string> {
  let gen: string | null = null;
  await expect
    .poll(
      async () => {
        gen = await fig(page).getAttribute('data-gen');
        return gen !== null && gen !== prev && (await fig(page).getAttribute('data-complete')) === 'true';
      },
      { timeout: 40_000 },
    )
    .toBe(true);
  return gen!;
}

/** Pixel colour of the heatmap canvas at fractions (fx, fy) of its size, as 'r,g,b'. */
async function canvasPixel(page: Page, fx: number, fy: number): Promise<string> {
  return page.getByTestId('phase-canvas').evaluate(
    (el, [u, v]) => {
      const c = el as HTMLCanvasElement;
      const d = c.getContext('2d')!.getImageData(Math.floor(u * c.width), Math.floor(v * c.height), 1, 1).data;
      return `${d[0]},${d[1]},${d[2]}`;
    },
    [fx, fy],
  );
}

test.describe('phase diagram', () => {
  failOnPageErrors();

  test('ReLU, binary W: draws the (α, γ) diagram with its line through the α_sp of the readout panel', async ({
    page,
  }) => {
    await page.goto('/#v=1&alpha=2&amax=8&gamma=0.5&delta=0.1&act=relu&readout=ones&weights=rademacher');
    await nextDiagram(page);
    await expect(fig(page)).toHaveAttribute('data-rows', '64');
    await expect(fig(page).locator('path[data-series=alpha-sp]').first()).toHaveAttribute(
      'd',
      /^M[\d.]+,[\d.]+(L[\d.]+,[\d.]+){20,}/,
    );
    await expect(fig(page).locator('path[data-series=spinodalLow]').first()).toHaveAttribute('d', /^M/);
    // The legend lists the lines drawn (a path with at least one segment), and only those.
    const drawnSeries = await fig(page)
      .locator('path[data-series]')
      .evaluateAll((ps) => ps.filter((p) => /L/.test(p.getAttribute('d') ?? '')).map((p) => p.dataset.series));
    const legendText = (await fig(page).getByTestId('phase-line-legend').textContent()) ?? '';
    expect(legendText.includes('first-order jump')).toBe(drawnSeries.includes('alpha-sp'));
    expect(legendText.includes('spinodals')).toBe(drawnSeries.some((s) => s?.startsWith('spinodal')));
    expect(legendText.includes('continuous onset')).toBe(drawnSeries.includes('onset'));
    expect(legendText).toContain('first-order jump');
    await expect(page.getByTestId('phase-crosshair')).toBeVisible();
    // Default colouring: the overlap Q, a continuous quantity (one colour per physical state).
    await expect(fig(page)).toHaveAttribute('data-quantity', 'overlap');
    await fig(page).scrollIntoViewIfNeeded();
    await fig(page).screenshot({ path: `${SHOTS}/phase-relu-rademacher-overlap.png` });
    const q0 = await canvasPixel(page, 0.02, 0.5); // Q = 0 at small α
    expect(await canvasPixel(page, 0.98, 0.98)).not.toBe(q0); // Q ≈ 1 at large α, small γ
    // Categories only for coexistence: left of the lines and far right at small γ both have one stable state.
    await page.getByTestId('phase-quantity').selectOption('state');
    await expect.poll(() => canvasPixel(page, 0.02, 0.5)).toBe('238,240,243');
    expect(await canvasPixel(page, 0.98, 0.98)).toBe('238,240,243');
    await fig(page).screenshot({ path: `${SHOTS}/phase-relu-rademacher-state.png` });
    // The line crosses γ = 0.5 at the α_sp of the MLP readout panel.
    await expect(page.getByTestId('readout-alpha-sp')).toHaveText(/^\d/);
    const panelSp = parseFloat((await page.getByTestId('readout-alpha-sp').textContent()) ?? 'NaN');
    // The line's path is in plot coordinates: α = x/width·8, γ = 0.1 + (1 − y/height)·1.9; interpolate at γ = 0.5.
    const box = (await page.getByTestId('phase-click').boundingBox())!;
    const d = (await fig(page).locator('path[data-series=alpha-sp]').first().getAttribute('d'))!;
    const pts = d
      .slice(1)
      .split('L')
      .map((p) => p.split(',').map(Number))
      .map(([px, py]) => [(px / box.width) * 8, 0.1 + (1 - py / box.height) * 1.9]);
    const k = pts.findIndex((p, i) => i > 0 && (pts[i - 1][1] - 0.5) * (p[1] - 0.5) <= 0);
    expect(k).toBeGreaterThan(0);
    const [a0, g0] = pts[k - 1];
    const [a1, g1] = pts[k];
    const lineSp = a0 + ((0.5 - g0) / (g1 - g0)) * (a1 - a0);
    expect(Math.abs(lineSp - panelSp)).toBeLessThan(0.01);
  });

  test('clicking moves the sliders, the ε plot recomputes, toggling the quantity redraws (h23)', async ({ page }) => {
    await page.goto('/#v=1&alpha=2&amax=8&gamma=0.5&delta=1.25&act=h23&readout=ones&weights=rademacher');
    const gen = await nextDiagram(page);
    const epsGen = await epsFig(page).getAttribute('data-complete-gen');
    // Click at (α ≈ 6, γ ≈ 1.5): the plot area spans α ∈ [0, 8] and γ ∈ [0.1, 2].
    const box = (await page.getByTestId('phase-click').boundingBox())!;
    await page
      .getByTestId('phase-click')
      .click({ position: { x: box.width * 0.75, y: box.height * (1 - (1.5 - 0.1) / 1.9) } });
    await expect(page).toHaveURL(/alpha=(5\.9\d*|6(\.0\d*)?)&/);
    await expect(page).toHaveURL(/gamma=1\.(4\d*|5\d*)&/);
    // The keyboard does what a click does: two Shift+← on the focused plot area (ten cells of 8/64 each), Enter.
    await page.getByTestId('phase-click').focus();
    await page.keyboard.press('Shift+ArrowLeft');
    await page.keyboard.press('Shift+ArrowLeft');
    await expect(page.getByTestId('phase-key-status')).toHaveText(/α = 3\.5, γ = 1\.[45]/);
    await expect(page).toHaveURL(/alpha=(5\.9\d*|6(\.0\d*)?)&/); // arrows here do not step the α slider
    await page.keyboard.press('Enter');
    await expect(page).toHaveURL(/alpha=3\.5&/);
    // γ is a curve parameter: the ε(α) curve recomputes; the (α, γ) diagram does not.
    await expect.poll(async () => epsFig(page).getAttribute('data-complete-gen'), { timeout: 30_000 }).not.toBe(epsGen);
    expect(await fig(page).getAttribute('data-gen')).toBe(gen);
    await fig(page).screenshot({ path: `${SHOTS}/phase-h23-state.png` });
    // Toggle the coloured quantity: the pixels change, the legend becomes a colour bar.
    const before = await canvasPixel(page, 0.9, 0.95);
    await page.getByTestId('phase-quantity').selectOption('epsOpt');
    await expect(fig(page)).toHaveAttribute('data-quantity', 'epsOpt');
    await expect.poll(() => canvasPixel(page, 0.9, 0.95)).not.toBe(before);
    await expect(fig(page).getByTestId('phase-legend')).toBeVisible();
    await fig(page).screenshot({ path: `${SHOTS}/phase-h23-eps.png` });
    await page.getByTestId('phase-quantity').selectOption('gap');
    await fig(page).screenshot({ path: `${SHOTS}/phase-h23-gap.png` });
    await page.getByTestId('phase-quantity').selectOption('overlap');
    await fig(page).screenshot({ path: `${SHOTS}/phase-h23-overlap.png` });
    // The (α, Δ) plane: a new diagram; Δ clicks move the Δ slider.
    await page.getByTestId('phase-plane-delta').check();
    await nextDiagram(page, gen);
    await expect(fig(page)).toHaveAttribute('data-plane', 'delta');
    await fig(page).screenshot({ path: `${SHOTS}/phase-h23-delta-overlap.png` });
  });
});
