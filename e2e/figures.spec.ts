// Figures that stand alone and do not mislead, on every tab's default view and every preset: each figure carries
// an export menu, and each legend entry shows a mark of its own inside the plot area (LinePlot computes the check,
// lineGeometry.legendIssues, and writes what fails to data-legend-issues). The SVG and CSV of one figure per tab
// are downloaded and must carry the title and the "cite this" line. The tabs' own settings buttons are checked too.
import { mkdir, writeFile } from 'node:fs/promises';
import { expect, test, type Page } from '@playwright/test';
import { downloadOf, failOnPageErrors, SHOTS } from './helpers';

const OUT = process.env.SHOTS_DIR ?? `${SHOTS}/figures`;

/** Waits (up to 60 s) until no figure says "computing" twice in a row: the view shows what it will show. */
async function settle(page: Page): Promise<void> {
  await page.locator('figure').first().waitFor({ timeout: 30_000 }); // the tab's code has loaded
  let quiet = 0;
  await expect
    .poll(
      async () => {
        const busy = await page.evaluate(() =>
          Array.from(document.querySelectorAll('figure .busy')).some((e) => /computing/.test(e.textContent ?? '')),
        );
        quiet = busy ? 0 : quiet + 1;
        return quiet >= 2;
      },
      { timeout: 60_000, intervals: [300] },
    )
    .toBe(true)
    .catch(() => undefined); // a view still computing is checked as it is drawn
}

/** Problems of the figures on the page: legend entries not seen, figures without an export menu. */
async function problems(page: Page, view: string): Promise<string[]> {
  await settle(page);
  const found = await page.evaluate((v) => {
    const out: string[] = [];
    document.querySelectorAll('figure').forEach((f) => {
      const id = f.getAttribute('data-testid') ?? 'figure';
      const issues = f.getAttribute('data-legend-issues');
      if (issues) out.push(`${v} ${id}: ${issues}`);
      if (f.querySelector('svg[role="img"]') && !f.querySelector('.export-menu')) out.push(`${v} ${id}: no export`);
    });
    return out;
  }, view);
  // A screenshot of each view with a problem (all of them with SHOTS_ALL=1: they cost a second each).
  if (found.length || process.env.SHOTS_ALL) {
    await mkdir(OUT, { recursive: true });
    await page.screenshot({ path: `${OUT}/${view}.png`, fullPage: true });
  }
  return found;
}

test.describe('figures', () => {
  failOnPageErrors();
  test.setTimeout(900_000);

  test('every default view and preset: an export menu on each figure, every legend entry seen', async ({ page }) => {
    await page.setViewportSize({ width: 1440, height: 900 });
    const found: string[] = [];
    await page.goto('/');
    // Every tab of the page (the family list, src/app/families.ts, as the tabs show it).
    const families = await page
      .locator('[role=tab][data-testid^="family-"]')
      .evaluateAll((els) => els.map((e) => e.getAttribute('data-testid')!.slice('family-'.length)));
    expect(families.length).toBeGreaterThanOrEqual(8);
    for (const id of families) {
      await page.goto(`/#model=${id}`);
      found.push(...(await problems(page, id)));
      // One figure of the tab exported: it stands alone (title, cite line) and its CSV has data and the notes.
      const first = page.locator('.export-menu').first();
      const plot = (await first.getAttribute('data-testid'))!;
      const svg = (await downloadOf(page, `${plot}-svg`)).body.toString('utf8');
      expect(svg, `${id} SVG`).toMatch(/Phase-diagram explorer v\d+\.\d+\.\d+ \(commit [0-9a-f]+\)/);
      await mkdir(OUT, { recursive: true });
      await writeFile(`${OUT}/${id}-${plot}.svg`, svg);
      await writeFile(`${OUT}/${id}-${plot}.png`, (await downloadOf(page, `${plot}-png`)).body);
      const csv = (await downloadOf(page, `${plot}-csv`)).body.toString('utf8').trim().split('\n');
      expect(csv[0], `${id} CSV`).toMatch(new RegExp(`^# model=${id} `));
      expect(csv.filter((l) => !l.startsWith('#')).length, `${id} CSV rows`).toBeGreaterThan(2);
      expect(csv.at(-1), `${id} CSV`).toMatch(/^# cite: Phase-diagram explorer/);
      // The tab's own one-click settings (GLM: binary perceptron, sparse regression, …).
      const own = await page
        .locator('.classic-presets button[data-testid^="preset-"]')
        .evaluateAll((els) => els.map((e) => e.textContent));
      for (const [k, label] of own.entries()) {
        await page.locator('.classic-presets button[data-testid^="preset-"]').nth(k).click();
        found.push(...(await problems(page, `${id}-setting-${k}`)).map((p) => `${p} (${label})`));
      }
    }
    await page.goto('/');
    const presets = await page
      .getByTestId('preset-menu')
      .locator('[data-testid^="preset-"]')
      .evaluateAll((els) => els.map((e) => e.getAttribute('data-testid')!.slice('preset-'.length)));
    expect(presets.length).toBeGreaterThan(10);
    // One preset after another in the same page, as a user clicks through them (a preset sets the whole view in the
    // hash; reloading the default view between them only cost time).
    for (const p of presets) {
      await page.getByText('Paper presets').click();
      await page.getByTestId(`preset-${p}`).click();
      await expect(page.getByTestId('preset-caption')).toHaveAttribute('data-preset', p);
      found.push(...(await problems(page, `preset-${p}`)));
    }
    await writeFile(`${OUT}/legend-check.json`, JSON.stringify(found, null, 2));
    expect(found).toEqual([]);
  });
});
