// LinePlot's geometry: scales, paths with gaps, log axes, rules, error bars, and which series get a legend entry.
import { describe, expect, it } from 'vitest';
import {
  flowLegend,
  layoutLinePlot,
  LEGEND_ROW,
  logLabel,
  logLabels,
  logTicks,
  rule,
  type LinePlotSpec,
  type Series,
} from './lineGeometry';

// Margins 64 + 18 and 12 + 48: a 400 × 200 px plot area.
const frame = { width: 482, height: 260 };
const layout = (series: Series[], more: Partial<LinePlotSpec> = {}) =>
  layoutLinePlot({ ...frame, xDomain: [0, 8], yDomain: [0, 0.1], series, ...more });
const line = (id: string, data: ([number, number] | null)[], label?: string): Series => ({
  mark: 'line',
  id,
  data,
  colour: '#000000',
  label,
});

describe('LinePlot geometry', () => {
  it('maps the domain onto the plot area and breaks a line at gaps and non-finite values', () => {
    const l = layout([line('a', [[0, 0], [4, 0.05], null, [6, 0.1], [7, NaN], [8, 0.1]])]);
    expect([l.innerWidth, l.innerHeight, l.x(8), l.y(0)]).toEqual([400, 200, 400, 200]);
    expect(l.marks[0]).toMatchObject({ d: 'M0,200L200,100M300,0ZM400,0Z' }); // Z: a lone point
  });

  it('leaves out values ≤ 0 on a log axis and labels its ticks as powers of ten', () => {
    const l = layout(
      [
        line('a', [
          [1, 1e-3],
          [10, 0],
          [100, 1e-1],
        ]),
      ],
      { xDomain: [1, 100], xLog: true, yLog: true, yDomain: [1e-4, 1] },
    );
    expect(l.marks[0]).toMatchObject({ d: 'M0,150ZM400,50Z' });
    expect(logTicks([1, 1e5])).toEqual([1, 10, 100, 1000, 1e4, 1e5]);
    expect(logTicks([0.2, 5])).toEqual([0.2, 0.5, 1, 2, 5]); // under two decades: 1, 2, 5 × 10ᵏ
    expect(l.yTicks.map((t) => t.label)).toEqual(['10⁻⁴', '10⁻³', '10⁻²', '10⁻¹', '10⁰']);
    expect([logLabel(1e5), logLabel(2e-3), logLabel(3e4)]).toEqual(['10⁵', '2·10⁻³', '3·10⁴']);
    // One format per axis: 1 … 10⁴ all as powers (not "1, 10, 100, 1000, 10⁴"), 0.1 … 100 all plain.
    expect(logLabels([1, 10, 100, 1000, 1e4])).toEqual(['10⁰', '10¹', '10²', '10³', '10⁴']);
    expect(logLabels([1e-3, 0.01, 0.1, 1])).toEqual(['10⁻³', '10⁻²', '10⁻¹', '10⁰']);
    expect(logLabels([0.1, 1, 10, 100])).toEqual(['0.1', '1', '10', '100']);
  });

  it('rounds a default y range outwards from the largest value in the x range', () => {
    const l = layoutLinePlot({
      ...frame,
      xDomain: [0, 1],
      series: [
        line('a', [
          [0.5, 0.93],
          [2, 50],
        ]),
      ],
    });
    expect(l.y.invert(0)).toBeCloseTo(1, 12);
  });

  it('gives a legend entry only to a labelled series drawn inside the frame, once per name', () => {
    const l = layout([
      line('empty', [], 'empty'),
      line(
        'nan',
        [
          [1, NaN],
          [2, NaN],
        ],
        'all NaN',
      ),
      line(
        'outside',
        [
          [9, 0.05],
          [10, 0.05],
        ],
        'beyond x',
      ),
      line(
        'above',
        [
          [1, 0.5],
          [2, 0.6],
        ],
        'above the frame',
      ),
      line(
        'crossing',
        [
          [1, -1],
          [2, 1],
        ],
        'crossing',
      ),
      line('unlabelled', [[1, 0.05]]),
      line(
        'piece-1',
        [
          [1, 0.05],
          [2, 0.05],
        ],
        'branch',
      ),
      line(
        'piece-2',
        [
          [5, 0.05],
          [6, 0.05],
        ],
        'branch',
      ),
      { mark: 'points', id: 'pts', data: [{ x: 20, y: 0.05 }], colour: '#000000', label: 'points beyond x' },
      rule('r', 'x', 12, '#000000', { text: 'beyond x' }),
    ]);
    expect(l.legend.map((e) => e.id)).toEqual(['crossing', 'piece-1']);
    expect(l.marks.some((m) => m.series.id === 'r')).toBe(false);
  });

  it('puts the texts of vertical rules on the top row unless they would overlap, one near the right edge on its left', () => {
    const l = layout([
      rule('a', 'x', 1, '#000000', { text: 'a' }),
      rule('a2', 'x', 1.125, '#000000', { text: 'a2' }),
      rule('b', 'x', 7.9, '#000000', { text: 'b', ringAt: 0.05 }),
      rule('c', 'y', 0.05, '#000000', { text: 'c' }),
    ]);
    expect(l.marks.map((m) => ('text' in m ? m.text : null))).toEqual([
      { x: 55, y: 14, anchor: 'start' },
      { x: 61.25, y: 30, anchor: 'start' },
      { x: 390, y: 14, anchor: 'end' },
      { x: 396, y: 96, anchor: 'end' },
    ]);
    expect(l.marks[2]).toMatchObject({ ring: [395, 100] });
  });

  it('moves a rule text off a curve to the first row with no data (GLM: α_IT over the q = 1 line)', () => {
    // a horizontal curve just under the top edge, through the top row of texts
    const top = line(
      'top',
      Array.from({ length: 41 }, (_, i) => [i / 5, 0.097] as [number, number]),
    );
    const l = layout([top, rule('it', 'x', 2, '#000000', { text: 'α_IT ≈ 1.245' })]);
    const m = l.marks[1];
    if (!('x1' in m) || !m.text) throw new Error('no rule text');
    expect(m.text.y).toBe(30);
    // and stays on the top row without the curve
    const free = layout([rule('it', 'x', 2, '#000000', { text: 'α_IT ≈ 1.245' })]).marks[0];
    expect('x1' in free && free.text?.y).toBe(14);
  });

  it('draws error bars from y − err to y + err, cut at the bottom of a log axis', () => {
    const pts: Series = {
      mark: 'points',
      id: 'p',
      data: [
        { x: 4, y: 0.05, err: 0.01 },
        { x: 6, y: 0.05 },
      ],
      colour: '#000000',
      dx: 2,
    };
    expect(layout([pts]).marks[0]).toMatchObject({
      points: [
        { cx: 202, cy: 100, bar: [expect.closeTo(120, 9), expect.closeTo(80, 9)] },
        { cx: 302, cy: 100, bar: null },
      ],
    });
    const log = layout([{ ...pts, data: [{ x: 4, y: 0.01, err: 0.02 }] }], { yLog: true, yDomain: [1e-3, 1] });
    expect(log.marks[0]).toMatchObject({ points: [{ bar: [200, expect.closeTo(200 * (1 - Math.log10(30) / 3), 9)] }] });
  });

  it('places the legend box away from the marks, counting a vertical jump between two points', () => {
    const l = layout(
      [
        line(
          'jump',
          [
            [7.6, 0],
            [7.6, 0.1],
          ],
          'jump',
        ),
      ],
      { legendBox: { width: 100 } },
    );
    expect(l.box).toMatchObject({ x: 6, y: 6, width: 100 });
    expect(
      layout(
        [
          line(
            'low',
            [
              [0, 0.01],
              [8, 0.01],
            ],
            'low',
          ),
        ],
        { legendBox: { width: 100 } },
      ).box,
    ).toMatchObject({ x: 294, y: 6 });
  });
});

