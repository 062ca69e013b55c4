// Figures: every LinePlot configuration rendered from fixed data (react-dom/server), its SVG snapshot with the
// attributes' numbers rounded to 0.01 px and one tag a line, so that a change of geometry or markup shows as a
// readable diff (as Observable Plot's test/plots).
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { LinePlot, type LinePlotProps } from './LinePlot';
import { rule, type Series } from './lineGeometry';
import { COLOURS } from './palette';

const xs = Array.from({ length: 9 }, (_, i) => i);
const curve = (f: (x: number) => number): [number, number][] => xs.map((x) => [x, f(x)]);
const render = (p: Partial<LinePlotProps> & { series: Series[] }) =>
  renderToStaticMarkup(
    createElement(LinePlot, { testId: 'fig', caption: 'figure', xLabel: 'x', yLabel: 'y', xDomain: [0, 8], ...p }),
  )
    .replace(/="[^"]*"/g, (attr) =>
      attr.replace(/-?\d+\.\d+(e-?\d+)?/g, (m) => String(Math.round(Number(m) * 100) / 100)),
    )
    .replaceAll('><', '>\n<');
const count = (svg: string, what: RegExp) => (svg.match(what) ?? []).length;

const FIGURES: Record<string, Partial<LinePlotProps> & { series: Series[] }> = {
  lines: {
    series: [
      {
        mark: 'line',
        id: 'bold',
        data: curve((x) => 1 / (1 + x)),
        colour: COLOURS.equilibrium,
        weight: 'bold',
        label: 'bold',
      },
      {
        mark: 'line',
        id: 'regular',
        data: curve((x) => 0.5 / (1 + x)),
        colour: COLOURS.blue,
        label: 'regular',
        dots: true,
      },
      {
        mark: 'line',
        id: 'thin',
        data: curve((x) => 0.1 + 0.01 * x),
        colour: COLOURS.grey,
        weight: 'thin',
        label: 'thin',
      },
    ],
  },
  'dashed branch': {
    series: [
      {
        mark: 'line',
        id: 'on',
        data: curve((x) => (x <= 4 ? 1 - x / 8 : NaN)),
        colour: COLOURS.universal,
        label: 'equilibrium',
      },
      {
        mark: 'line',
        id: 'off',
        data: curve((x) => (x >= 4 ? 1 - x / 8 : NaN)),
        colour: COLOURS.universal,
        dashed: true,
        label: 'metastable',
      },
    ],
    yDomain: [0, 1],
  },
  'band and span': {
    series: [
      { mark: 'span', id: 'hard', x0: 2, x1: 3, colour: COLOURS.hard, text: 'hard', testId: 'band-hard' },
      {
        mark: 'area',
        id: 'quartiles',
        data: xs.map((x) => ({ x, lo: x / 10, hi: x / 10 + 0.2 })),
        colour: COLOURS.blueBand,
        label: 'quartiles',
      },
      { mark: 'line', id: 'median', data: curve((x) => x / 10 + 0.1), colour: COLOURS.blue, label: 'median' },
    ],
    legend: 'below',
  },
  rules: {
    series: [
      { mark: 'line', id: 'eps', data: curve((x) => 1 / (1 + x)), colour: COLOURS.equilibrium, weight: 'bold' },
      rule('alpha-sp', 'x', 2, COLOURS.transition, { dash: 'dotted', text: 'α_sp', testId: 'marker-alpha-sp' }),
      rule('alpha', 'x', 7.5, COLOURS.selection, { className: 'selection', ringAt: 1 / 8.5 }),
      rule('floor', 'y', 0.5, COLOURS.red, { dash: 'dashed', text: 'floor' }),
    ],
    yDomain: [0, 1],
  },
  'error bars': {
    series: [
      {
        mark: 'points',
        id: 'gamp',
        data: [1, 3, 5].map((x) => ({ x, y: 0.5 / x, err: 0.05 })),
        colour: COLOURS.green,
        label: 'GAMP',
      },
      {
        mark: 'points',
        id: 'hmc',
        data: [{ x: 2, y: 0.2 }],
        colour: COLOURS.hmcUninformative,
        ring: true,
        dx: -2.5,
        label: 'HMC',
      },
    ],
    yDomain: [0, 0.6],
  },
  'log axes': {
    series: [
      {
        mark: 'line',
        id: 'power',
        data: [1, 10, 100, 1000].map((x) => [x, 1 / x] as [number, number]),
        colour: COLOURS.equilibrium,
        label: '1/x',
      },
    ],
    xDomain: [1, 1000],
    yDomain: [1e-3, 1],
    xLog: true,
    yLog: true,
  },
  'legend above': {
    series: [
      { mark: 'line', id: 'a', data: curve((x) => x / 8), colour: COLOURS.blue, label: 'a' },
      { mark: 'line', id: 'b', data: curve((x) => 1 - x / 8), colour: COLOURS.amber, dashed: true, label: 'b' },
    ],
    legend: 'above',
  },
};

describe('LinePlot figures', () => {
  for (const [name, props] of Object.entries(FIGURES)) {
    it(name, () => {
      expect(render(props)).toMatchSnapshot();
    });
  }

  it('lists in the legend only the series drawn in the frame', () => {
    const svg = render({
      series: [
        { mark: 'line', id: 'drawn', data: curve((x) => x / 10), colour: COLOURS.blue, label: 'drawn' },
        { mark: 'line', id: 'empty', data: [], colour: COLOURS.amber, label: 'empty' },
        { mark: 'line', id: 'nan', data: curve(() => NaN), colour: COLOURS.red, label: 'all NaN' },
        { mark: 'points', id: 'none', data: [], colour: COLOURS.green, label: 'no points' },
      ],
    });
    expect(count(svg, /<g class="legend"/g)).toBe(1);
    expect(svg).toContain('>drawn</text>');
    expect(svg).not.toMatch(/>(empty|all NaN|no points)</);
    // The empty series still has its (empty) path: e2e and exports find every series by its data-series.
    expect(svg).toContain('data-series="empty" d=""');
    expect(
      render({ series: [{ mark: 'line', id: 'nan', data: curve(() => NaN), colour: COLOURS.red, label: 'all NaN' }] }),
    ).not.toContain('class="legend"');
  });
  it('shows every legend entry of every figure, and marks a figure whose entry is hidden', () => {
    for (const props of Object.values(FIGURES)) expect(render(props)).not.toContain('data-legend-issues');
    const hidden = render({
      series: [
        { mark: 'line', id: 'a', data: curve((x) => x / 10), colour: COLOURS.blue, label: 'under' },
        { mark: 'line', id: 'b', data: curve((x) => x / 10), colour: COLOURS.red, label: 'on top' },
        { mark: 'line', id: 'c', data: curve(() => 0), colour: COLOURS.green, label: 'zero' },
      ],
    });
    expect(hidden).toContain('data-legend-issues="zero: drawn on the axis"');
    expect(hidden).toContain('>on top = under</text>');
  });

  it('draws the legend rows and the export menu of every figure inside it (an exported SVG keeps the legend)', () => {
    for (const props of Object.values(FIGURES)) {
      const html = render(props);
      expect(html).toContain('data-testid="export-fig"');
      if (props.legend === 'above' || props.legend === 'below')
        expect(html).toMatch(/<svg[^>]*role="img"[^]*<g class="legend legend-rows"/);
    }
  });
});
