#!/usr/bin/env python3
"""Writes Tests/NNTests/Fixtures/conv.json: PyTorch's outputs and gradients for convolution
and pooling cases, channels last as Crescent (and Keras) lays them out.

Each case holds the input x (NHWC or NLC), the kernel in Keras's layout ([kh, kw, in, out] or
[k, in, out]) and bias, a random output gradient gy, and PyTorch's output y with the gradients
of sum(y * gy) for x, the kernel and the bias. Keras's "same" padding puts the odd one after
(bottom, right) while PyTorch pads symmetrically, so the padding is applied with an explicit
F.pad. Computed in float64; run with the torch venv: python make_conv.py."""
import json, math, os
import torch
import torch.nn.functional as F

torch.manual_seed(15)
DT = torch.float64


def pads(size, k, stride, dilation, padding):
    """(before, after, out) as Keras: valid pads nothing; same gives ceil(size / stride);
    causal pads (k - 1) * dilation before only."""
    span = (k - 1) * dilation + 1
    if padding == "valid":
        return 0, 0, (size - span) // stride + 1
    if padding == "causal":
        return span - 1, 0, (size + span - 1 - span) // stride + 1
    out = math.ceil(size / stride)
    total = max((out - 1) * stride + span - size, 0)
    return total // 2, total - total // 2, out


def flat(t):
    return {"shape": list(t.shape), "data": [float(v) for v in t.detach().reshape(-1)]}


def conv_case(name, dims, n, spatial, cin, cout, k, stride, dilation, padding, bias=True):
    x = torch.randn(n, *spatial, cin, dtype=DT, requires_grad=True)
    kernel = (torch.randn(*k, cin, cout, dtype=DT) * 0.4).requires_grad_()
    b = (torch.randn(cout, dtype=DT) * 0.1).requires_grad_()
    if dims == 2:
        (t, bo, _), (l, r, _) = (pads(spatial[i], k[i], stride[i], dilation[i], padding) for i in range(2))
        xc = F.pad(x.permute(0, 3, 1, 2), (l, r, t, bo))
        y = F.conv2d(xc, kernel.permute(3, 2, 0, 1), b if bias else None, stride=stride, dilation=dilation).permute(0, 2, 3, 1)
    else:
        l, r, _ = pads(spatial[0], k[0], stride[0], dilation[0], padding)
        xc = F.pad(x.permute(0, 2, 1), (l, r))
        y = F.conv1d(xc, kernel.permute(2, 1, 0), b if bias else None, stride=stride[0], dilation=dilation[0]).permute(0, 2, 1)
    gy = torch.randn_like(y)
    (y * gy).sum().backward()
    case = {"name": name, "layer": f"Conv{dims}D", "filters": cout, "kernel_size": list(k), "strides": list(stride),
            "dilation_rate": list(dilation), "padding": padding, "use_bias": bias,
            "x": flat(x), "kernel": flat(kernel), "gy": flat(gy), "y": flat(y), "gx": flat(x.grad), "gkernel": flat(kernel.grad)}
    if bias:
        case["bias"] = flat(b)
        case["gbias"] = flat(b.grad)
    return case


def pool_case(name, dims, kind, n, spatial, c, k, stride, padding):
    x = torch.randn(n, *spatial, c, dtype=DT, requires_grad=True)
    pw = [pads(spatial[i], k[i], stride[i], 1, padding)[:2] for i in range(dims)]
    spec = []
    for before, after in reversed(pw):
        spec += [before, after]
    xc = x.permute(0, 3, 1, 2) if dims == 2 else x.permute(0, 2, 1)
    if kind == "max":
        pool = F.max_pool2d if dims == 2 else F.max_pool1d
        y = pool(F.pad(xc, spec, value=-math.inf), k, stride)
    else:
        # Keras's average leaves padding out of the count: window sums over the counts of real values.
        pool = F.avg_pool2d if dims == 2 else F.avg_pool1d
        ones = torch.ones_like(xc)
        if dims == 2:
            s = pool(F.pad(xc, spec), k, stride, divisor_override=1)
            cnt = pool(F.pad(ones, spec), k, stride, divisor_override=1)
        else:
            area = k[0]
            s = pool(F.pad(xc, spec), k, stride) * area
            cnt = pool(F.pad(ones, spec), k, stride) * area
        y = s / cnt
    y = y.permute(0, 2, 3, 1) if dims == 2 else y.permute(0, 2, 1)
    gy = torch.randn_like(y)
    (y * gy).sum().backward()
    layer = ("MaxPooling" if kind == "max" else "AveragePooling") + f"{dims}D"
    return {"name": name, "layer": layer, "pool_size": list(k), "strides": list(stride), "padding": padding,
            "x": flat(x), "gy": flat(gy), "y": flat(y), "gx": flat(x.grad)}


