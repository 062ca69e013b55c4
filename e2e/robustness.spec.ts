// Nothing silent (issue 21): a link that would take hours is refused with its estimate, a worker killed in the
// middle of a computation is reported and the tab recovers, a first load with no valid result says so, and a
// simulation panel's settings survive a reload. The MLP tab's panels below the first screen (their own chunk) that
// fail to load say so, and the first screen keeps working.
import { expect, test } from '@playwright/test';
import { epsFig, failOnPageErrors, nextCurve, SHOTS } from './helpers';

test.describe('nothing silent', () => {
  failOnPageErrors();

  test('the Saad–Solla link of hours is refused with its estimate; the other tabs keep working', async ({ page }) => {
    await page.goto('/#model=saad-solla&v=1&K=5&M=5&eta=3&alpha-max=1000000');
    const banner = page.getByTestId('error-banner');
    await expect(banner).toContainText(/about \d+ h \(limit 20 s\)\. Lower α_max, η, K or M\. Nothing is plotted/);
    await page.screenshot({ path: `${SHOTS}/robust-saad-solla-refused.png`, fullPage: true });
    await page.getByTestId('family-glm').click();
    await expect(page.getByTestId('plot-glm-eps').locator('path').first()).toHaveAttribute('d', /^M/);
  });

  test('a GLM worker killed mid-computation is reported, and the next change computes again', async ({ page }) => {
    // Keep the page's workers reachable, to make one fail as a crashing worker does (an error event).
    await page.addInitScript(() => {
      const W = window.Worker;
      const all: Worker[] = [];
      (window as unknown as { __workers: Worker[] }).__workers = all;
      window.Worker = class extends W {
        constructor(url: string | URL, opts?: WorkerOptions) {
          super(url, opts);
          all.push(this);
        }
      };
    });
    await page.goto('/#model=glm&v=1&prior=gaussian&channel=sign');
    await page.evaluate(() => {
      const w = (window as unknown as { __workers: Worker[] }).__workers.at(-1)!;
      w.terminate();
      w.dispatchEvent(new ErrorEvent('error', { message: 'killed by the test' }));
    });
    const banner = page.getByTestId('error-banner');
    await expect(banner).toContainText('GLM worker crashed: killed by the test. It was restarted.');
    // It died before the first curve: nothing to show, and the banner does not claim otherwise.
    await expect(banner).toContainText('Nothing is plotted until this is fixed.');
    await page.screenshot({ path: `${SHOTS}/robust-glm-killed.png`, fullPage: true });
    await page.getByTestId('control-prior').selectOption('rademacher');
    await expect(page.getByTestId('plot-glm-eps').getByTestId('band-hard')).toBeVisible({ timeout: 30_000 });
    await expect(banner).toHaveCount(0);
  });

  test('a first load with an activation that cannot be computed says nothing is plotted, and stops computing', async ({
    page,
  }) => {
    await page.goto('/#v=1&act=expr:x/0');
    const banner = page.getByTestId('error-banner');
    await expect(banner).toContainText('Nothing is plotted until this is fixed');
    await expect(banner).not.toContainText('last valid result');
    await expect(page.getByText('no result: see the message above')).toBeVisible();
    await expect(page.getByTestId('plot-eps').locator('.busy')).toHaveCount(0);
    await page.screenshot({ path: `${SHOTS}/robust-bad-expression.png`, fullPage: true });
  });

  test("a simulation panel's settings survive a reload", async ({ page }) => {
    await page.goto('/#v=1&alpha=2&act=relu');
    await page.getByTestId('sim-d').fill('24');
    await page.getByTestId('sim-seed').fill('17');
    await page.reload();
    await expect(page.getByTestId('sim-d')).toHaveValue('24');
    await expect(page.getByTestId('sim-seed')).toHaveValue('17');
  });

  test('the panels below the first screen failing to load say so; the curve and the controls above keep working', async ({
    page,
  }) => {
    await page.route(/\/assets\/BelowFirstScreen-[^/]*\.js$/, (route) => route.abort());
    await page.goto('/');
    const gen = await nextCurve(page);
    await expect(page.getByTestId('below-first-screen-error')).toContainText(
      /The panels below \(overlaps, Q\(v\), simulations, hardness\) did not load: .+\. The curve, the phase diagram and the controls above still work/,
    );
    await expect(page.getByTestId('tab-error')).toHaveCount(0);
    await page.screenshot({ path: `${SHOTS}/robust-below-first-screen.png`, fullPage: true });
    await page.getByTestId('control-delta').fill('0.3');
    await nextCurve(page, gen);
    await expect(epsFig(page)).toHaveAttribute('data-complete', 'true');
  });
});
