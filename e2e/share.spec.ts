import { mkdir, writeFile } from 'node:fs/promises';
import { expect, test, type Page } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { presetMatches, PRESETS } from '../src/app/presets';
import { downloadOf, epsFig as fig, eqPath, failOnPageErrors, goOffline, nextCurve, setRange, SHOTS } from './helpers';

// Lets context.route see (and abort) the service worker's own requests: context.setOffline alone does not reach
// them (microsoft/playwright#2311), and the offline test must cut the network for the worker too.
process.env.PW_EXPERIMENTAL_SERVICE_WORKER_NETWORK_EVENTS = '1';

const CONTROLS = [
  'control-activation',
  'control-delta',
  'control-gamma',
  'control-readout',
  'control-weights',
  'control-alpha',
  'control-alpha-max',
];
async function controlValues(page: Page): Promise<string[]> {
  return Promise.all(CONTROLS.map((id) => page.getByTestId(id).inputValue()));
}

/** A small seeded PRNG (mulberry32) so a failing fuzz case can be replayed. */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Random and malformed hashes: real keys with odd values, v1 keys, junk keys, broken escapes, huge values. */
function randomHashes(n: number, seed: number): string[] {
  const r = rng(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(r() * xs.length)];
  const keys = [
    'model',
    'v',
    'activation',
    'gamma',
    'delta',
    'readout',
    'weights',
    'alpha',
    'alpha-max',
    'act',
    'expr',
    'amax',
    'present',
    'branch',
    '',
    '__proto__',
    'constructor',
    'toString',
  ];
  const values = [
    () => String(r() * 20 - 5),
    () => pick(['', 'NaN', 'Infinity', '-Infinity', '1e999', '-0', '0x1F', '1e-400', ' 2 ', '2,5', '٣']),
    () =>
      pick([
        'relu',
        'tanh',
        'h23',
        'h2',
        'expr',
        'expr:',
        'expr:x^2',
        'expr:sin(x',
        'expr:x/0',
        'expr:exp(exp(exp(x)))',
        'expr:' + 'x+'.repeat(300) + 'x',
        'ones',
        'rad',
        'gauss',
        'unif',
        '4point',
        'rademacher',
        'gaussian',
      ]),
    () => pick(['mlp', 'banana', '', 'MLP', '%00', 'glm']),
    () => pick(['1', '2', '3', '0', '-1', '1.5', 'v']),
    () =>
      Array.from({ length: 1 + Math.floor(r() * 30) }, () => String.fromCharCode(Math.floor(r() * 0x2fff))).join(''),
    () => pick(['%', '%E0%A4%A', '%%%', '&', '=', '#', '%23', '%26', '%3D', '+', '%2B', '\u0000']),
  ];
  const out: string[] = [];
  for (let i = 0; i < n; i++) {
    const m = 1 + Math.floor(r() * 8);
    const parts: string[] = [];
    for (let j = 0; j < m; j++) {
      const k = r() < 0.9 ? pick(keys) : pick(values)();
      const roll = r();
      parts.push(roll < 0.1 ? k : roll < 0.15 ? `${k}=${pick(values)()}=${pick(values)()}` : `${k}=${pick(values)()}`);
    }
    const sep = r() < 0.9 ? '&' : pick([';', '&&', '?', '#']);
    out.push(`#${parts.join(sep)}`);
  }
  return out;
}

