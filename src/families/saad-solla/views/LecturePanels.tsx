// Lighter panels from the lectures, with citations: the information-exponent table (online SGD / kernels / AMP;
// Loureiro lecture 2025) with k* computed from the links' Hermite coefficients, and a link to the spiked
// matrix–tensor tab.
import { useSaadSolla } from '../store';

/** First ℓ ≥ 1 with μ_ℓ ≠ 0 (the information exponent), or null beyond ℓ = 6. */
export function informationExponent(mu: readonly number[]): number | null {
  for (let l = 1; l < mu.length; l++) if (Math.abs(mu[l]) > 1e-9) return l;
  return null;
}

const sgd = (k: number | null) => (k === null ? '—' : k === 1 ? 'n ≍ d' : k === 2 ? 'n ≍ d log d' : `n ≍ d^${k - 1}`);

export function InformationExponentPanel() {
  const rows = useSaadSolla((s) => s.hermite);
  return (
    <section className="panel" data-testid="panel-information-exponent">
      <h2>Information exponent k* of a single-index target y = σ(w⁰·x/√d)</h2>
      {!rows ? (
        <p className="classic-note">computing Hermite coefficients…</p>
      ) : (
        <table className="classic-table">
          <thead>
            <tr>
              <th>link σ</th>
              <th>μ₁</th>
              <th>μ₂</th>
              <th>μ₃</th>
              <th>k*</th>
              <th>online SGD</th>
              <th>Bayes / AMP</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => {
              const k = informationExponent(r.mu);
              return (
                <tr key={r.name} data-testid={`kstar-${r.name}`}>
                  <td>{r.formula}</td>
                  <td>{(Math.abs(r.mu[1]) < 5e-4 ? 0 : r.mu[1]).toFixed(3)}</td>
                  <td>{(Math.abs(r.mu[2]) < 5e-4 ? 0 : r.mu[2]).toFixed(3)}</td>
                  <td>{(Math.abs(r.mu[3]) < 5e-4 ? 0 : r.mu[3]).toFixed(3)}</td>
                  <td className="kstar">{k ?? '> 6'}</td>
                  <td>{sgd(k)}</td>
                  <td>n = Θ(d)</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
      <p className="classic-note">
        k* is the first non-zero Hermite coefficient μ_ℓ = E[σ(z)He_ℓ(z)], computed here. Online SGD from a random start
        needs n ≍ d (k* = 1), d log d (k* = 2), d^(k*−1) (k* ≥ 3) (Ben Arous, Gheissari, Jagannath, arXiv 2003.10409);
        kernel methods need n ≫ d^ℓ to fit the degree-ℓ part of any target; Bayes-optimal estimation and AMP need n =
        Θ(d) when the generative exponent is ≤ 2, as for these links (Damian et al., arXiv 2403.05529). Table after B.
        Loureiro, “Statistical physics of learning with two-layer neural networks” (lecture, 2025).
      </p>
    </section>
  );
}

export function MatrixTensorPanel() {
  return (
    <section className="panel" data-testid="panel-matrix-tensor">
      <h2>Spiked matrix–tensor model</h2>
      <p className="classic-note">
        Computed in its own tab: <a href="#model=matrix-tensor">the spiked matrix–tensor phase diagram</a> (arXiv
        1812.09066, 1902.00139).
      </p>
    </section>
  );
}
