import { expect, test, type Page } from '@playwright/test';
import { downloadOf, failOnPageErrors, SHOTS } from './helpers';

const epsFig = (page: Page) => page.getByTestId('plot-deep-eps');

async function completeCurve(page: Page): Promise<void> {
  await expect(epsFig(page)).toHaveAttribute('data-complete', 'true', { timeout: 45_000 });
}

/** The y pixel of the first point of a path whose x pixel exceeds xPx (SVG y grows downwards). */
function firstAbove(d: string, level: number): number | null {
  // Points of an M/L path; returns the x of the first point with y < level (overlap above the level line).
  const pts = [...d.matchAll(/[ML]([\d.]+),([\d.]+)/g)].map((m) => [Number(m[1]), Number(m[2])]);
  const hit = pts.find((p) => p[1] < level);
  return hit ? hit[0] : null;
}

test.describe('deep MLP (L = 2)', () => {
  failOnPageErrors();

  test('depth 2 with the paper’s setting: ε(α) with its branches, overlaps, Q1 before Q2, profile', async ({
    page,
  }) => {
    await page.goto('/');
    // From the shallow explorer: the paper's activation, then depth 2 (carries σ, γ, Δ, readout, weights).
    await page.getByTestId('control-activation').selectOption('tanh2-unit');
    await page.getByTestId('control-delta').fill('0.2');
    await expect(page.getByTestId('control-depth').locator('option[value="3"]')).toBeDisabled();
    await expect(page.getByTestId('depth3-reason')).toContainText('μ0 = μ1 = μ2 = 0');
    await page.getByTestId('control-depth').selectOption('2');
    await expect(page.getByTestId('deep-explorer')).toBeVisible();
    await expect(page.getByTestId('deep-activation')).toHaveValue('tanh2-unit');
    await expect(page.getByTestId('deep-delta')).toHaveValue('0.2');
    await completeCurve(page);
    await expect(page).toHaveURL(
      /model=deep&v=1&depth=2&activation=tanh2-unit&activation2=tanh2-unit&gamma=0.5&gamma2=0.5&delta=0.2&readout=ones&weights=gaussian&quenched=0/,
    );
    await expect(epsFig(page)).toHaveAttribute('data-points', '100');
    const eq = epsFig(page).locator('path[data-series=equilibrium]');
    await expect(eq).toHaveAttribute('d', /^M[\d.]+,[\d.]+(L[\d.]+,[\d.]+){90,}/);
    // Metastable branches are drawn dashed: at least the universal plateau and the layer-1 branch.
    for (const b of ['universal', 'layer1']) {
      await expect(epsFig(page).locator(`path[data-series=branch-${b}]`)).toHaveAttribute('d', /^M/);
      await expect(epsFig(page).locator(`path[data-series=branch-${b}]`)).toHaveClass(/dashed/);
    }
    // At α = 2 the equilibrium is the layer1-type point, ε ≈ 0.2334 (docs/physics/mlp-deep.md §9).
    await expect(page.getByTestId('deep-value-branch')).toHaveText('layer1');
    await expect(page.getByTestId('deep-value-eps')).toHaveText(/^0\.233/);
    await expect(page.getByTestId('deep-value-plateau')).toHaveText(/^0\.29831/);
    // Overlaps: mean Q1 rises (crosses 0.1) at a smaller α than mean Q2.
    const ov = page.getByTestId('plot-deep-overlaps');
    const q1 = (await ov.locator('path[data-series=Q1]').getAttribute('d'))!;
    const q2 = (await ov.locator('path[data-series=Q2]').getAttribute('d'))!;
    const box = await ov.locator('svg').boundingBox();
    const level = (box!.height - 12 - 50) * 0.9; // y pixel of overlap 0.1 in the plot frame (inner height · (1 − 0.1))
    const x1 = firstAbove(q1, level);
    const x2 = firstAbove(q2, level);
    expect(x1).not.toBeNull();
    expect(x2).not.toBeNull();
    expect(x1!).toBeLessThan(x2!);
    // The profile at the selected α: large-|s| neurons specialised, small-|s| not.
    const prof = page.getByTestId('plot-deep-profile');
    await expect(prof.locator('path[data-series=profile-eq]')).toHaveAttribute('d', /^M/);
    await page.screenshot({ path: `${SHOTS}/deep-paper-setting.png`, fullPage: true });
    // Move α: the profile follows.
    await page.getByTestId('deep-alpha').evaluate((el) => {
      const input = el as HTMLInputElement;
      Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')!.set!.call(input, '4');
      input.dispatchEvent(new Event('input', { bubbles: true }));
    });
    await expect(prof).toHaveAttribute('data-alpha', '4');
    await expect(page.getByTestId('deep-value-branch')).toHaveText('specialised');
    await prof.screenshot({ path: `${SHOTS}/deep-profile-alpha4.png` });
    // Back to depth 1: the shallow explorer with the carried-over parameters.
    await page.getByTestId('control-depth').selectOption('1');
    await expect(page.getByTestId('plot-eps')).toBeVisible();
    await expect(page.getByTestId('control-activation')).toHaveValue('tanh2-unit');
  });

  test('the deep presets open the deep tab with their caption and the numbers they quote', async ({ page }) => {
    await page.goto('/');
    await page.getByText('Paper presets').click();
    await page.getByTestId('preset-deep-paper').click();
    await expect(page.getByTestId('deep-explorer')).toBeVisible();
    await expect(page.getByTestId('preset-caption')).toHaveAttribute('data-preset', 'deep-paper');
    await completeCurve(page);
    await expect(page.getByTestId('deep-value-branch')).toHaveText('layer1');
    await expect(page.getByTestId('deep-value-eps')).toHaveText(/^0\.233/);
    await page.screenshot({ path: `${SHOTS}/deep-preset-paper.png`, fullPage: true });
    // Export: the CSV carries the CLI flags, the link and one row per α with every branch.
    const csv = (await downloadOf(page, 'export-deep-eps-csv')).body.toString('utf8').trim().split('\n');
    expect(csv[0]).toMatch(/^# model=deep depth=2 activation=tanh2-unit .* url=http.*#model=deep&v=1&/);
    expect(csv[1]).toBe(
      'alpha,eps_opt,equilibrium,f_opt,eps_universal,f_universal,converged_universal,eps_layer1,f_layer1,converged_layer1,eps_product,f_product,converged_product,eps_specialised,f_specialised,converged_specialised',
    );
    // One row per α of the 100-point grid, then the title and cite lines (# …).
    expect(csv.slice(2).filter((l) => !l.startsWith('#'))).toHaveLength(100);
    expect(csv.at(-1)).toMatch(/^# cite: Phase-diagram explorer v\d/);
    const profile = (await downloadOf(page, 'export-deep-profile-csv')).body.toString('utf8').trim().split('\n');
    expect(profile[1]).toMatch(/^s_abs,Q1_opt,/);
    const json = JSON.parse((await downloadOf(page, 'export-deep-overlaps-json')).body.toString('utf8'));
    expect(json.model).toBe('deep');
    expect(json.params.gamma2).toBe(0.5);
    await page.getByText('Paper presets').click();
    await page.getByTestId('preset-deep-quenched').click();
    await expect(page.getByTestId('preset-caption')).toHaveAttribute('data-preset', 'deep-quenched');
    await expect(page.getByTestId('deep-quenched')).toBeChecked();
    await completeCurve(page);
    await expect(page.getByTestId('deep-value-branch')).toHaveText('specialised');
    await expect(page.getByTestId('deep-value-plateau')).toHaveText(/^0\.1623/);
    // Unquenching gives back the paper's setting (α is not part of a preset); another prior removes the caption.
    await page.getByTestId('deep-quenched').uncheck();
    await expect(page.getByTestId('preset-caption')).toHaveAttribute('data-preset', 'deep-paper');
    await page.getByTestId('deep-weights').selectOption('rademacher');
    await expect(page.getByTestId('preset-caption')).toHaveCount(0);
  });

  test('an activation outside the hypothesis shows its reason; the rest keeps working', async ({ page }) => {
    await page.goto('/#model=deep&v=1&depth=2&activation=relu');
    await expect(page.getByTestId('deep-error')).toContainText('layer 1 activation relu has μ0');
    await expect(page.getByTestId('deep-error')).toContainText('μ0 = μ2 = 0');
    await page.screenshot({ path: `${SHOTS}/deep-refused.png` });
    // erf (E σ² = 0.46) is refused in the first layer, which must have unit variance; sin(8x) too (E σ² = ½).
    await page.getByTestId('deep-activation').selectOption('erf');
    await expect(page.getByTestId('deep-error')).toContainText('E σ² = 0.4646 ≠ 1');
    await page.getByTestId('deep-activation').selectOption('expr:');
    await page.getByTestId('deep-activation-expr').fill('sin(8*x)');
    await expect(page.getByTestId('deep-error')).toContainText('divide σ by 0.707107');
    await page.getByTestId('deep-activation').selectOption('h3');
    await completeCurve(page);
    await expect(page.getByTestId('deep-error')).toHaveCount(0);
    // A bad URL value is reported, not silently used.
    await page.goto('/#model=deep&v=1&depth=2&gamma2=banana');
    await expect(page.getByTestId('deep-url-errors')).toContainText('gamma2');
  });
});

test.describe('deep MLP of any depth (L ≥ 3)', () => {
  failOnPageErrors();

  test('the compare preset: L = 1 … 5 with the authors’ HMC, thresholds, and a refused activation', async ({
    page,
  }) => {
    await page.goto(
      '/#model=deep&v=1&depth=3&activation=tanh2-nolin&activation2=tanh2-unit&gamma=1&gamma2=0.5&delta=0.1&readout=ones&weights=gaussian&quenched=0&alpha=2&alpha-max=4&compare=1&alpha-per-layer=1',
    );
    const fig = page.getByTestId('plot-anydepth-eps');
    await expect(fig).toHaveAttribute('data-curves', '5', { timeout: 60_000 });
    await expect(fig).toHaveAttribute('data-hmc', 'true');
    await expect(page.getByTestId('anydepth-hmc-caveat')).toContainText('finite-size');
    await expect(page.getByTestId('anydepth-alpha-e')).toHaveText(/^9\.30/);
    await expect(fig.locator('path[data-series="eq-L3"]')).toHaveCount(1);
    await page.screenshot({ path: `${SHOTS}/anydepth-compare.png`, fullPage: true });
    // An activation outside the hypothesis disables L ≥ 3 and says why.
    await page.getByTestId('deep-activation').selectOption('tanh2-unit');
    await expect(page.getByTestId('deep-error')).toContainText('μ1 = 0.915');
    await expect(page.getByTestId('control-depth').locator('option[value="4"]')).toBeDisabled();
    await expect(page.getByTestId('depth3-reason')).toContainText('tanh2-unit does not satisfy');
  });
});
