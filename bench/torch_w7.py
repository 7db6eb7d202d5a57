#!/usr/bin/env python3
"""PyTorch peer of `crescent bench train --workload w7`: training and inference throughput of a
small convolutional network, printed as one JSON line. Timed as ../shared/bench/torch_w.py
times W1/W2: three warm-up steps, then three runs of 20 steps, the median.

W7: 32x32x3 images -> Conv2d 32 3x3 same relu -> MaxPool 2 -> Conv2d 64 3x3 same relu ->
MaxPool 2 -> Flatten -> Linear 10, softmax cross-entropy on one-hot targets, Adam 1e-3,
batch 64, 2048 samples. Inference: forward in eval mode without gradients, batches of 64,
one pass over the samples.
usage: torch_w7.py [threads]   (default 2)"""
import json, sys, time
import torch
threads = int(sys.argv[1]) if len(sys.argv) > 1 else 2
torch.set_num_threads(threads)
n, batch, steps = 2048, 64, 20
g = torch.Generator().manual_seed(0)
x = torch.randn(n, 3, 32, 32, generator=g)
y = torch.nn.functional.one_hot(torch.randint(0, 10, (n,), generator=g), 10).float()
model = torch.nn.Sequential(
    torch.nn.Conv2d(3, 32, 3, padding="same"), torch.nn.ReLU(), torch.nn.MaxPool2d(2),
    torch.nn.Conv2d(32, 64, 3, padding="same"), torch.nn.ReLU(), torch.nn.MaxPool2d(2),
    torch.nn.Flatten(), torch.nn.Linear(64 * 8 * 8, 10))
opt = torch.optim.Adam(model.parameters(), lr=1e-3)
lossf = torch.nn.CrossEntropyLoss()


def batch_at(i):
    s = (i * batch) % (n - batch)
    return x[s:s + batch], y[s:s + batch]


def step(i):
    xb, yb = batch_at(i)
    opt.zero_grad(set_to_none=True)
    loss = lossf(model(xb), yb)
    loss.backward()
    opt.step()


def median_rate(run, samples):
    rates = []
    for rep in range(3):
        t = time.perf_counter()
        run()
        rates.append(samples / (time.perf_counter() - t))
    return sorted(rates)[1]


for i in range(3):
    step(i)
train = median_rate(lambda: [step(i) for i in range(steps)], steps * batch)

model.eval()
with torch.no_grad():
    for i in range(3):
        model(batch_at(i)[0])
    inference = median_rate(lambda: [model(batch_at(i)[0]) for i in range(n // batch)], n // batch * batch)
print(json.dumps({"workload": "w7", "train_samples_per_sec": train, "inference_samples_per_sec": inference,
                  "threads": threads, "torch": torch.__version__}))
