# Reference values of spectral.test.ts (CONTINUOUS_MS): m_S(λ) = 1 − mmse_S(λ) for the continuous readout laws
# `gauss` (N(0,1)) and `unif` (U[−√3, √3]) at γ = a, computed independently of spectral.ts:
#   mmse_S(λ) = a[t − (4π²/3) t² ∫ρ_t³],  t = 1/(aλ)  (docs/physics/mlp-shallow.md §4),
# with ρ_t = Im g/π and g solving x = a E[v/(a + vg)] − t g − 1/g, where E[v/(a + vg)] = (1 − zG(z))/g at z = a/g and
# G(z) = E[1/(z − v)] is scipy's Faddeeva function wofz (S. G. Johnson's package) for N(0,1) and the logarithm for
# U[−√3, √3]; the root by complex Newton (numerical derivative) seeded from a continuation grid; ∫ρ³ by QUADPACK
# (scipy.integrate.quad) with breakpoints at the support edges and at ±2^j √t (the spike of the zero eigenvalues).
# Run: python3 src/physics/spectral.fixtures.py   (prints the rows of the table; minutes). Each row asserts unit
# mass of ρ_t to 1e−9, the check that the root was followed.
import numpy as np
from scipy.special import wofz
from scipy.integrate import quad
from scipy.optimize import brentq

SQ3 = np.sqrt(3.0)


def G(law, z):
    if law == 'gauss':
        # E[1/(z − v)] = i√(π/2) w(−z/√2) for Im z < 0 (Im g > 0), continued analytically across the real axis so that
        # Newton converges next to the (soft) band edges, where the root has Im g → 0⁺.
        return 1j * np.sqrt(np.pi / 2) * wofz(-z / np.sqrt(2))
    return np.log((z + SQ3) / (z - SQ3)) / (2 * SQ3)


def xOf(law, a, t, g):
    z = a / g
    return a * (1 - z * G(law, z)) / g - t * g - 1 / g


def root(law, a, t, x, g):
    for _ in range(200):
        h = 1e-7 * abs(g)
        f = xOf(law, a, t, g) - x
        d = (xOf(law, a, t, g + h) - xOf(law, a, t, g - h)) / (2 * h)
        step = f / d
        if not np.isfinite(step):
            break
        g = g - step
        if abs(step) < 1e-15 * abs(g):
            break
    return g


def edgeX(law, a, t):
    # Right edge of `unif`: the minimum of x(g) on g ∈ (−a/√3, 0) (x'(g) = 0), by bisection on x'.
    dx = lambda g: (xOf(law, a, t, g + 1e-7 * abs(g) + 0j).real - xOf(law, a, t, g - 1e-7 * abs(g) + 0j).real) / (2e-7 * abs(g))
    gs = -a / SQ3 * np.linspace(1e-6, 1 - 1e-9, 4000)
    d = np.array([dx(g) for g in gs])
    i = np.nonzero(np.sign(d[:-1]) != np.sign(d[1:]))[0][0]
    g = brentq(dx, gs[i], gs[i + 1], xtol=1e-15)
    return xOf(law, a, t, g + 0j).real


def mS(law, a, lam):
    t = 1 / (a * lam)
    sigma = np.sqrt(1 / a + t)
    X = edgeX(law, a, t) if law == 'unif' else 8 * sigma + 20
    s = np.sqrt(t)
    brk = [0.0] + [s * 2.0**j for j in range(60) if s * 2.0**j < X]
    grid = np.unique(np.concatenate([np.linspace(0, X, 3001), np.linspace(0, min(16 * s, X), 400), np.array(brk), X * (1 - np.logspace(-9, -1, 200))]))
    gs = np.zeros(len(grid), complex)
    g = 1j * (1 / sigma + max(1 - a, 0) / s)  # ρ(0): the bulk's plus the zero eigenvalues' semicircle, radius 2√t
    for i, x in enumerate(grid):
        g = root(law, a, t, x, g if g.imag > 1e-300 else g.real + 1e-12j)
        gs[i] = g

    def rho(x):  # even in x
        i = min(np.searchsorted(grid, abs(x)), len(grid) - 1)
        g = root(law, a, t, abs(x), gs[i] if gs[i].imag > 1e-300 else gs[i].real + 1e-12j)
        return max(g.imag, 0.0) / np.pi

    pts = brk[1:]
    r3, e3 = quad(lambda x: rho(x) ** 3, 0, X, points=pts, limit=5000, epsabs=1e-15, epsrel=1e-13)
    r1, e1 = quad(rho, 0, X, points=pts, limit=5000, epsabs=1e-14, epsrel=1e-12)
    mmse = a * (t - (4 * np.pi**2 / 3) * t * t * 2 * r3)
    return 1 - mmse, 2 * r1


for law, lam in [('gauss', '0.5'), ('gauss', '5'), ('gauss', '500'), ('gauss', '10000'),
                 ('unif', '0.5'), ('unif', '5'), ('unif', '500'), ('unif', '10000')]:
    m, mass = mS(law, 0.5, float(lam))
    assert abs(mass - 1) < 1e-9, (law, lam, mass)
    print(f"  ['{law}', {lam}, {m!r}],")