describe('legend rows outside the frame', () => {
  const entry = (id: string, label: string) => ({
    id,
    label,
    colour: '#000',
    swatch: 'regular' as const,
    dashed: false,
  });
  it('puts entries side by side and wraps them at the width, taking whole rows of height', () => {
    const three = [entry('a', 'aaaa'), entry('b', 'bbbb'), entry('c', 'cccc')];
    const wide = flowLegend(three, 1000);
    expect(wide.items.map((i) => i.y)).toEqual([LEGEND_ROW / 2, LEGEND_ROW / 2, LEGEND_ROW / 2]);
    expect(wide.items[1].x).toBeGreaterThan(wide.items[0].x + 28); // past the first swatch and its text
    expect(wide.height).toBe(LEGEND_ROW + 4);
    const narrow = flowLegend(three, wide.items[2].x + 10); // room for two entries, not three
    expect(narrow.items.map((i) => [i.x === 0, i.y])).toEqual([
      [true, LEGEND_ROW / 2],
      [false, LEGEND_ROW / 2],
      [true, (3 * LEGEND_ROW) / 2],
    ]);
    expect(narrow.height).toBe(2 * LEGEND_ROW + 4);
    expect(flowLegend([], 100).height).toBe(0);
  });

  it('spaces entries by their measured widths where the page measures text, else by the character estimate', () => {
    const two = [entry('a', 'wide label'), entry('b', 'x')];
    // 28 px swatch, the text, 16 px gap: the second entry starts after the first one's measured text.
    expect(flowLegend(two, 1000, (t) => (t === 'wide label' ? 200 : 10)).items[1].x).toBe(28 + 200 + 16);
    expect(flowLegend(two, 1000, () => null).items[1].x).toBe(Math.round(28 + 6.1 * 10 + 16));
  });
});

