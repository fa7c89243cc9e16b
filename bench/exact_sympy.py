"""The exact core of unroll redone in SymPy, as a timing baseline.

Usage: exact_sympy.py chebyshev|sobolev coeffs|poly T

Same setting as bench/exact_bench.c: spectrum [1/2, 10], alpha = 1,
eta = 1.  "coeffs" computes the iteration coefficients for t = 1..T with
sympy Rational and the recurrences of the math reference (Chebyshev
delta_t; Gegenbauer pi_n, gamma_n; Sobolev N_n, e_n, d_n, K_n, sigma_n,
c1, c2, c3, a, A).  "poly" computes them and then the residual polynomial
P_T in lambda with sympy Poly over QQ, by the scheme's stage recurrences
(y: momentum, z: Sobolev, x: average).  Prints "SECONDS DIGITS": the best
CPU time of the process over up to three runs (stopping after 2 s in
total) and a check value, the number of decimal digits of the result's last
coefficient, so that a run that does no work cannot pass unnoticed.
"""

import sys
import time

from sympy import Poly, QQ, Rational, symbols

LO = Rational(1, 2)
HI = Rational(10)
ALPHA = Rational(1)
ETA = Rational(1)


def chebyshev_coeffs(T):
    """h_t, m_t for t = 1..T (index 0 unused)."""
    h = [Rational(0)] * (T + 1)
    m = [Rational(0)] * (T + 1)
    xbar = (HI + LO) / (HI - LO)
    if T >= 1:
        h[1] = 2 / (HI + LO)
    delta = 1 / xbar
    for t in range(2, T + 1):
        prev = delta
        delta = 1 / (2 * xbar - prev)
        h[t] = 4 * delta / (HI - LO)
        m[t] = delta * prev
    return {"h": h, "m": m}


def gamma(n):
    if n == 1:
        return 1 / (2 * (ALPHA + 1))
    return (n * (n + 2 * ALPHA - 1)
            / (4 * (n + ALPHA) * (n + ALPHA - 1)))


def sobolev_coeffs(T):
    """h, m of the Gegenbauer stage and c1, c2, c3, a, A."""
    c = 2 / (HI - LO)
    x0 = -(HI + LO) / (HI - LO)
    eta_x = ETA * c * c
    zero, one = Rational(0), Rational(1)
    pi = [one] + [zero] * T
    if T >= 1:
        pi[1] = x0
    for n in range(1, T):
        pi[n + 1] = x0 * pi[n] - gamma(n) * pi[n - 1]
    N, K, sig = [one] * (T + 1), [one] * (T + 1), [one] * (T + 1)
    e, d = [zero] * (T + 1), [zero] * (T + 1)
    for n in range(1, T + 1):
        N[n] = N[n - 1] * gamma(n)
        if n >= 3:
            e[n] = -Rational(n * (n - 1)) / (4 * (n + ALPHA - 1)
                                             * (n + ALPHA - 2))
            d[n] = e[n] * N[n - 2] / K[n - 2]
        K[n] = N[n] + eta_x * n * n * N[n - 1]
        sig[n] = pi[n]
        if n >= 3:
            K[n] += e[n] * N[n - 2] * (e[n] - d[n])
            sig[n] += e[n] * pi[n - 2] - d[n] * sig[n - 2]
    co = {k: [zero] * (T + 1) for k in ("h", "m", "c1", "c3")}
    co["c2"], co["a"], co["A"] = [one] * (T + 1), [one] * (T + 1), \
        [one] * (T + 1)
    if T >= 1:
        co["h"][1] = 2 / (HI + LO)
    for t in range(1, T + 1):
        if t >= 2:
            co["h"][t] = -c * pi[t - 1] / pi[t]
            co["m"][t] = gamma(t - 1) * pi[t - 2] / pi[t]
        if t >= 3:
            co["c1"][t] = -d[t] * sig[t - 2] / sig[t]
            co["c2"][t] = pi[t] / sig[t]
            co["c3"][t] = -e[t] * pi[t - 2] / sig[t]
        co["a"][t] = sig[t] * sig[t] / K[t]
        co["A"][t] = co["A"][t - 1] + co["a"][t]
    return co


def residual(co, T, averaged):
    """P_T (stage x) from the coefficients, in lambda, over QQ."""
    lam = symbols("lam")
    one = Poly(1, lam, domain=QQ)
    lp = Poly(lam, lam, domain=QQ)
    y1 = y2 = z1 = z2 = x = one
    q = QQ.convert
    for k in range(1, T + 1):
        h, m = q(co["h"][k]), q(co["m"][k])
        yn = y1.mul_ground(1 + m) - (lp * y1).mul_ground(h) - \
            y2.mul_ground(m)
        if averaged:
            zn = z2.mul_ground(q(co["c1"][k])) + \
                yn.mul_ground(q(co["c2"][k])) - \
                y2.mul_ground(q(co["c3"][k]))
            x = (x.mul_ground(q(co["A"][k - 1]))
                 + zn.mul_ground(q(co["a"][k]))).quo_ground(q(co["A"][k]))
            z2, z1 = z1, zn
        y2, y1 = y1, yn
    return x if averaged else y1


def run(method, what, T):
    co = chebyshev_coeffs(T) if method == "chebyshev" else sobolev_coeffs(T)
    if what == "coeffs":
        return co["h"][T] if T >= 1 else Rational(0)
    P = residual(co, T, method == "sobolev")
    assert P.eval(0) == 1
    return Rational(P.all_coeffs()[0])


def main():
    if len(sys.argv) != 4 or sys.argv[1] not in ("chebyshev", "sobolev") \
            or sys.argv[2] not in ("coeffs", "poly"):
        sys.stderr.write(__doc__)
        return 2
    method, what, T = sys.argv[1], sys.argv[2], int(sys.argv[3])
    best, spent = None, 0.0
    for _ in range(3):
        t0 = time.process_time()
        v = run(method, what, T)
        dt = time.process_time() - t0
        best = dt if best is None else min(best, dt)
        spent += dt
        if spent > 2.0:
            break
    print("%.6f %d" % (best, len(str(abs(v.p)))))
    return 0


if __name__ == "__main__":
    sys.exit(main())
