"""Recomputes Tests/NNTests/Fixtures/nn.json (a copy of the shared reference nn.json) with
PyTorch: Dense outputs and gradients per activation, each loss's value and gradient, eight
optimizers' trajectories and a 20-step training run, from the inputs stored in the file (x, W,
b, grad_output, logits, targets, pos_weight, the optimizers' initial parameter and gradients,
the training data and initial weights), which the script reads from the file it rewrites.

Versions: torch 2.13.0+cpu (float32, CPU), Python 3.11. Not re-run in this repository (PyTorch
2.13 is not installable here); the committed file is the reference copy.
Run from anywhere: python tests/python/make_nn.py
"""
import json
from pathlib import Path

import torch
import torch.nn.functional as F

ROOT = Path(__file__).resolve().parents[2]
PATH = ROOT / "Tests/NNTests/Fixtures/nn.json"
torch.set_num_threads(1)


def t(v):
    return torch.tensor(v, dtype=torch.float32)


def plain(x):
    return x.detach().tolist()


ACTIVATIONS = {
    "linear": lambda z: z,
    "relu": F.relu,
    "sigmoid": torch.sigmoid,
    "tanh": torch.tanh,
    "softmax": lambda z: F.softmax(z, dim=1),
    "gelu": lambda z: F.gelu(z, approximate="none"),
    "elu": lambda z: F.elu(z, alpha=1.0),
    "leaky_relu": lambda z: F.leaky_relu(z, 0.01),
    "softplus": F.softplus,
    "swish": lambda z: z * torch.sigmoid(z),
}


def dense(d):
    out = {}
    for name, act in ACTIVATIONS.items():
        x, W, b = t(d["x"]).requires_grad_(), t(d["W"]).requires_grad_(), t(d["b"]).requires_grad_()
        y = act(x @ W + b)
        (y * t(d["grad_output"])).sum().backward()
        out[name] = {"output": plain(y), "grad_x": plain(x.grad), "grad_W": plain(W.grad), "grad_b": plain(b.grad)}
    return out


def losses(d):
    targets, pos_weight = t(d["targets"]), t(d["pos_weight"])
    fns = {
        "binary_crossentropy_from_logits": lambda z: F.binary_cross_entropy_with_logits(z, targets),
        "binary_crossentropy_from_logits_pos_weight":
            lambda z: F.binary_cross_entropy_with_logits(z, targets, pos_weight=pos_weight),
        "binary_crossentropy_on_probabilities": lambda z: F.binary_cross_entropy(torch.sigmoid(z), targets),
        "categorical_crossentropy_from_logits": lambda z: F.cross_entropy(z, targets.argmax(dim=1)),
        "mean_squared_error": lambda z: F.mse_loss(z, targets),
        "sigmoid_focal_gamma2_alpha0.25": lambda z: focal(z, targets),
    }
    out = {}
    for name, f in fns.items():
        z = t(d["logits"]).requires_grad_()
        value = f(z)
        value.backward()
        out[name] = {"value": value.item(), "grad_logits": plain(z.grad)}
    return out


def focal(z, y, gamma=2.0, alpha=0.25):
    p = torch.sigmoid(z)
    ce = F.binary_cross_entropy_with_logits(z, y, reduction="none")
    p_t = p * y + (1 - p) * (1 - y)
    alpha_t = alpha * y + (1 - alpha) * (1 - y)
    return (alpha_t * ce * (1 - p_t) ** gamma).mean()


OPTIMIZERS = {
    "sgd_lr0.1": lambda ps: torch.optim.SGD(ps, lr=0.1),
    "sgd_momentum0.9_lr0.05": lambda ps: torch.optim.SGD(ps, lr=0.05, momentum=0.9),
    "sgd_nesterov_momentum0.9_lr0.05": lambda ps: torch.optim.SGD(ps, lr=0.05, momentum=0.9, nesterov=True),
    "adam_lr0.001": lambda ps: torch.optim.Adam(ps, lr=0.001),
    "adam_lr0.01_betas0.8_0.99_eps1e-7": lambda ps: torch.optim.Adam(ps, lr=0.01, betas=(0.8, 0.99), eps=1e-7),
    "adamw_lr0.01_wd0.1": lambda ps: torch.optim.AdamW(ps, lr=0.01, weight_decay=0.1),
    "rmsprop_lr0.01_alpha0.9": lambda ps: torch.optim.RMSprop(ps, lr=0.01, alpha=0.9),
    "adagrad_lr0.1": lambda ps: torch.optim.Adagrad(ps, lr=0.1),
}


def optimizers(d):
    out = {}
    for name, make in OPTIMIZERS.items():
        p = t(d["initial"]).requires_grad_()
        opt = make([p])
        steps = []
        for g in d["gradients"]:
            p.grad = t(g)
            opt.step()
            steps.append(plain(p))
        out[name] = steps
    return out


def training(d):
    w = {k: t(v).requires_grad_() for k, v in d["init"].items()}
    x, y = t(d["x"]), t(d["y"])
    opt = torch.optim.Adam(list(w.values()), lr=0.01, betas=(0.9, 0.999), eps=1e-8)
    before = []
    for _ in range(d["steps"]):
        opt.zero_grad()
        logits = F.relu(x @ w["W1"] + w["b1"]) @ w["W2"] + w["b2"]
        loss = F.binary_cross_entropy_with_logits(logits, y)
        before.append(loss.item())
        loss.backward()
        opt.step()
    return before, {k: plain(v) for k, v in w.items()}


def main():
    root = json.loads(PATH.read_text())
    root["generator"] = f"torch {torch.__version__}"
    root["dense"]["activations"] = dense(root["dense"])
    root["losses"]["values"] = losses(root["losses"])
    root["optimizers"]["trajectories"] = optimizers(root["optimizers"])
    root["training"]["loss_before_each_step"], root["training"]["final"] = training(root["training"])
    PATH.write_text(json.dumps(root))


if __name__ == "__main__":
    main()
