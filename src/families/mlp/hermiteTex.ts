// TeX for the start of an activation's Hermite series (the Explain panel).
import { formatValue } from '../../platform/plots/scales';

const FACTORIALS = [1, 1, 2, 6, 24];

/** σ(x) = Σ μ_ℓ/ℓ! He_ℓ(x) up to ℓ = 4 with the given coefficients, as TeX (zero terms dropped). */
export function hermiteSeriesTex(mu: readonly number[]): string {
  const terms: string[] = [];
  mu.slice(0, 5).forEach((m, l) => {
    const c = m / FACTORIALS[l];
    if (Math.abs(c) < 1e-10) return;
    const mag = formatValue(Math.abs(c), 4).replace('−', '');
    const sign = c < 0 ? '-' : terms.length ? '+' : '';
    terms.push(`${sign ? `${sign} ` : ''}${mag}${l === 0 ? '' : `\\,\\mathrm{He}_{${l}}(x)`}`);
  });
  return terms.length ? `${terms.join(' ')} + \\dots` : '0 + \\dots';
}
