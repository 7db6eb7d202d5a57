"""Reference values for graph models: three small models trained 20 full-batch steps of Adam
(PyTorch's defaults, lr 0.01) from given initial weights, and the weights they end at.

  residual:  x(6) -> h = relu(Dense 8) -> r = relu(Dense 8)(h) -> Add(h, r) -> Dense 3 sigmoid; BCE
  two_heads: features(6), meta(3) -> h = relu(Dense 8)(features); m = relu(Dense 4)(meta)
             -> Concatenate(h, m) -> labels = Dense 3 sigmoid (BCE), count = Dense 1 (MSE);
             total loss = BCE + 0.1 * MSE
  shared:    a(5), b(5) -> s = tanh(Dense 4) applied to both -> Subtract(s(a), s(b)) -> Dense 2 sigmoid; BCE
  frozen:    the residual model with its first layer (dense_1) frozen: Adam holds the other layers only

Weights are stored as Crescent keeps them (kernel [in, out], bias [out]).
Run: .venv-torch/bin/python tests/python/make_graph.py > Tests/NNTests/Fixtures/graph.json
"""
import json
import torch

torch.manual_seed(7)
F = torch.nn.functional


def dense(i, o):
    return {"kernel": (torch.rand(i, o) - 0.5).mul(1.2), "bias": (torch.rand(o) - 0.5).mul(0.2)}


def apply(p, x):
    return x @ p["kernel"] + p["bias"]


def train(params, loss_fn, steps=20, lr=0.01, frozen=()):
    leaves = []
    for name, layer in params.items():
        for k in ("kernel", "bias"):
            layer[k] = layer[k].clone().requires_grad_(name not in frozen)
            if name not in frozen:
                leaves.append(layer[k])
    opt = torch.optim.Adam(leaves, lr=lr)
    losses = []
    for _ in range(steps):
        opt.zero_grad()
        loss = loss_fn(params)
        loss.backward()
        opt.step()
        losses.append(loss.item())
    return losses


def dump(params):
    return {name: {k: v.detach().tolist() for k, v in layer.items()} for name, layer in params.items()}


def case(params, data, loss_fn, frozen=()):
    initial = dump(params)
    losses = train(params, loss_fn, frozen=frozen)
    return {"initial": initial, "data": {k: v.tolist() for k, v in data.items()}, "final": dump(params), "losses": losses}


out = {}

# Residual.
n = 16
x = torch.randn(n, 6)
y = (torch.rand(n, 3) > 0.5).float()
p = {"dense_1": dense(6, 8), "dense_2": dense(8, 8), "dense_3": dense(8, 3)}
def residual(x, y):
    def loss(p):
        h = F.relu(apply(p["dense_1"], x))
        r = F.relu(apply(p["dense_2"], h))
        return F.binary_cross_entropy_with_logits(apply(p["dense_3"], h + r), y)
    return loss
out["residual"] = case(p, {"x": x, "y": y}, residual(x, y))

# Two inputs, two outputs.
feats = torch.randn(n, 6)
meta = torch.randn(n, 3)
labels = (torch.rand(n, 3) > 0.5).float()
count = labels.sum(1, keepdim=True)
p = {"dense_1": dense(6, 8), "dense_2": dense(3, 4), "labels": dense(12, 3), "count": dense(12, 1)}
def two_heads(p):
    h = torch.cat([F.relu(apply(p["dense_1"], feats)), F.relu(apply(p["dense_2"], meta))], dim=1)
    bce = F.binary_cross_entropy_with_logits(apply(p["labels"], h), labels)
    mse = F.mse_loss(apply(p["count"], h), count)
    return bce + 0.1 * mse
out["two_heads"] = case(p, {"features": feats, "meta": meta, "labels": labels, "count": count}, two_heads)

# A shared layer.
a = torch.randn(n, 5)
b = torch.randn(n, 5)
y2 = (torch.rand(n, 2) > 0.5).float()
p = {"dense_1": dense(5, 4), "dense_2": dense(4, 2)}
def shared(p):
    d = torch.tanh(apply(p["dense_1"], a)) - torch.tanh(apply(p["dense_1"], b))
    return F.binary_cross_entropy_with_logits(apply(p["dense_2"], d), y2)
out["shared"] = case(p, {"a": a, "b": b, "y": y2}, shared)

# The residual model with a frozen first layer.
x3 = torch.randn(n, 6)
y3 = (torch.rand(n, 3) > 0.5).float()
p = {"dense_1": dense(6, 8), "dense_2": dense(8, 8), "dense_3": dense(8, 3)}
out["frozen"] = case(p, {"x": x3, "y": y3}, residual(x3, y3), frozen=("dense_1",))

print(json.dumps(out))
