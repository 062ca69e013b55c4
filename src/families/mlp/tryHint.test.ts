import { describe, expect, it } from 'vitest';
import { tryHint } from './tryHint';

describe('tryHint', () => {
  it('names the critical point nearest the slider, on screen', () => {
    // ReLU, Δ = 0.1: the CLI's `phase` puts a critical point at γ ≈ 0.539, α ≈ 4.95 (first-order from γ ≈ 0.54).
    const h = tryHint(
      'gamma',
      [
        [4.95, 0.539],
        [7.5, 1.3],
      ],
      true,
      8,
      0.5,
    );
    expect(h).toContain('drag γ across ≈ 0.54');
    expect(h).toContain('near α ≈ 5 ');
  });
  it('leaves out critical points beyond the α range, then falls back to the α_sp line or a click', () => {
    expect(tryHint('delta', [[9, 0.3]], true, 8, 0.1)).toContain('drag Δ and watch the specialisation jump');
    expect(tryHint('gamma', [], false, 8, 0.5)).toContain('click the phase diagram to move (α, γ)');
  });
});
