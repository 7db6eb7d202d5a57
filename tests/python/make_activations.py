"""Writes Tests/TensorsTests/Fixtures/activations.json: PyTorch's values and gradients of the
activations selu, mish, hard_sigmoid, relu6, silu and exponential.

- "grid": float32 inputs from -100 to 100 (dense near the corners -3, 0, 3, 6 and the mish and
  softplus thresholds at 20); values and derivatives by torch in float64 on those inputs (the
  truth a float32 kernel is held to, relatively).
- "dense": for each activation, a Dense layer's output and gradients in float32 on the inputs
  of Fixtures/nn_elementwise.json (x, W, b, grad_output), as make_nn.py computes the others.

Versions: torch 2.13.0+cpu, Python 3.11.
Run from anywhere: .venv-torch/bin/python tests/python/make_activations.py
"""
import json
from pathlib import Path

import numpy as np
import torch
import torch.nn.functional as F

ROOT = Path(__file__).resolve().parents[2]
torch.set_num_threads(1)

ACTIVATIONS = {
    "selu": F.selu,
    "mish": F.mish,
    "hard_sigmoid": F.hardsigmoid,
    "relu6": F.relu6,
    "silu": F.silu,
    "exponential": torch.exp,
}


def grid():
    xs = list(np.linspace(-100, 100, 201)) + list(np.linspace(-8, 8, 321))
    for c in [-3.0, 0.0, 3.0, 6.0, 20.0, -20.0, 88.0, -88.0, -87.0, 80.0]:
        xs += [c - 1e-3, c - 1e-6, c, c + 1e-6, c + 1e-3]
    xs += [1e-30, -1e-30, 1e-8, -1e-8, -1.1924, -0.5, 0.5, 2.9999, -2.9999, 5.9999, 6.0001]
    xs = np.unique(np.array(xs, dtype=np.float32))
    out = {"x": [float(v) for v in xs]}
    for name, f in ACTIVATIONS.items():
        x = torch.tensor(xs, dtype=torch.float64, requires_grad=True)
        y = f(x)
        y.sum().backward()
        out[name] = {"value": y.detach().tolist(), "grad": x.grad.tolist()}
    return out


def dense(d):
    out = {}
    t = lambda v: torch.tensor(v, dtype=torch.float32)
    for name, act in ACTIVATIONS.items():
        x, W, b = t(d["x"]).requires_grad_(), t(d["W"]).requires_grad_(), t(d["b"]).requires_grad_()
        y = act(x @ W + b)
        (y * t(d["grad_output"])).sum().backward()
        out[name] = {"output": y.detach().tolist(), "grad_x": x.grad.tolist(), "grad_W": W.grad.tolist(), "grad_b": b.grad.tolist()}
    return out


def main():
    ew = json.loads((ROOT / "Tests/TensorsTests/Fixtures/nn_elementwise.json").read_text())
    root = {"generator": f"torch {torch.__version__}", "grid": grid(), "dense": dense(ew["dense"])}
    (ROOT / "Tests/TensorsTests/Fixtures/activations.json").write_text(json.dumps(root, indent=1))


if __name__ == "__main__":
    main()
