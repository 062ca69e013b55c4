import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseHmcDeep } from './hmcDeep';

describe('the authors’ d = 50 HMC files', () => {
  it('parse to 12 α/L columns, mean and spread over 9 teachers (first column of L = 1 by hand)', () => {
    const text = readFileSync(new URL('../../../public/data/hmc_d50_deeptanh_L1.csv', import.meta.url), 'utf8');
    const pts = parseHmcDeep(text);
    expect(pts).toHaveLength(12);
    const col0 = text
      .split('\n')
      .filter((l) => l.trim() && !l.startsWith('#'))
      .map((l) => Number(l.split(',')[0]));
    expect(col0).toHaveLength(9);
    expect(pts[0].mean).toBeCloseTo(col0.reduce((s, x) => s + x, 0) / 9, 12);
    expect(pts[11].alphaOverL).toBe(4);
    expect(pts[11].std).toBeGreaterThan(0);
  });
});
