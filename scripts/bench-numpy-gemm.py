#!/usr/bin/env python3
"""Times numpy's matmul (OpenBLAS sgemm) on one GEMM shape, the same way GemmBenchmark does.

  python3 scripts/bench-numpy-gemm.py --shape MxKxN [--ta] [--tb] --threads T

op(A) is M x K and op(B) is K x N. --ta stores A as K x M and passes A.T (so OpenBLAS
gets the transpose flag); --tb likewise stores B as N x K. Prints one line ending
`gflops=<number>` (median over repeats after a warm-up, repeating until ~0.3 s, >= 5 runs).
"""
import argparse
import os
import sys

ap = argparse.ArgumentParser()
ap.add_argument("--shape", required=True, help="MxKxN")
ap.add_argument("--ta", action="store_true", help="A stored K x M (transposed)")
ap.add_argument("--tb", action="store_true", help="B stored N x K (transposed)")
ap.add_argument("--threads", type=int, default=1)
args = ap.parse_args()

# Thread count and core tuning must be fixed before numpy (OpenBLAS) loads.
for var in ("OPENBLAS_CORETYPE", "OPENBLAS_L2_SIZE"):
    os.environ.pop(var, None)
for var in ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS"):
    os.environ[var] = str(args.threads)
if "numpy" in sys.modules:
    sys.exit("numpy was imported too early")

import time  # noqa: E402

import numpy as np  # noqa: E402

m, k, n = (int(x) for x in args.shape.lower().split("x"))
rng = np.random.default_rng(0)
a = np.ascontiguousarray(rng.uniform(-1, 1, (k, m) if args.ta else (m, k)).astype(np.float32))
b = np.ascontiguousarray(rng.uniform(-1, 1, (n, k) if args.tb else (k, n)).astype(np.float32))
opa = a.T if args.ta else a
opb = b.T if args.tb else b
out = np.empty((m, n), dtype=np.float32)

np.matmul(opa, opb, out=out)  # warm-up
np.matmul(opa, opb, out=out)
times = []
start = time.perf_counter()
while len(times) < 5 or time.perf_counter() - start < 0.3:
    t0 = time.perf_counter()
    np.matmul(opa, opb, out=out)
    times.append(time.perf_counter() - t0)
times.sort()
mid = len(times) // 2
median = times[mid] if len(times) % 2 else (times[mid - 1] + times[mid]) / 2
gflops = 2.0 * m * n * k / median / 1e9
print(f"numpy shape={m}x{k}x{n} ta={int(args.ta)} tb={int(args.tb)} threads={args.threads} "
      f"seconds={median:.6f} gflops={gflops:.2f}")
