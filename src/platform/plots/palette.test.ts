import { describe, expect, it } from 'vitest';
import { BLUE_RAMP, COLOURS, SERIES_HUES, STATE_COLOURS, STATE_COLOURS_DARK } from './palette';

// Colour-vision-deficiency simulation (Machado, Oliveira & Fernandes 2009, severity 1, linear RGB) and CIE76 ΔE
// in L*a*b* (D65). ΔE ≈ 2 is "just noticeable"; we ask for ≥ 15 between series drawn side by side (the Okabe–Ito
// pair for the HMC points reaches 17.9 under deutan vision; those points also differ in shape: filled vs ring).
const CVD: Record<string, number[][]> = {
  normal: [
    [1, 0, 0],
    [0, 1, 0],
    [0, 0, 1],
  ],
  protan: [
    [0.152286, 1.052583, -0.204868],
    [0.114503, 0.786281, 0.099216],
    [-0.003882, -0.048116, 1.051998],
  ],
  deutan: [
    [0.367322, 0.860646, -0.227968],
    [0.280085, 0.672501, 0.047413],
    [-0.01182, 0.04294, 0.968881],
  ],
  tritan: [
    [1.255528, -0.076749, -0.178779],
    [-0.078411, 0.930809, 0.147602],
    [0.004733, 0.691367, 0.3039],
  ],
};
const toLinear = (c: number) => (c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4);
function rgb(hex: string): number[] {
  const n = parseInt(hex.slice(1), 16);
  return [(n >> 16) & 255, (n >> 8) & 255, n & 255].map((x) => toLinear(x / 255));
}
function lab(lin: number[]): number[] {
  const [r, g, b] = lin.map((x) => Math.min(1, Math.max(0, x)));
  const X = (0.4124 * r + 0.3576 * g + 0.1805 * b) / 0.95047;
  const Y = 0.2126 * r + 0.7152 * g + 0.0722 * b;
  const Z = (0.0193 * r + 0.1192 * g + 0.9505 * b) / 1.08883;
  const f = (t: number) => (t > 216 / 24389 ? Math.cbrt(t) : (t * 24389) / 27 / 116 + 16 / 116);
  return [116 * f(Y) - 16, 500 * (f(X) - f(Y)), 200 * (f(Y) - f(Z))];
}
const simulate = (hex: string, m: number[][]) => {
  const c = rgb(hex);
  return m.map((row) => row[0] * c[0] + row[1] * c[1] + row[2] * c[2]);
};
const deltaE = (a: number[], b: number[]) => Math.hypot(a[0] - b[0], a[1] - b[1], a[2] - b[2]);
function luminance(hex: string): number {
  const [r, g, b] = rgb(hex);
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}
const contrast = (a: string, b: string) => {
  const [x, y] = [luminance(a), luminance(b)].sort((p, q) => q - p);
  return (x + 0.05) / (y + 0.05);
};

describe('plot palette', () => {
  // Series that appear together in the ε plot and must be told apart.
  const series = [
    'equilibrium',
    'universal',
    'specialised',
    'hmcInformative',
    'hmcUninformative',
    'selection',
  ] as const;

  it('keeps every pair of series distinct for normal, protan, deutan and tritan vision', () => {
    for (const [kind, m] of Object.entries(CVD)) {
      for (let i = 0; i < series.length; i++) {
        for (let j = i + 1; j < series.length; j++) {
          const a = series[i];
          const b = series[j];
          const d = deltaE(lab(simulate(COLOURS[a], m)), lab(simulate(COLOURS[b], m)));
          expect(d, `${kind}: ${a} vs ${b}`).toBeGreaterThanOrEqual(15);
        }
      }
    }
  });

  it('draws lines with at least 3:1 contrast against the white panel (WCAG non-text contrast)', () => {
    for (const k of [
      'equilibrium',
      'universal',
      'specialised',
      'hmcInformative',
      'hmcUninformative',
      'selection',
      'transition',
    ] as const) {
      expect(contrast(COLOURS[k], '#ffffff'), k).toBeGreaterThanOrEqual(3);
    }
    for (const c of SERIES_HUES) expect(contrast(c, '#ffffff'), c).toBeGreaterThanOrEqual(3);
  });

  it('keeps neighbouring categorical hues distinct for normal vision, and the blue ramp ordered by lightness', () => {
    for (let i = 0; i + 1 < SERIES_HUES.length; i++) {
      const d = deltaE(lab(simulate(SERIES_HUES[i], CVD.normal)), lab(simulate(SERIES_HUES[i + 1], CVD.normal)));
      expect(d, `${SERIES_HUES[i]} vs ${SERIES_HUES[i + 1]}`).toBeGreaterThanOrEqual(15);
    }
    const lightness = BLUE_RAMP.map((c) => lab(simulate(c, CVD.normal))[0]);
    for (let i = 0; i + 1 < lightness.length; i++) expect(lightness[i]).toBeGreaterThan(lightness[i + 1]);
  });

  it("tells the phase diagram's four states apart on either theme, for every kind of colour vision", () => {
    for (const states of [STATE_COLOURS, STATE_COLOURS_DARK])
      for (const [kind, m] of Object.entries(CVD))
        for (let i = 0; i < states.length; i++)
          for (let j = i + 1; j < states.length; j++) {
            const d = deltaE(lab(simulate(states[i], m)), lab(simulate(states[j], m)));
            expect(d, `${kind}: ${states[i]} vs ${states[j]}`).toBeGreaterThanOrEqual(15);
          }
  });
});