cases = [
    conv_case("conv2d valid 3x3", 2, 2, (7, 6), 3, 4, (3, 3), (1, 1), (1, 1), "valid"),
    conv_case("conv2d same 3x2 stride 2", 2, 2, (7, 8), 2, 3, (3, 2), (2, 2), (1, 1), "same"),
    conv_case("conv2d same dilation 2", 2, 1, (9, 7), 2, 2, (3, 3), (1, 1), (2, 2), "same"),
    conv_case("conv2d valid 2x3 strides 2,1", 2, 2, (6, 7), 3, 2, (2, 3), (2, 1), (1, 1), "valid"),
    conv_case("conv2d same 4x4 uneven split", 2, 1, (6, 5), 2, 3, (4, 4), (1, 1), (1, 1), "same"),
    conv_case("conv2d same 2x2 stride 3", 2, 2, (8, 7), 3, 2, (2, 2), (3, 3), (1, 1), "same"),
    conv_case("conv2d 1x1 no bias", 2, 2, (3, 4), 5, 3, (1, 1), (1, 1), (1, 1), "valid", bias=False),
    conv_case("conv2d valid dilation 2,1", 2, 1, (8, 6), 2, 3, (2, 3), (1, 1), (2, 1), "valid"),
    conv_case("conv1d valid 3", 1, 2, (9,), 3, 4, (3,), (1,), (1,), "valid"),
    conv_case("conv1d same 4 stride 2", 1, 2, (9,), 2, 3, (4,), (2,), (1,), "same"),
    conv_case("conv1d same dilation 2", 1, 2, (8,), 3, 2, (3,), (1,), (2,), "same"),
    conv_case("conv1d valid stride 3 no bias", 1, 1, (10,), 2, 2, (2,), (3,), (1,), "valid", bias=False),
    pool_case("maxpool2d valid 2x2", 2, "max", 2, (6, 7), 3, (2, 2), (2, 2), "valid"),
    pool_case("maxpool2d same 3x3 stride 2", 2, "max", 2, (7, 6), 2, (3, 3), (2, 2), "same"),
    pool_case("maxpool2d valid 2x3 strides 1,2", 2, "max", 1, (5, 8), 2, (2, 3), (1, 2), "valid"),
    pool_case("avgpool2d same 3x3 stride 2", 2, "avg", 2, (7, 6), 2, (3, 3), (2, 2), "same"),
    pool_case("avgpool2d valid 2x3 strides 1,2", 2, "avg", 1, (5, 8), 2, (2, 3), (1, 2), "valid"),
    pool_case("avgpool2d same 2x2 stride 1", 2, "avg", 1, (4, 5), 3, (2, 2), (1, 1), "same"),
    pool_case("maxpool1d same 3 stride 2", 1, "max", 2, (9,), 3, (3,), (2,), "same"),
    pool_case("maxpool1d valid 2", 1, "max", 2, (7,), 2, (2,), (2,), "valid"),
    pool_case("avgpool1d same 2 stride 1", 1, "avg", 2, (7,), 2, (2,), (1,), "same"),
    pool_case("avgpool1d valid 3 stride 2", 1, "avg", 1, (9,), 3, (3,), (2,), "valid"),
    conv_case("conv2d same stride 2 dilation 2", 2, 2, (9, 8), 2, 3, (3, 2), (2, 2), (2, 2), "same"),
    conv_case("conv1d valid stride 2 dilation 3", 1, 2, (13,), 2, 2, (3,), (2,), (3,), "valid"),
    conv_case("conv1d causal 3", 1, 2, (8,), 3, 2, (3,), (1,), (1,), "causal"),
    conv_case("conv1d causal 2 dilation 3 stride 2", 1, 2, (11,), 2, 3, (2,), (2,), (3,), "causal"),
    conv_case("conv1d causal 4 no bias", 1, 1, (6,), 2, 2, (4,), (1,), (1,), "causal", bias=False),
]

out = os.path.join(os.path.dirname(__file__), "..", "..", "Tests", "NNTests", "Fixtures", "conv.json")
with open(out, "w") as f:
    json.dump({"torch": torch.__version__, "cases": cases}, f)
print(f"wrote {len(cases)} cases to {os.path.normpath(out)}")

# A rank-4 NHWC array as numpy.save writes it, for the image loading test, in float32 and int64.
import numpy as np
good = os.path.join(os.path.dirname(__file__), "..", "..", "Tests", "DatasetsTests", "Fixtures", "good")
np.save(os.path.join(good, "numpy-nhwc.npy"), (np.arange(48, dtype=np.float32) / 8).reshape(2, 3, 4, 2))
np.save(os.path.join(good, "numpy-nhwc-int64.npy"), np.arange(48, dtype=np.int64).reshape(2, 3, 4, 2))
print("wrote numpy-nhwc.npy and numpy-nhwc-int64.npy")
