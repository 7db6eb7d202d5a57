#!/usr/bin/env python3
"""PyTorch peer of `crescent bench train --workload w8`: training throughput on token sequences,
printed as one JSON line per variant.

    Embedding(20000, 128) -> mean over the 200 steps -> Linear 256 + ReLU -> Linear 50,
    BCEWithLogitsLoss, Adam lr 1e-3, batch 64, 4,096 samples.

Two variants: "sparse" (nn.Embedding(sparse=True) trained by SparseAdam, the rest by Adam)
and "dense" (one Adam over everything). Same data law, timing and batches as
../shared/bench/torch_w.py: three warm-up steps, then three runs of three epochs' worth of
steps; the median is printed.

usage: torch_w8.py [sparse|dense|both]   (default both)
"""
import json
import math
import sys
import time

import torch

torch.set_num_threads(2)

VOCAB, STEPS, DIM, HIDDEN, LABELS, BATCH, N = 20000, 200, 128, 256, 50, 64, 4096


def make_data():
    g = torch.Generator().manual_seed(0)
    # Zipf-like tokens: floor(VOCAB^u) - 1 for u uniform in [0, 1).
    u = torch.rand(N, STEPS, generator=g, dtype=torch.float64)
    x = (torch.exp(u * math.log(VOCAB)).floor().long() - 1).clamp(max=VOCAB - 1)
    y = (torch.rand(N, LABELS, generator=g) < 0.05).float()
    return x, y


class Model(torch.nn.Module):
    def __init__(self, sparse):
        super().__init__()
        self.embedding = torch.nn.Embedding(VOCAB, DIM, sparse=sparse)
        self.hidden = torch.nn.Linear(DIM, HIDDEN)
        self.out = torch.nn.Linear(HIDDEN, LABELS)

    def forward(self, x):
        h = self.embedding(x).mean(1)
        return self.out(torch.relu(self.hidden(h)))


def measure(variant, x, y):
    torch.manual_seed(1)
    model = Model(sparse=variant == "sparse")
    if variant == "sparse":
        optimizers = [torch.optim.SparseAdam([model.embedding.weight], lr=1e-3),
                      torch.optim.Adam(list(model.hidden.parameters()) + list(model.out.parameters()), lr=1e-3)]
    else:
        optimizers = [torch.optim.Adam(model.parameters(), lr=1e-3)]
    lossf = torch.nn.BCEWithLogitsLoss()

    def step(i):
        s = (i * BATCH) % (N - BATCH)
        xb, yb = x[s:s + BATCH], y[s:s + BATCH]
        for o in optimizers:
            o.zero_grad(set_to_none=True)
        loss = lossf(model(xb), yb)
        loss.backward()
        for o in optimizers:
            o.step()

    for i in range(3):
        step(i)
    steps = N // BATCH * 3
    rates = []
    for _ in range(3):
        t = time.perf_counter()
        for i in range(steps):
            step(i)
        rates.append(steps * BATCH / (time.perf_counter() - t))
    rates.sort()
    return rates[1]


def main():
    which = sys.argv[1] if len(sys.argv) > 1 else "both"
    variants = ["sparse", "dense"] if which == "both" else [which]
    x, y = make_data()
    for v in variants:
        print(json.dumps({"workload": "w8", "variant": v, "train_samples_per_sec": measure(v, x, y),
                          "threads": torch.get_num_threads(), "torch": torch.__version__}))


if __name__ == "__main__":
    main()
