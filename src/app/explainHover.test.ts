import { describe, expect, it } from 'vitest';
import katex from 'katex';
import { hermiteSeriesTex } from '../families/mlp/hermiteTex';
import { invertFromTicks, nearestRow, parseTick } from '../platform/plots/axesInvert';

describe('Hermite series in the Explain panel', () => {
  it('writes μ_ℓ/ℓ! He_ℓ with signs and drops zero terms (ReLU: μ = 1/√(2π), 1/2, 1/√(2π), 0, −1/√(2π))', () => {
    const s = 1 / Math.sqrt(2 * Math.PI);
    const tex = hermiteSeriesTex([s, 0.5, s, 0, -s]);
    expect(tex).toBe(
      '0.3989 + 0.5\\,\\mathrm{He}_{1}(x) + 0.1995\\,\\mathrm{He}_{2}(x) - 0.01662\\,\\mathrm{He}_{4}(x) + \\dots',
    );
    expect(() => katex.renderToString(tex, { throwOnError: true })).not.toThrow();
    // h23 = He2/√2 + He3/6: μ2 = √2, μ3 = 1
    expect(hermiteSeriesTex([0, 0, Math.SQRT2, 1, 0])).toBe(
      '0.7071\\,\\mathrm{He}_{2}(x) + 0.1667\\,\\mathrm{He}_{3}(x) + \\dots',
    );
  });
});

describe('hover read-out helpers', () => {
  it('reads the x scale back from tick positions and labels', () => {
    expect(parseTick('−2')).toBe(-2);
    expect(parseTick('0.5')).toBe(0.5);
    // Log axes: powers of ten with superscripts, with or without a mantissa (lineGeometry.logLabel).
    expect(parseTick('10⁻²')).toBeCloseTo(0.01, 15);
    expect(parseTick('10⁰')).toBe(1);
    expect(parseTick('2·10³')).toBe(2000);
    const inv = invertFromTicks([
      { px: 100, value: 0 },
      { px: 300, value: 4 },
      { px: 200, value: 2 },
      { px: 400, value: NaN },
    ])!;
    expect(inv(150)).toBe(1);
    expect(inv(350)).toBe(5);
    expect(invertFromTicks([{ px: 1, value: 1 }])).toBeNull();
  });

  it('finds the nearest row', () => {
    const xs = [0.02, 0.5, 1, 2];
    expect(nearestRow(xs, 0.7)).toBe(1);
    expect(nearestRow(xs, 0.8)).toBe(2);
    expect(nearestRow(xs, -3)).toBe(0);
    expect(nearestRow(xs, 9)).toBe(3);
    expect(nearestRow([], 1)).toBe(-1);
  });
});
