"""A small plain-numpy implementation of the shallow-MLP RS theory (docs/physics/mlp-shallow.md §4–§6; arXiv
2510.24616): the yardstick of the bench's `cliCurveMs`. Same equations as the engine, written as one would in numpy:
the m_S table from the cubic for the Stieltjes transform (roots of a batch of companion matrices), ∫ρ³ by the
trapezoid rule, linear interpolation in the table, damped fixed points. ReLU, `ones` readouts, Gaussian W.

    python3 bench/mlp_numpy.py [--gamma 0.5] [--delta 0.1] [--alphas 0.04:8:0.04]

prints one JSON object: {"alpha": [...], "eps": [...], "Q": [...], "tableMs": …, "solveMs": …} (the equilibrium
branch: largest f_RS; the table build and the 200 solves timed apart).
"""

import argparse
import json
import math
import time

import numpy as np

# ReLU: Hermite coefficients μ1 = 1/2, μ2 = 1/√(2π); g(q) = E σσ' − μ0² − μ1² q − μ2² q²/2 in closed form (§2).
MU1SQ = 0.25
MU2SQ = 1 / (2 * math.pi)


def g(q):
    return (-1 - q * q / 2 + math.sqrt(max(0.0, 1 - q * q)) + q * math.asin(min(q, 1.0))) / (2 * math.pi)


def g_prime(q):
    return (math.asin(min(q, 1.0)) - q) / (2 * math.pi)


G1 = g(1.0)


def mmse_table(a, nodes=240, npts=3000, c=0.05, lam_max=2e4):
    """mmse_S(λ) of `ones` readouts on λ(u) = c(eᵘ − 1): a[t − (4π²/3) t² ∫ρ_t³], t = 1/(aλ) (§4)."""
    u = np.linspace(0, math.log(1 + lam_max / c), nodes)
    lam = c * np.expm1(u)
    mmse = np.empty(nodes)
    mmse[0] = 1.0
    for i in range(1, nodes):
        t = 1 / (a * lam[i])
        s = 2 * math.sqrt(t)
        # Spectrum of S_k (Marchenko–Pastur, ratio 1/a, plus the zero eigenvalues) widened by the semicircle of √t Z.
        x = np.linspace(-s - 0.05, (1 + 1 / math.sqrt(a)) ** 2 + s + 0.05, npts)
        # t g³ + (x + a t) g² + (a x − a + 1) g + a = 0 → companion matrices of the monic cubic.
        comp = np.zeros((npts, 3, 3))
        comp[:, 0, 0] = -(x + a * t) / t
        comp[:, 0, 1] = -(a * x - a + 1) / t
        comp[:, 0, 2] = -a / t
        comp[:, 1, 0] = 1
        comp[:, 2, 1] = 1
        roots = np.linalg.eigvals(comp)
        rho = np.max(roots.imag, axis=1).clip(min=0) / math.pi
        mmse[i] = a * (t - (4 * math.pi**2 / 3) * t * t * np.trapezoid(rho**3, x))
    m = 1 - mmse
    # ι(λ) = ¼ ∫₀^λ mmse (I-MMSE), cumulative trapezoid; m_S' by differences in λ.
    iota = 0.25 * np.concatenate([[0], np.cumsum(0.5 * (mmse[1:] + mmse[:-1]) * np.diff(lam))])
    m_prime = np.gradient(m, lam)
    return lam, m, m_prime, iota


class Theory:
    def __init__(self, gamma, delta):
        self.gamma, self.delta = gamma, delta
        self.rho2 = 1 + gamma  # ρ2 = 1 + γ (E v)² for `ones`
        self.kd = MU1SQ + MU2SQ / 2 * self.rho2 + G1
        self.lam, self.m, self.mp, self.io = mmse_table(gamma)

    def m_s(self, lam):
        return np.interp(lam, self.lam, self.m)

    def m_s_inv(self, y):
        return np.interp(y, self.m, self.lam)

    def solve(self, alpha, q0):
        """Fixed point at α from Q = q0 (q0 = 0: the universal branch); returns (ε, f, Q)."""
        gam, delta, rho2 = self.gamma, self.delta, self.rho2
        q, rhat = q0, 1.0
        for _ in range(2000):
            tau = self.m_s_inv(q * q) if q > 0 else 0.0
            for _ in range(500):  # inner loop at fixed Q: R̂2 → R2 → D → R̂2
                r2 = rho2 - 1 + self.m_s(tau + rhat)
                d = delta + MU2SQ / 2 * (rho2 - r2) + G1 - g(q)
                new = alpha * MU2SQ / d
                if abs(new - rhat) < 1e-13 * (1 + rhat):
                    rhat = new
                    break
                rhat = 0.5 * rhat + 0.5 * new
            if q0 == 0:
                break
            mp = np.interp(tau, self.lam, self.mp)
            qhat = q * (self.m_s(tau + rhat) - q * q) / (gam * mp) + alpha * g_prime(q) / (gam * d)
            qhat = max(qhat, 0.0)
            q_new = 0.5 * q + 0.5 * qhat / (1 + qhat)
            if abs(q_new - q) < 1e-10:
                q = q_new
                break
            q = q_new
        tau = self.m_s_inv(q * q) if q > 0 else 0.0
        r2 = rho2 - 1 + self.m_s(tau + rhat)
        d = delta + MU2SQ / 2 * (rho2 - r2) + G1 - g(q)
        qhat = q / (1 - q) if q > 0 else 0.0  # Q = Q̂/(1 + Q̂) for Gaussian W
        psi = qhat / 2 - 0.5 * math.log1p(qhat)
        iota = np.interp(tau, self.lam, self.io) - np.interp(tau + rhat, self.lam, self.io)
        f = (
            -0.5 * math.log(2 * math.pi * math.e * d)
            + (rho2 - r2) * rhat / (4 * alpha)
            + gam / alpha * (psi - 0.5 * q * qhat)
            + iota / alpha
        )
        eps = MU2SQ / 2 * (rho2 - r2) + G1 - g(q)
        return eps, f, q


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--gamma", type=float, default=0.5)
    ap.add_argument("--delta", type=float, default=0.1)
    ap.add_argument("--alphas", default="0.04:8:0.04")
    args = ap.parse_args()
    a0, a1, step = (float(s) for s in args.alphas.split(":"))
    alphas = [round(a0 + i * step, 10) for i in range(int((a1 - a0) / step + 1e-9) + 1)]
    t0 = time.perf_counter()
    th = Theory(args.gamma, args.delta)
    t1 = time.perf_counter()
    out = {"alpha": [], "eps": [], "Q": []}
    warm = 0.99
    for alpha in alphas:
        uni = th.solve(alpha, 0.0)
        best = uni
        for q0 in {0.99, warm}:  # informative start and the neighbouring α's solution
            spec = th.solve(alpha, q0)
            if spec[2] > 1e-7 and spec[1] > best[1]:
                best = spec
        warm = max(best[2], 0.05)
        out["alpha"].append(alpha)
        out["eps"].append(best[0])
        out["Q"].append(best[2])
    out["tableMs"] = 1e3 * (t1 - t0)
    out["solveMs"] = 1e3 * (time.perf_counter() - t1)
    print(json.dumps(out))


if __name__ == "__main__":
    main()
