"""PyTorch reference values for the Embedding layer, global pooling (masked and not) and the
sparse (lazy) optimizer step: writes Tests/NNTests/Fixtures/embedding.json.

Run once with PyTorch installed: python tests/python/make_embedding.py
Tensors are stored as {"shape": [...], "data": [flat row-major values]}.
"""
import json
import os

import torch

torch.manual_seed(7)
torch.set_num_threads(1)


def t(x):
    x = x.detach().to(torch.float32)
    return {"shape": list(x.shape), "data": [float(v) for v in x.reshape(-1).tolist()]}


def masked_mean(h, mask):
    """Mean over steps of the unmasked steps; zeros where every step is masked (Keras)."""
    m = mask.unsqueeze(-1)
    count = mask.sum(1, keepdim=True)
    return (h * m).sum(1) / count.clamp(min=1)


def masked_max(h, mask):
    m = mask.unsqueeze(-1).bool()
    filled = h.masked_fill(~m, float("-inf")).amax(1)
    anyreal = m.any(1)
    return torch.where(anyreal, filled, torch.zeros_like(filled))


out = {"generator": f"PyTorch {torch.__version__}, CPU float32, one thread"}

# Embedding forward and backward, then mask_zero with a masked mean over steps.
vocab, dim = 7, 4
idx = torch.tensor([[1, 3, 0, 6, 3], [2, 2, 5, 0, 0], [0, 0, 0, 0, 0]])
weight = torch.randn(vocab, dim)
emb = torch.nn.Embedding(vocab, dim)
with torch.no_grad():
    emb.weight.copy_(weight)
y = emb(idx)
gy = torch.randn(y.shape)
(y * gy).sum().backward()
mask = (idx != 0).float()
emb.weight.grad = None
pooled = masked_mean(emb(idx), mask)
gp = torch.randn(pooled.shape)
(pooled * gp).sum().backward()
out["embedding"] = {
    "indices": t(idx.float()), "weight": t(weight), "grad_output": t(gy), "output": t(y),
    "grad_weight": t(torch.autograd.grad((emb(idx) * gy).sum(), emb.weight)[0]),
    "masked_mean": {"grad_output": t(gp), "output": t(pooled), "grad_weight": t(emb.weight.grad)},
}

# Global pooling over steps (with and without a mask) and over positions.
x1 = torch.randn(3, 6, 4)
mask1 = torch.tensor([[1, 1, 0, 1, 0, 0], [0, 0, 0, 0, 0, 0], [1, 1, 1, 1, 1, 1]], dtype=torch.float32)
g1 = torch.randn(3, 4)
pool = {"x1": t(x1), "mask1": t(mask1), "grad_output1": t(g1)}
for name, fn in [("average", lambda h: h.mean(1)), ("maximum", lambda h: h.amax(1))]:
    for masked in (False, True):
        xx = x1.clone().requires_grad_(True)
        if masked:
            yy = masked_mean(xx, mask1) if name == "average" else masked_max(xx, mask1)
        else:
            yy = fn(xx)
        (yy * g1).sum().backward()
        pool[f"{name}_1d{'_masked' if masked else ''}"] = {"output": t(yy), "grad_input": t(xx.grad)}
x2 = torch.randn(2, 3, 4, 5)
g2 = torch.randn(2, 5)
pool["x2"] = t(x2)
pool["grad_output2"] = t(g2)
for name, fn in [("average", lambda h: h.mean((1, 2))), ("maximum", lambda h: h.amax((1, 2)))]:
    xx = x2.clone().requires_grad_(True)
    yy = fn(xx)
    (yy * g2).sum().backward()
    pool[f"{name}_2d"] = {"output": t(yy), "grad_input": t(xx.grad)}
out["pooling"] = pool

# Sparse updates: nn.Embedding(sparse=True) with SparseAdam, and plain SGD, over several steps.
# Row 8 is touched only in the first step and row 9 never: a lazy update leaves them alone.
vocab, dim = 10, 3
w0 = torch.randn(vocab, dim)
steps = [torch.tensor([[8, 1, 2, 1]]), torch.tensor([[3, 4, 1, 0]]), torch.tensor([[5, 0, 0, 7]]),
         torch.tensor([[2, 2, 6, 4]]), torch.tensor([[1, 3, 5, 7]])]
grads = [torch.randn(1, 4, dim) for _ in steps]
sparse = {"initial": t(w0), "indices": [t(s.float()) for s in steps], "grad_outputs": [t(g) for g in grads]}
for label, make in [("adam", lambda p: torch.optim.SparseAdam(p, lr=0.01)), ("sgd", lambda p: torch.optim.SGD(p, lr=0.1))]:
    e = torch.nn.Embedding(vocab, dim, sparse=True)
    with torch.no_grad():
        e.weight.copy_(w0)
    opt = make([e.weight])
    after = []
    for s, g in zip(steps, grads):
        opt.zero_grad()
        (e(s) * g).sum().backward()
        opt.step()
        after.append(t(e.weight))
    sparse[label] = after
out["sparse"] = sparse

path = os.path.join(os.path.dirname(__file__), "..", "..", "Tests", "NNTests", "Fixtures", "embedding.json")
with open(path, "w") as f:
    json.dump(out, f)
print("wrote", os.path.normpath(path))
