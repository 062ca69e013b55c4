// The user's own runs on an ε(α) plot: their own symbols and legend entries ("your HMC, informative, d = 40"),
// never the circles of the published points, and one group the e2e tests count.
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { LinePlot } from '../../plots/LinePlot';
import type { Series } from '../../plots/lineGeometry';
import { COLOURS } from '../../plots/palette';
import type { SimPoint } from '../simPoints';
import { simPointSeries } from './SimPointsLayer';

const pt = (over: Partial<SimPoint>): SimPoint => ({
  algo: 'hmc',
  init: 'informative',
  alpha: 2,
  d: 40,
  mean: 0.1,
  std: 0.01,
  count: 3,
  ...over,
});

describe('simPointSeries', () => {
  const runs = simPointSeries(
    [
      pt({}),
      pt({ alpha: 4, mean: 0.05 }),
      pt({ init: 'uninformative', mean: 0.2 }),
      pt({ algo: 'adam', init: 'uninformative', mean: 0.3 }),
      pt({ algo: 'gamp', mean: 0.25, d: 24, std: 0 }),
    ],
    'sim-points',
  );

  it('one series per algorithm, start and d, labelled as the user’s, in a symbol other than a circle', () => {
    expect(runs.map((s) => s.label)).toEqual([
      'your HMC, informative, d = 40',
      'your HMC, uninformative, d = 40',
      'your ADAM, uninformative, d = 40',
      'your GAMP-RIE, d = 24',
    ]);
    for (const s of runs) {
      if (s.mark !== 'points') throw new Error(s.id);
      expect(s.shape).not.toBe('circle');
      expect(s.shape).toBeDefined();
    }
    expect(runs.map((s) => s.mark === 'points' && [s.shape, !!s.ring])).toEqual([
      ['triangle', false],
      ['triangle', true],
      ['square', true],
      ['diamond', false],
    ]);
  });

  it('drawn beside published HMC points (circles) with legend entries of their own, counted in one group', () => {
    const published: Series = {
      mark: 'points',
      id: 'hmc-informative',
      data: [{ x: 2, y: 0.12 }],
      colour: COLOURS.hmcInformative,
      label: 'HMC d=150, informative',
    };
    const svg = renderToStaticMarkup(
      createElement(LinePlot, {
        testId: 'fig',
        caption: 'ε',
        xLabel: 'α',
        yLabel: 'ε',
        xDomain: [0, 5],
        yDomain: [0, 0.5],
        series: [published, ...runs],
      }),
    );
    const legend = svg.slice(svg.indexOf('class="legend"'));
    for (const s of [published, ...runs]) expect(legend).toContain(String(s.label));
    // the legend's swatches: one circle (the published points), the user's runs as paths and a square
    expect((legend.match(/<circle/g) ?? []).length).toBe(1);
    expect(svg).toMatch(/data-testid="sim-points" data-count="5"/);
  });
});
