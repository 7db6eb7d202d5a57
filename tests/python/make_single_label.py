"""Writes Tests/MetricsTests/Fixtures/sklearn-single-label.json: reference values for auc, macro
curves and the single-label metrics, from scikit-learn and NumPy. Classes count from 1 (class k
is column k).

Versions: scikit-learn 1.9.1, numpy 2.4.6, Python 3.11 (the file is reproduced byte for byte).
Run from anywhere: python tests/python/make_single_label.py
"""
import json
import os
from pathlib import Path
import numpy as np
import sklearn
from sklearn import metrics as M

os.chdir(Path(__file__).resolve().parents[2] / "Tests/MetricsTests/Fixtures")
rng = np.random.default_rng(7)
out = {"generator": f"scikit-learn {sklearn.__version__}, numpy {np.__version__}"}

# auc: points as given
auc = []
for name, x, y in [
    ("rising", [0, 0.1, 0.1, 0.4, 0.7, 1.0], [0, 0.3, 0.5, 0.6, 0.9, 1.0]),
    ("falling", [1.0, 0.8, 0.5, 0.5, 0.2, 0.0], [1.0, 0.95, 0.7, 0.6, 0.1, 0.0]),
    ("random", np.sort(rng.random(25)).tolist(), rng.random(25).tolist()),
    ("negative", [0, 1, 2, 3], [-1, 2, -3, 0.5]),
]:
    auc.append({"name": name, "x": list(map(float, x)), "y": list(map(float, y)), "auc": M.auc(x, y)})
out["auc"] = auc

# macro curves on multilabel data with ties
def macro_roc(y, s):
    curves = [M.roc_curve(y[:, j], s[:, j]) for j in range(y.shape[1])]
    grid = np.unique(np.concatenate([c[0] for c in curves]))
    mean = np.zeros_like(grid)
    for fpr, tpr, _ in curves:
        mean += np.interp(grid, fpr, tpr)
    return grid, mean / len(curves)

def macro_pr(y, s):
    curves = [M.precision_recall_curve(y[:, j], s[:, j]) for j in range(y.shape[1])]
    grid = np.unique(np.concatenate([c[1] for c in curves]))[::-1]
    mean = np.zeros_like(grid)
    for p, r, _ in curves:
        mean += np.array([p[r >= g].max() for g in grid])
    return grid, mean / len(curves)

curves = []
for name, n, L, digits in [("ties_30x4", 30, 4, 1), ("random_50x3", 50, 3, None)]:
    y = (rng.random((n, L)) < 0.4).astype(int)
    y[0, :] = 1; y[1, :] = 0
    s = rng.random((n, L))
    if digits is not None: s = np.round(s, digits)
    fpr, tpr = macro_roc(y, s)
    recall, precision = macro_pr(y, s)
    curves.append({"name": name, "y": y.tolist(), "s": s.tolist(), "fpr": fpr.tolist(), "tpr": tpr.tolist(),
                   "roc_auc_of_macro": M.auc(fpr, tpr), "recall": recall.tolist(), "precision": precision.tolist()})
out["macro_curves"] = curves

# single-label
single = []
for name, n, C, digits in [("c3_ties", 40, 3, 1), ("c5", 60, 5, None), ("c4_ties", 45, 4, 1)]:
    y = rng.integers(1, C + 1, n)
    s = rng.random((n, C))
    if digits is not None: s = np.round(s, digits)
    p = s.argmax(axis=1) + 1
    labels = list(range(1, C + 1))
    case = {"name": name, "y": y.tolist(), "s": s.tolist(), "accuracy": M.accuracy_score(y, p),
            "top_k": {str(k): M.top_k_accuracy_score(y, s, k=k, labels=labels) for k in range(1, C + 1)},
            "confusion_matrix": M.confusion_matrix(y, p).tolist(),
            "confusion_matrix_labels": M.confusion_matrix(y, p, labels=[C, 1]).tolist(),
            "normalized": {h: M.confusion_matrix(y, p, labels=labels, normalize=h).tolist() for h in ["true", "pred", "all"]}}
    single.append(case)
out["single_label"] = single

binary = []
for name, s in [("within", rng.random(30)), ("outside", rng.normal(size=30))]:
    y = rng.integers(1, 3, 30)
    binary.append({"name": name, "y": y.tolist(), "s": s.tolist(),
                   "top_k": {str(k): M.top_k_accuracy_score(y, s, k=k, labels=[1, 2]) for k in (1, 2)}})
out["binary"] = binary

with open("sklearn-single-label.json", "w") as f:
    json.dump(out, f)
