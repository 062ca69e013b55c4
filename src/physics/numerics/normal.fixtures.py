# Reference values of normal.test.ts (ERF_TABLE): erf and erfc at 30 significant digits with mpmath.
# Run: python3 src/physics/numerics/normal.fixtures.py   (prints the rows of the table)
from mpmath import mp, erf, erfc, mpf

mp.dps = 30
for x in ['0.1', '0.3', '0.46875', '0.5', '0.75', '1', '1.5', '2', '3', '4', '4.5', '6', '10', '15', '20', '26', '-0.2', '-1.3', '-3.7']:
    v = mpf(float(x))  # the double nearest x, as the test evaluates it
    e = mp.nstr(erf(v), 20)
    print(f"  [{x}, {'1' if e == '1.0' else e}, {mp.nstr(erfc(v), 20)}],")