describe('the legend check: every entry shows a mark of its own, coinciding curves share one', () => {
  const coloured = (id: string, colour: string, data: [number, number][], label: string): Series => ({
    mark: 'line',
    id,
    data,
    colour,
    label,
  });
  const falling: [number, number][] = [
    [0, 0.09],
    [8, 0.01],
  ];
  it('passes distinct curves, and a curve that touches the axis only in part', () => {
    const l = layout([
      coloured('a', '#111111', falling, 'a'),
      coloured(
        'b',
        '#222222',
        [
          [0, 0],
          [4, 0],
          [8, 0.05],
        ],
        'b',
      ),
    ]);
    expect(l.legend).toHaveLength(2);
    expect(l.legendIssues).toEqual([]);
  });

  it('flags a curve lying on the x axis, and a vertical rule on the y axis', () => {
    const l = layout([
      coloured(
        'zero',
        '#111111',
        [
          [0, 0],
          [8, 0],
        ],
        'ε = 0',
      ),
      rule('r', 'x', 0, '#333333', { label: 'rule at 0' }),
    ]);
    expect(l.legendIssues).toEqual(['ε = 0: drawn on the axis', 'rule at 0: drawn on the axis']);
  });

  it('joins a curve lying under one other curve into its entry, but not under its own pieces or one drawn below', () => {
    const under = layout([coloured('under', '#111111', falling, 'under'), coloured('top', '#222222', falling, 'top')]);
    expect(under.legend.map((e) => e.label)).toEqual(['top = under']);
    expect(under.legendIssues).toEqual([]);
    // 2 px apart (0.001 of 0.1 on 200 px): one entry; 10 px apart: two.
    const near = (dy: number) =>
      layout([
        coloured('under', '#111111', falling, 'under'),
        coloured(
          'top',
          '#222222',
          falling.map(([x, y]) => [x, y + dy]),
          'top',
        ),
      ]).legend.map((e) => e.label);
    expect(near(0.001)).toEqual(['top = under']);
    expect(near(0.005)).toEqual(['under', 'top']);
    const pieces = layout([coloured('p1', '#111111', falling, 'branch'), coloured('p2', '#111111', falling, 'branch')]);
    expect(pieces.legend.map((e) => e.label)).toEqual(['branch']);
  });

  it('joins a curve to the one entry that hides it alone, when another covers only a part (committee ε)', () => {
    const half: [number, number][] = [
      [0, 0.09],
      [4, 0.05],
      [8, 0.06],
    ]; // on the others up to x = 4, then apart
    const l = layout([
      coloured('eq', '#111111', falling, 'ε, equilibrium'),
      coloured('part', '#222222', half, 'ε, non-specialised'),
      coloured('amp', '#333333', falling, 'ε of AMP'),
    ]);
    expect(l.legend.map((e) => e.label)).toEqual(['ε, non-specialised', 'ε of AMP = ε, equilibrium']);
  });

  it('leaves out a short piece hidden under a longer curve (a metastable sliver under the equilibrium)', () => {
    const l = layout([
      coloured('sliver', '#111111', falling.map(([x, y]) => [x / 8, y]) as [number, number][], 'sliver'),
      coloured('long', '#222222', falling, 'long'),
    ]);
    // The sliver runs from (0, 0.09) to (1, 0.01), the long curve from (0, 0.09) to (8, 0.01): they part at once.
    expect(l.legend.map((e) => e.label)).toEqual(['sliver', 'long']);
    const hidden = layout([
      coloured(
        'sliver',
        '#111111',
        [
          [0, 0.09],
          [0.5, 0.085],
        ],
        'sliver',
      ),
      coloured('long', '#222222', falling, 'long'),
    ]);
    expect(hidden.legend.map((e) => e.label)).toEqual(['long']);
    expect(hidden.legendIssues).toEqual([]);
  });

  it('lets a line pass over points, and joins a point set covered by another one', () => {
    const pts = (id: string, colour: string, dx = 0): Series => ({
      mark: 'points',
      id,
      colour,
      dx,
      data: [{ x: 4, y: 0.05 }],
      label: id,
    });
    expect(
      layout([
        pts('hmc', '#111111'),
        coloured(
          'l',
          '#222222',
          [
            [0, 0.05],
            [8, 0.05],
          ],
          'l',
        ),
      ]).legendIssues,
    ).toEqual([]);
    expect(layout([pts('a', '#111111'), pts('b', '#222222')]).legend.map((e) => e.label)).toEqual(['b = a']);
    expect(layout([pts('a', '#111111', -3), pts('b', '#222222', 3)]).legendIssues).toEqual([]);
  });
});
