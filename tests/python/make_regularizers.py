"""Writes Tests/NNTests/Fixtures/regularizers.json: 20 full-batch Adam steps of a Dense model
with regularizers, constraints and a frozen layer, in PyTorch, from given initial weights.

The model (weights stored [inputs, units], y = x @ W + b), on the `training` data of nn.json:
  Dense(8, relu)    kernel_regularizer l2(0.01), bias_regularizer l1(0.02),
                    activity_regularizer l1(0.001), kernel_constraint max_norm(0.8) (axis 0)
  Dense(5, tanh)    frozen (trainable = false), kernel_regularizer l2(0.5): a frozen weight's
                    penalty does not count (Keras 3 sums the trainable weights' penalties)
  Dense(3, sigmoid) kernel_regularizer l1_l2(l1 = 0.005, l2 = 0.01), activity_regularizer
                    l2(0.002), bias_constraint non_neg
loss = mean binary cross-entropy + l1 sum|.| + l2 sum(.^2) of each penalised tensor (activities
over the whole batch, not divided by its size: Keras 3). After each Adam step (lr 0.01, PyTorch
defaults) the constraints project: max_norm w * clamp(n, 0, m) / (1e-7 + n), n the L2 norm of
each column (axis 0); non_neg zeroes negatives. "losses" are each step's loss before its update
(what train_on_batch returns); "penalty_at_init" the penalty of the initial weights and their
activities on the whole data, for a hand check.

Versions: torch 2.13.0+cpu (float32), Python 3.11.
Run from anywhere: .venv-torch/bin/python tests/python/make_regularizers.py
"""
import json
from pathlib import Path

import torch
import torch.nn.functional as F

ROOT = Path(__file__).resolve().parents[2]
torch.set_num_threads(1)
torch.manual_seed(7)


def main():
    nn = json.loads((ROOT / "Tests/NNTests/Fixtures/nn.json").read_text())
    x = torch.tensor(nn["training"]["x"], dtype=torch.float32)
    y = torch.tensor(nn["training"]["y"], dtype=torch.float32)
    sizes = [(6, 8), (8, 5), (5, 3)]
    init = {}
    for k, (i, o) in enumerate(sizes, 1):
        init[f"W{k}"] = (torch.rand(i, o) * 2 - 1) * (6 / (i + o)) ** 0.5
        init[f"b{k}"] = torch.rand(o) * 0.2 - 0.1
    p = {k: v.clone().requires_grad_(k[1] != "2") for k, v in init.items()}

    def forward():
        h1 = F.relu(x @ p["W1"] + p["b1"])
        h2 = torch.tanh(h1 @ p["W2"] + p["b2"])
        z3 = h2 @ p["W3"] + p["b3"]
        out = torch.sigmoid(z3)
        penalty = (0.01 * (p["W1"] ** 2).sum() + 0.02 * p["b1"].abs().sum() + 0.001 * h1.abs().sum()
                   + 0.005 * p["W3"].abs().sum() + 0.01 * (p["W3"] ** 2).sum() + 0.002 * (out ** 2).sum())
        return F.binary_cross_entropy_with_logits(z3, y) + penalty, penalty

    with torch.no_grad():
        _, penalty0 = forward()
    trainable = [p[k] for k in ["W1", "b1", "W3", "b3"]]
    opt = torch.optim.Adam(trainable, lr=0.01)
    losses = []
    for _ in range(20):
        opt.zero_grad()
        loss, _ = forward()
        loss.backward()
        opt.step()
        with torch.no_grad():
            n = p["W1"].norm(dim=0, keepdim=True)
            p["W1"].mul_(n.clamp(0, 0.8) / (1e-7 + n))
            p["b3"].clamp_(min=0)
        losses.append(loss.item())
    plain = lambda t: t.detach().tolist()
    out = {"generator": f"torch {torch.__version__}", "init": {k: plain(v) for k, v in init.items()},
           "penalty_at_init": penalty0.item(), "losses": losses, "final": {k: plain(v) for k, v in p.items()}}
    (ROOT / "Tests/NNTests/Fixtures/regularizers.json").write_text(json.dumps(out, indent=1))


if __name__ == "__main__":
    main()
