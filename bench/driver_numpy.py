"""The driver's loop in numpy, for bench/driver.sh.

Ridge regression with the iterate and one Jacobian column carried as a
d x 2 block X = [x, J]: the gradient block is H X + [b, x] (H
precomputed) or A^T (A X - [y, 0]) + theta X + [0, x] (matrix-free), and
the step is gradient descent or the Chebyshev three-term rule.  Prints
"storage method n d 1 us_per_iter" lines like bench/driver_bench.
"""
import sys
import time

import numpy as np


def loop(grad, X, method, h, budget=0.3):
    m = 0.5
    Y1, Y2 = X.copy(), X.copy()
    iters = 0
    t0 = time.perf_counter()
    while True:
        for _ in range(20):
            G = grad(Y1)
            if method == "gd":
                Y1 = Y1 - h * G
            else:
                Y1, Y2 = (1 + m) * Y1 - m * Y2 - h * G, Y1
            iters += 1
        el = time.perf_counter() - t0
        if el >= budget:
            return el / iters


def bench(n, d):
    rng = np.random.default_rng(1)
    A = rng.standard_normal((n, d))
    y = rng.standard_normal(n)
    theta = 1e-3
    H = A.T @ A + theta * np.eye(d)
    b = -A.T @ y
    X = np.zeros((d, 2))
    # A stable step, so that no overflow slows either side down.
    h = 1.0 / np.linalg.eigvalsh(H)[-1]

    def grad_h(X):
        G = H @ X
        G[:, 0] += b
        G[:, 1] += X[:, 0]
        return G

    def grad_mf(X):
        W = A @ X
        W[:, 0] -= y
        G = A.T @ W + theta * X
        G[:, 1] += X[:, 0]
        return G

    for storage, grad in (("hessian", grad_h), ("matrix-free", grad_mf)):
        for method in ("gd", "chebyshev"):
            us = 1e6 * loop(grad, X, method, h)
            print(f"{storage} {method} {n} {d} 1 {us:.4g}", flush=True)


if __name__ == "__main__":
    sizes = [(569, 30), (5000, 500), (20000, 2000)]
    if len(sys.argv) == 3:
        sizes = [(int(sys.argv[1]), int(sys.argv[2]))]
    for n, d in sizes:
        bench(n, d)