test.describe('share', () => {
  failOnPageErrors();

  test('a shared URL restores the same view; v1 links keep working; menu choices are history steps', async ({
    page,
    browser,
  }) => {
    await page.goto('/');
    let gen = await nextCurve(page);
    await page.getByTestId('control-activation').selectOption('h23');
    gen = await nextCurve(page, gen);
    await page.getByTestId('control-delta').fill('1.25');
    gen = await nextCurve(page, gen);
    await page.getByTestId('control-readout').selectOption('rad');
    gen = await nextCurve(page, gen);
    await setRange(page, 'control-gamma', 0.6);
    await nextCurve(page, gen);
    await setRange(page, 'control-alpha', 3.5);
    await expect
      .poll(() => page.evaluate(() => location.hash))
      .toBe('#model=mlp&v=2&activation=h23&gamma=0.6&delta=1.25&readout=rad&weights=gaussian&alpha=3.5&alpha-max=8');
    await expect(page.getByTestId('readout-eps')).toHaveText(/^\d/);
    const url = page.url();
    const values = await controlValues(page);
    const d = await eqPath(page).getAttribute('d');
    const eps = await page.getByTestId('readout-eps').textContent();

    // A fresh browser context (no shared state) opening the link sees the same view.
    const other = await browser.newContext();
    const p2 = await other.newPage();
    await p2.goto(url);
    await nextCurve(p2);
    expect(await controlValues(p2)).toEqual(values);
    expect(await eqPath(p2).getAttribute('d')).toBe(d);
    await expect(p2.getByTestId('readout-eps')).toHaveText(eps!);
    await expect(p2.getByTestId('error-banner')).toHaveCount(0);
    await other.close();

    // Back undoes the last menu choice (readout), not each slider step; forward redoes it.
    await page.goBack();
    await expect(page.getByTestId('control-readout')).toHaveValue('ones');
    await expect(page.getByTestId('control-activation')).toHaveValue('h23');
    await page.goForward();
    await expect(page.getByTestId('control-readout')).toHaveValue('rad');
    const length = await page.evaluate(() => history.length);
    expect(length).toBeLessThanOrEqual(5); // initial + h23 + rad (+ the about:blank start): drags add none

    // A version-1 link: same parameters, no messages, rewritten to version 2.
    await page.goto('/#v=1&alpha=2&amax=12&gamma=0.5&delta=0.1&act=expr&expr=max(x%2C0)&readout=ones&weights=gaussian');
    await nextCurve(page);
    await expect(page.getByTestId('control-activation')).toHaveValue('expr');
    await expect(page.getByTestId('control-activation-expr')).toHaveValue('max(x,0)');
    await expect(page.getByTestId('control-alpha-max')).toHaveValue('12');
    await expect(page.getByTestId('error-banner')).toHaveCount(0);
    await expect
      .poll(() => page.evaluate(() => location.hash))
      .toBe(
        '#model=mlp&v=2&activation=expr:max(x,0)&gamma=0.5&delta=0.1&readout=ones&weights=gaussian&alpha=2&alpha-max=12',
      );
  });

  test('out-of-range values are clamped with a visible message', async ({ page }) => {
    await page.goto('/#model=mlp&v=2&gamma=7&alpha=-1&activation=swish');
    const banner = page.getByTestId('error-banner');
    await expect(banner).toContainText('"gamma"');
    await expect(banner).toContainText('using gamma = 2');
    await expect(banner).toContainText('"activation"');
    await expect(page.getByTestId('control-gamma')).toHaveValue('2');
    await expect(page.getByTestId('control-alpha')).toHaveValue('0.02');
    await nextCurve(page);
  });

  test('250 random or malformed hashes never crash the page', async ({ page }) => {
    test.setTimeout(90_000);
    await page.goto('/');
    await nextCurve(page);
    const hashes = randomHashes(250, 20261123);
    // Fast path: set location.hash in a loop, yielding to the page's handlers after each.
    const result = await page.evaluate(async (list) => {
      const bad: string[] = [];
      for (let i = 0; i < list.length; i++) {
        location.hash = list[i];
        await new Promise((r) => setTimeout(r, 0));
        if (i % 50 === 49) {
          await new Promise((r) => requestAnimationFrame(() => r(null)));
          const alive =
            document.querySelector('[data-testid=plot-eps]') && document.querySelector('[data-testid=control-gamma]');
          if (!alive) bad.push(list[i]);
          for (const id of ['control-gamma', 'control-alpha', 'control-delta']) {
            const v = Number((document.querySelector(`[data-testid=${id}]`) as HTMLInputElement | null)?.value);
            if (!Number.isFinite(v)) bad.push(`${list[i]} → ${id} = ${v}`);
          }
        }
      }
      return bad;
    }, hashes);
    expect(result).toEqual([]);
    // The page still computes: a clean link after the storm gives a fresh curve.
    await page.evaluate(() => {
      location.hash = '#model=mlp&v=2&activation=relu&gamma=0.55';
    });
    await expect(page.getByTestId('control-gamma')).toHaveValue('0.55');
    await nextCurve(page);
    await expect(eqPath(page)).toHaveAttribute('d', /^M/);
    // A few full loads with malformed hashes.
    for (const h of hashes.filter((_, i) => i % 125 === 0)) {
      await page.goto(`/${h}`);
      await expect(page.getByTestId('plot-eps')).toBeVisible();
      const g = Number(await page.getByTestId('control-gamma').inputValue());
      expect(Number.isFinite(g)).toBe(true);
    }
    await page.screenshot({ path: `${SHOTS}/share-fuzz-last.png`, fullPage: true });
  });

  test('exports: SVG standalone, PNG at 2×, CSV with parameters and link, JSON', async ({ page }) => {
    await page.goto(
      '/#model=mlp&v=2&activation=relu&gamma=0.5&delta=0.1&readout=ones&weights=gaussian&alpha=2&alpha-max=8',
    );
    await nextCurve(page);
    const svgBox = await fig(page).locator('.plot-box svg').boundingBox();

    const svg = await downloadOf(page, 'export-eps-svg');
    expect(svg.d.suggestedFilename()).toBe('eps_relu_gamma0.5_delta0.1_readoutones_weightsgaussian.svg');
    const text = svg.body.toString('utf8');
    expect(text).toContain('xmlns="http://www.w3.org/2000/svg"');
    expect(text).toMatch(/<path[^>]*data-series="equilibrium"[^>]*style="[^"]*stroke-width:\s*2\.8px/);
    expect(text).not.toContain('class=');
    // It stands alone: title, parameter caption and the "cite this" line around the plot, the legend inside.
    expect(text).toContain('Bayes-optimal test error');
    expect(text).toContain('mlp · activation = relu, gamma = 0.5, delta = 0.1');
    expect(text).toMatch(/Phase-diagram explorer v\d+\.\d+\.\d+ \(commit [0-9a-f]+\) · arXiv 2510\.24616/);
    // The legend is inside the file, its subscript typeset (ε_opt as ε with a sub tspan).
    expect(text).toMatch(/ε<tspan baseline-shift="sub"[^>]*>opt<\/tspan> \(equilibrium, largest f\)/);
    // It renders on its own: load it as an image in a blank page.
    const size = await page.evaluate(async (t) => {
      const img = new Image();
      img.src = 'data:image/svg+xml;charset=utf-8,' + encodeURIComponent(t);
      await img.decode();
      return [img.naturalWidth, img.naturalHeight];
    }, text);
    const FRAME = 40 + 20; // export.ts FRAME_TOP + FRAME_BOTTOM: title and caption above, cite line below
    expect(size).toEqual([Math.round(svgBox!.width), Math.round(svgBox!.height) + FRAME]);

    const png = await downloadOf(page, 'export-eps-png');
    expect(png.body.subarray(1, 4).toString('latin1')).toBe('PNG');
    expect(png.body.readUInt32BE(16)).toBe(2 * Math.round(svgBox!.width));
    expect(png.body.readUInt32BE(20)).toBe(2 * (Math.round(svgBox!.height) + FRAME));
    await mkdir(SHOTS, { recursive: true });
    await writeFile(`${SHOTS}/export-eps.png`, png.body);
    await writeFile(`${SHOTS}/export-eps.svg`, svg.body);

    const csv = (await downloadOf(page, 'export-eps-csv')).body.toString('utf8').trim().split('\n');
    expect(csv[0]).toMatch(
      /^# model=mlp activation=relu gamma=0\.5 delta=0\.1 readout=ones weights=gaussian alpha=2 alpha-max=8 url=http:\/\/localhost:\d+\/#model=mlp&v=2&activation=relu/,
    );
    expect(csv[1].split(',').slice(0, 3)).toEqual(['alpha', 'eps_opt', 'equilibrium']);
    // 200 rows of the curve, then one row per α of an overlay off the grid (published points), then the notes.
    expect(csv.slice(2).filter((l) => !l.startsWith('#')).length).toBeGreaterThanOrEqual(200);
    expect(csv.at(-1)).toMatch(/^# cite: Phase-diagram explorer v\d/);
    const row = csv[2 + 100].split(',');
    expect(Number(row[0])).toBeGreaterThan(3);
    expect(Number(row[1])).toBeGreaterThan(0);
    expect(Number(row[1])).toBeLessThan(0.1);
    // The link in the header reopens the same parameters.
    const url = csv[0].split(' url=')[1];
    const p2 = await page.context().newPage();
    await p2.goto(url);
    await expect(p2.getByTestId('control-gamma')).toHaveValue('0.5');
    await p2.close();

    const ov = (await downloadOf(page, 'export-overlaps-csv')).body.toString('utf8').split('\n');
    expect(ov[1]).toBe('alpha,equilibrium,R2_shifted,Q_v1,R2_shifted_specialised,Q_v1_specialised');

    const json = JSON.parse((await downloadOf(page, 'export-eps-json')).body.toString('utf8'));
    expect(json.model).toBe('mlp');
    expect(json.params).toEqual({
      activation: 'relu',
      gamma: 0.5,
      delta: 0.1,
      readout: 'ones',
      weights: 'gaussian',
      alpha: 2,
      'alpha-max': 8,
    });
    expect(json.url).toContain('#model=mlp&v=2&');
    expect(json.transition.alphaSp).toBeGreaterThan(0); // α_sp as the readout panel shows it
  });

  test('every preset loads from the menu, draws, and shows its caption; published points where shipped', async ({
    page,
  }) => {
    test.setTimeout(120_000);
    await page.goto('/');
    let gen = await nextCurve(page);
    const before = await page.evaluate(() => history.length);
    for (const p of PRESETS.filter((x) => x.family === 'mlp')) {
      // A preset that differs from the page only in α (relu-ones against the default page) keeps the curve.
      const sameCurve = presetMatches(p, await page.evaluate(() => location.hash));
      await page.getByText('Paper presets').click();
      await page.getByTestId(`preset-${p.id}`).click();
      await expect(page.getByTestId('preset-caption')).toHaveAttribute('data-preset', p.id);
      // A curve spanning the α range is drawn (the fine pass and α_sp follow; the other tests wait for those).
      const prev = gen;
      if (!sameCurve)
        await expect
          .poll(async () => (gen = (await fig(page).getAttribute('data-render-gen')) ?? prev), { timeout: 30_000 })
          .not.toBe(prev);
      await expect(eqPath(page)).toHaveAttribute('d', /^M[\d.]+,[\d.]+(L[\d.]+,[\d.]+){20,}/);
      await expect(page.getByTestId('error-banner')).toHaveCount(0);
      if (p.overlay) await expect(fig(page)).toHaveAttribute('data-reference', /.+/);
      else await expect(fig(page)).not.toHaveAttribute('data-reference', /.+/);
      await expect(fig(page).locator('[data-series=hmc-informative]')).toHaveCount(p.overlay?.includes('HMC') ? 16 : 0);
      if (p.id === 'relu-ones' || p.id === 'hardness-rad')
        await page.screenshot({ path: `${SHOTS}/share-preset-${p.id}.png`, fullPage: true });
    }
    // One history entry per preset; back returns to the previous preset.
    expect(await page.evaluate(() => history.length)).toBe(before + PRESETS.filter((x) => x.family === 'mlp').length);
    await page.goBack();
    const mlpPresets = PRESETS.filter((x) => x.family === 'mlp');
    await expect(page.getByTestId('preset-caption')).toHaveAttribute('data-preset', mlpPresets.at(-2)!.id);
    // Moving α keeps the caption; changing a parameter removes it.
    await setRange(page, 'control-alpha', 1.5);
    await expect(page.getByTestId('preset-caption')).toBeVisible();
    await expect.poll(() => page.evaluate(() => location.hash)).toContain('alpha=1.5');
    await page.getByTestId('control-weights').selectOption('rademacher');
    await expect(page.getByTestId('preset-caption')).toHaveCount(0);
  });

  test('presentation mode: link option, hides advanced controls, keyboard steps α, help overlay', async ({ page }) => {
    const preset = PRESETS.find((p) => p.id === 'relu-ones')!;
    await page.goto(`/${preset.hash}&present=1`);
    await nextCurve(page);
    await expect(page.locator('html')).toHaveClass(/presenting/);
    await expect(page.getByTestId('toggle-present')).toHaveAttribute('aria-pressed', 'true');
    for (const id of ['control-weights', 'control-alpha-max', 'export-eps', 'model-notes'])
      await expect(page.getByTestId(id)).toBeHidden();
    // Copy link stays: the lecturer hands out the slide's link (issue 20).
    for (const id of [
      'control-activation',
      'control-gamma',
      'control-alpha',
      'plot-eps',
      'preset-caption',
      'copy-link',
    ])
      await expect(page.getByTestId(id)).toBeVisible();
    const big = await page
      .locator('.plot figcaption')
      .first()
      .evaluate((e) => parseFloat(getComputedStyle(e).fontSize));
    expect(big).toBeGreaterThanOrEqual(20);
    const sw = await eqPath(page).evaluate((e) => parseFloat(getComputedStyle(e).strokeWidth));
    expect(sw).toBeGreaterThanOrEqual(4);
    await page.screenshot({ path: `${SHOTS}/share-present.png` });

    // Arrows step α (0.1, Shift: 1); events for the simulation panel; not while typing in a field.
    const events: string[] = [];
    await page.exposeFunction('__event', (e: string) => events.push(e));
    await page.evaluate(() => {
      for (const e of ['explorer:toggle-play', 'explorer:reset'])
        window.addEventListener(e, () => (window as unknown as { __event(x: string): void }).__event(e));
    });
    await page.locator('body').click({ position: { x: 5, y: 5 } });
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    await expect(page.getByTestId('control-alpha')).toHaveValue('5.2');
    await page.keyboard.press('Shift+ArrowLeft');
    await expect(page.getByTestId('control-alpha')).toHaveValue('5'); // onto the grid of 1
    await expect.poll(() => page.evaluate(() => location.hash)).toContain('alpha=5&');
    expect(await page.evaluate(() => location.hash)).toContain('present=1');
    await page.keyboard.press(' ');
    await page.keyboard.press('r');
    await expect.poll(() => events).toEqual(['explorer:toggle-play', 'explorer:reset']);
    await page.getByTestId('control-activation').focus();
    await page.keyboard.press('r');
    await page.getByTestId('control-delta').focus();
    await page.keyboard.press('p');
    await expect(page.locator('html')).toHaveClass(/presenting/);
    expect(events).toHaveLength(2);

    await page.locator('body').click({ position: { x: 5, y: 5 } });
    await page.keyboard.press('?');
    await expect(page.getByTestId('help-overlay')).toBeVisible();
    await expect(page.getByRole('dialog', { name: 'Keyboard shortcuts' })).toBeVisible();
    await page.keyboard.press('Escape');
    await expect(page.getByTestId('help-overlay')).toHaveCount(0);

    // p leaves presentation mode and drops the link option.
    await page.keyboard.press('p');
    await expect(page.locator('html')).not.toHaveClass(/presenting/);
    await expect(page.getByTestId('control-weights')).toBeVisible();
    expect(await page.evaluate(() => location.hash)).not.toContain('present=1');
    const gen = await nextCurve(page, null);
    expect(gen).not.toBeNull();
  });

  test('offline: after one visit, a reload without network still shows and computes the app', async ({
    page,
    context,
  }) => {
    await page.goto(
      '/#model=mlp&v=2&activation=relu&gamma=0.5&delta=0.1&readout=ones&weights=gaussian&alpha=2&alpha-max=8&present=1',
    );
    await nextCurve(page);
    await expect(page.locator('html')).toHaveAttribute('data-offline', 'ready', { timeout: 20_000 });
    // Every response after the reload must come from the worker's precache (this build never needs the network).
    const seen = await goOffline(page, context);
    await page.reload();
    await expect(page.getByTestId('plot-eps')).toBeVisible();
    await nextCurve(page); // the theory worker and its code came from the cache
    await expect(fig(page)).toHaveAttribute('data-reference', 'relu'); // and the published data
    await expect(page.locator('html')).toHaveClass(/presenting/);
    expect(seen.network).toEqual([]);
    expect(seen.cached).toBeGreaterThan(10); // the page, its code, its data
    await page.screenshot({ path: `${SHOTS}/share-offline.png` });
    await context.setOffline(false);
  });

  test('explain panel (KaTeX, current Hermite coefficients) and hover read-outs on the curves', async ({ page }) => {
    await page.goto(
      '/#model=mlp&v=2&activation=relu&gamma=0.5&delta=0.1&readout=ones&weights=gaussian&alpha=2&alpha-max=8',
    );
    await nextCurve(page);
    await page.getByText('Explain the model').click();
    const explain = page.getByTestId('explain-mlp');
    await expect(explain.locator('.katex').first()).toBeVisible();
    expect(await explain.locator('.katex').count()).toBeGreaterThan(8);
    await expect(page.getByTestId('explain-g1')).toContainText('0.01127'); // ReLU g(1) = 0.0112676
    await expect(explain).toContainText('0.3989');
    await page.getByTestId('control-activation').selectOption('h23');
    await expect(page.getByTestId('explain-g1')).toContainText('0.1667'); // h23: g(x) = x³/6
    await nextCurve(page);

    // Hover at α ≈ 6 on the ε plot: the box gives the values of the nearest grid point.
    await fig(page).scrollIntoViewIfNeeded();
    const axis = await fig(page).locator('.axis-x > line').boundingBox();
    await page.mouse.move(axis!.x + (axis!.width * 6) / 8, axis!.y - 60);
    const box = page.getByTestId('hover-eps');
    await expect(box).toBeVisible();
    await expect(box).toContainText('ε_opt');
    const alpha = Number((await box.locator('.plot-hover-row').first().locator('b').textContent())!.replace('−', '-'));
    expect(Math.abs(alpha - 6)).toBeLessThan(0.05);
    await page.screenshot({ path: `${SHOTS}/share-hover.png` });
    await page.getByTestId('plot-overlaps').scrollIntoViewIfNeeded();
    const ov = await page.getByTestId('plot-overlaps').locator('.axis-x > line').boundingBox();
    await page.mouse.move(ov!.x + ov!.width / 2, ov!.y - 40);
    await expect(page.getByTestId('hover-overlaps')).toContainText('Q(|v| = 1)');
    await page.mouse.move(5, 5);
    await expect(page.getByTestId('hover-overlaps')).toHaveCount(0);
  });

  for (const theme of ['light', 'dark'] as const) {
    test(`accessibility scan (axe-core), ${theme} theme: no serious or critical violations`, async ({ page }) => {
      await page.emulateMedia({ colorScheme: theme });
      await page.goto(
        '/#model=mlp&v=2&activation=h23&gamma=0.5&delta=1.25&readout=ones&weights=gaussian&alpha=2&alpha-max=8',
      );
      await nextCurve(page);
      await expect(page.locator('html')).toHaveAttribute('data-theme', theme);
      await page.getByText('Explain the model').click();
      await page.getByText('Paper presets').click();
      const result = await new AxeBuilder({ page }).analyze();
      const bad = result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
      expect(
        bad.map(
          (v) =>
            `${v.id} (${v.impact}): ${v.help} → ${v.nodes
              .slice(0, 3)
              .map((n) => n.target.join(' '))
              .join(' | ')}`,
        ),
      ).toEqual([]);
      await page.keyboard.press('Escape');
      await page.screenshot({ path: `${SHOTS}/share-theme-${theme}.png`, fullPage: true });
    });
  }

  test('readable on a phone (390×844) and every control reachable by keyboard', async ({ page }) => {
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto(
      '/#model=mlp&v=2&activation=relu&gamma=0.5&delta=0.1&readout=ones&weights=gaussian&alpha=2&alpha-max=8',
    );
    await nextCurve(page);
    const overflow = await page.evaluate(
      () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
    );
    expect(overflow).toBeLessThanOrEqual(0);
    await page.screenshot({ path: `${SHOTS}/share-phone.png`, fullPage: true });
    // Tab through the page: every parameter control and every toolbar button takes focus.
    const seen = new Set<string>();
    for (let i = 0; i < 60; i++) {
      await page.keyboard.press('Tab');
      const id = await page.evaluate(() => {
        const el = document.activeElement as HTMLElement | null;
        return el ? (el.getAttribute('data-testid') ?? el.textContent?.trim().slice(0, 20) ?? el.tagName) : '';
      });
      if (id) seen.add(id);
    }
    for (const id of [
      'control-activation',
      'control-delta',
      'control-delta-log',
      'control-gamma',
      'control-readout',
      'control-weights',
      'control-alpha',
      'control-alpha-max',
      'toggle-present',
      'toggle-theme',
      'open-help',
      'export-eps-svg',
      'family-mlp',
    ]) {
      expect([...seen], id).toContain(id);
    }
  });
});
