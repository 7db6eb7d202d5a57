"""Recomputes Tests/NNTests/Fixtures/optimizers_near_one.json with PyTorch: a parameter of 37
values after 50 steps of each optimizer whose decay constants sit near 1, and Adam (β2 =
0.99999) after 100 steps of gradient 1, from the initial parameter and the gradients stored in
the file, which the script reads from the file it rewrites.

Versions: torch 2.15.0 (CPU, float32, one thread), Python 3.11. Not re-run in this repository
(PyTorch 2.15 is not installable here); the settings were checked against the stored values
(SGD: lr 0.01, momentum 0.9, dampening 0.9 gives them to float32 precision).
Run from anywhere: python tests/python/make_optimizers_near_one.py
"""
import json
from pathlib import Path

import torch

ROOT = Path(__file__).resolve().parents[2]
PATH = ROOT / "Tests/NNTests/Fixtures/optimizers_near_one.json"
torch.set_num_threads(1)

OPTIMIZERS = {
    "adam_default": lambda ps: torch.optim.Adam(ps),
    "adam_beta2_0.99999": lambda ps: torch.optim.Adam(ps, lr=1e-3, betas=(0.9, 0.99999)),
    "adamw_beta2_0.99999": lambda ps: torch.optim.AdamW(ps, lr=1e-3, betas=(0.99, 0.99999), weight_decay=0.01),
    "rmsprop_alpha_0.99999": lambda ps: torch.optim.RMSprop(ps, lr=1e-3, alpha=0.99999),
    "rmsprop_centered_momentum_alpha_0.9999":
        lambda ps: torch.optim.RMSprop(ps, lr=1e-3, alpha=0.9999, momentum=0.5, centered=True),
    "sgd_momentum_dampening_0.9": lambda ps: torch.optim.SGD(ps, lr=0.01, momentum=0.9, dampening=0.9),
}


def main():
    root = json.loads(PATH.read_text())
    initial, gradients = root["initial"], root["gradients"]
    root["generator"] = (f"PyTorch {torch.__version__}, CPU float32, one thread; parameter of {len(initial)} values, "
                         f"{len(gradients)} gradients")
    final = {}
    for name, make in OPTIMIZERS.items():
        p = torch.tensor(initial, dtype=torch.float32, requires_grad=True)
        opt = make([p])
        for g in gradients:
            p.grad = torch.tensor(g, dtype=torch.float32)
            opt.step()
        final[name] = p.detach().tolist()
    root["final"] = final
    p = torch.zeros(1, requires_grad=True)
    opt = torch.optim.Adam([p], lr=1e-3, betas=(0.9, 0.99999))
    for _ in range(100):
        p.grad = torch.ones(1)
        opt.step()
    root["adam_beta2_0.99999_constant_gradient_100_steps"] = p.item()
    PATH.write_text(json.dumps(root))


if __name__ == "__main__":
    main()
