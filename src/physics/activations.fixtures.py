# Reference values of activations.test.ts.
#   REFERENCE_1D (mpmath, 30 digits): μ_ℓ = E[σ(z) He_ℓ(z)] for ℓ = 0…6, E σ², g(1) = E σ² − μ0² − μ1² − μ2²/2.
#   REFERENCE_2D (scipy nested adaptive quadrature, tolerance 1e−15): g(q) = E[σ(z)σ(z')] − μ0² − μ1² q − μ2² q²/2
#   and g'(q) = E[σ'(z)σ'(z')] − μ1² − μ2² q (Price), corr(z, z') = q, with z' = q z + √(1 − q²) ξ.
# Run: python3 src/physics/activations.fixtures.py [1d|2d]
import sys
from math import erf as ferf, exp as fexp, sqrt as fsqrt, tanh as ftanh, pi as fpi, log1p as flog1p
from mpmath import mp, mpf, quad, exp, tanh, erf, log, sqrt, pi, inf

mp.dps = 30

SIGMA = {
    'tanh': (lambda x: tanh(x), lambda x: 1 - tanh(x) ** 2),
    'tanh2': (lambda x: tanh(2 * x), lambda x: 2 * (1 - tanh(2 * x) ** 2)),
    'sigmoid': (lambda x: 1 / (1 + exp(-x)), lambda x: exp(-x) / (1 + exp(-x)) ** 2),
    'softplus': (lambda x: log(1 + exp(x)), lambda x: 1 / (1 + exp(-x))),
    'elu': (lambda x: x if x > 0 else exp(x) - 1, lambda x: 1 if x > 0 else exp(x)),
    'erf': (lambda x: erf(x), lambda x: 2 / sqrt(pi) * exp(-x * x)),
}


def hermite(l, z):
    """Probabilists' He_l(z) by He_{l+1} = z He_l − l He_{l−1}."""
    a, b = mpf(1), z
    if l == 0:
        return a
    for k in range(1, l):
        a, b = b, z * b - k * a
    return b


def gauss(f):
    """E f(z), z ~ N(0, 1), split at the kink of ELU."""
    w = lambda z: f(z) * exp(-z * z / 2) / sqrt(2 * pi)
    return quad(w, [-inf, 0, inf])


def one_d():
    for name, (s, _) in SIGMA.items():
        mu = [gauss(lambda z, l=l: s(z) * hermite(l, z)) for l in range(7)]
        e2 = gauss(lambda z: s(z) ** 2)
        g1 = e2 - mu[0] ** 2 - mu[1] ** 2 - mu[2] ** 2 / 2
        num = lambda v: '0' if abs(v) < 1e-25 else mp.nstr(v, 17)  # odd/even symmetry zeros
        print(f"  {name}: {{ mu: [{', '.join(num(m) for m in mu)}], Esigma2: {num(e2)}, g1: {num(g1)} }},")


def two_d():
    from scipy import integrate
    f64 = {
        'tanh': (ftanh, lambda x: 1 - ftanh(x) ** 2),
        'tanh2': (lambda x: ftanh(2 * x), lambda x: 2 * (1 - ftanh(2 * x) ** 2)),
        'sigmoid': (lambda x: 1 / (1 + fexp(-x)), lambda x: fexp(-x) / (1 + fexp(-x)) ** 2),
        'softplus': (lambda x: max(x, 0) + flog1p(fexp(-abs(x))), lambda x: 1 / (1 + fexp(-x))),
        'elu': (lambda x: x if x > 0 else fexp(x) - 1, lambda x: 1.0 if x > 0 else fexp(x)),
    }
    phi = lambda x: fexp(-x * x / 2) / fsqrt(2 * fpi)
    for name, (s, ds) in f64.items():
        mu = [float(gauss(lambda z, l=l: SIGMA[name][0](z) * hermite(l, z))) for l in range(3)]
        rows = []
        for q in [0.1, 0.5, 0.9, 0.99, 0.9999]:
            r = fsqrt(1 - q * q)
            ev = lambda f: integrate.quad(lambda z: phi(z) * integrate.quad(lambda x: phi(x) * f(z) * f(q * z + r * x), -12, 12, epsabs=1e-15, epsrel=1e-15, limit=200)[0], -12, 12, epsabs=1e-15, epsrel=1e-15, limit=200)[0]
            g = ev(s) - mu[0] ** 2 - mu[1] ** 2 * q - mu[2] ** 2 * q * q / 2
            gp = ev(ds) - mu[1] ** 2 - mu[2] ** 2 * q
            rows.append(f'[{q}, {g:.16e}, {gp:.16e}]')
        print(f"  {name}: [{', '.join(rows)}],")


(two_d if sys.argv[1:] == ['2d'] else one_d)()
