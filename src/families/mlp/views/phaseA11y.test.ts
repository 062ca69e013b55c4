import { describe, expect, it } from 'vitest';
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { PhasePlot } from './PhasePlot';
import { usePhase } from '../phaseStore';

describe('phase diagram accessibility', () => {
  it('names the canvas and the figure by plane and quantity, and its plot area is one keyboard stop', () => {
    // Server rendering reads the stores' initial state: the (α, γ) plane coloured by the overlap.
    expect(usePhase.getInitialState()).toMatchObject({ plane: 'gamma', quantity: 'overlap' });
    const html = renderToStaticMarkup(createElement(PhasePlot));
    expect(html).toMatch(/<canvas[^>]*role="img"[^>]*aria-label="overlap Q\(v\) over the \(α, γ\) plane"/);
    expect(html).toMatch(
      /<svg[^>]*role="img" aria-label="Phase diagram in the \(α, γ\) plane, coloured by overlap Q\(v\)"/,
    );
    const area = html.match(/<rect[^>]*data-testid="phase-click"[^>]*>/)![0];
    expect(area).toContain('tabindex="0"');
    expect(area).toContain('role="application"');
    expect(area).toMatch(/aria-label="Selected point α = [\d.]+, γ = [\d.]+\. Arrow keys/);
  });
});
