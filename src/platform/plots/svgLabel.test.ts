// Subscripts in SVG labels: α_IT, ε_opt, σ_ε, m_S, He_ℓ typeset with a lowered tspan; other text untouched.
import { createElement, Fragment } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { svgLabel } from './svgLabel';

const svg = (s: string) => renderToStaticMarkup(createElement(Fragment, null, svgLabel(s)));
const sub = (x: string) => `<tspan baseline-shift="sub" font-size="0.75em">${x}</tspan>`;

describe('svgLabel', () => {
  it('typesets each x_sub', () => {
    expect(svg('α_IT ≈ 1.245')).toBe(`α${sub('IT')} ≈ 1.245`);
    expect(svg('ε_opt and σ_ε, m_S, He_ℓ')).toBe(`ε${sub('opt')} and σ${sub('ε')}, m${sub('S')}, He${sub('ℓ')}`);
    expect(svg('x_{a b} = 1')).toBe(`x${sub('a b')} = 1`);
    expect(svg('1/Δ2_AMP: Bayes-AMP')).toBe(`1/Δ2${sub('AMP')}: Bayes-AMP`); // a threshold of 1/Δ2
  });

  it('leaves text without subscripts and non-strings alone', () => {
    expect(svg('q11 = q12, non-specialised')).toBe('q11 = q12, non-specialised');
    const node = createElement('b', null, 'x');
    expect(svgLabel(node)).toBe(node);
  });
});
