import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadReference, matchReference, parseNumericCsv, REFERENCE_SPECS } from './reference';

const publicData = new URL('../../../public/data/', import.meta.url);
const fileFetch = (async (url: string) => {
  const name = String(url).split('/').pop()!;
  return new Response(readFileSync(new URL(name, publicData), 'utf8'));
}) as unknown as typeof fetch;

describe('reference data', () => {
  it('parses numeric CSV and skips malformed rows', () => {
    expect(parseNumericCsv('a,b\n1,2\n3,x\n4\n\n5,6e-1\n')).toEqual([
      { a: 1, b: 2 },
      { a: 5, b: 0.6 },
    ]);
  });

  it('loads the shipped files with their published values', async () => {
    const set = await loadReference('/', fileFetch);
    expect(set.map((e) => e.id)).toEqual(REFERENCE_SPECS.map((s) => s.id));
    const relu = set[0];
    expect(relu.hmc).toHaveLength(16);
    expect(relu.hmc[0]).toEqual({
      alpha: 0.5,
      infoMean: 0.05874311,
      unfoMean: 0.058365494,
      infoStd: 0.00061025395,
      unfoStd: 0.00072706374,
    });
    expect(relu.universal).toHaveLength(201);
    expect(relu.universal[0].eps).toBeCloseTo(0.0908451, 6); // ε(α→0) = Eσ² − μ0² − μ1² for ReLU
    expect(relu.universal.find((r) => Math.abs(r.alpha - 1) < 1e-9)?.eps).toBeCloseTo(0.0405011, 6);
  });

  it('matches only at the published parameters; HMC only with Gaussian weights', async () => {
    const set = await loadReference('/', fileFetch);
    const p = { activation: 'relu', gamma: 0.5, delta: 0.1, readout: 'ones' as const, weights: 'gaussian' as const };
    expect(matchReference(set, p)).toMatchObject({ entry: { id: 'relu' }, showHmc: true });
    expect(matchReference(set, { ...p, weights: 'rademacher' })).toMatchObject({
      entry: { id: 'relu' },
      showHmc: false,
    });
    expect(matchReference(set, { ...p, delta: 0.11 })).toBeNull();
    expect(matchReference(set, { ...p, readout: 'rad' })).toBeNull();
    expect(matchReference(set, { ...p, activation: 'h23', delta: 1.25 })).toMatchObject({ entry: { id: 'h23' } });
    expect(matchReference(null, p)).toBeNull();
  });
});
