# Reference values of faddeeva.test.ts (W_TABLE): w(z) = exp(-z^2) erfc(-iz) at 30 significant digits with mpmath.
# Run: python3 src/physics/numerics/faddeeva.fixtures.py   (prints the rows of the table)
from mpmath import mp, mpc, mpf, exp, erfc

mp.dps = 30
points = [(0, 0), (0.5, 0), (1, 0), (3, 0), (6.3, 0), (11.5, 0), (-2.2, 0), (0, 0.5), (0, 4), (1, 1), (0.3, 0.02),
          (2.5, 1e-6), (-4, 0.7), (5, 5), (-9, 2), (7.5, 0.3), (0.01, 11), (12, 12), (1.3, -0.4), (-0.8, -1.1)]
for x, y in points:
    z = mpc(mpf(float(x)), mpf(float(y)))  # the doubles nearest x, y, as the test evaluates them
    w = exp(-z * z) * erfc(-1j * z)
    print(f"  [{x}, {y}, {mp.nstr(w.real, 20)}, {mp.nstr(w.imag, 20)}],")
