"""Recomputes Tests/MetricsTests/Fixtures/sklearn-metrics.json (a copy of the shared reference
metrics.json) with scikit-learn: every value and curve of each case, from the case's own
y_true, y_score and threshold, which the script reads from the file it rewrites.

Versions: scikit-learn 1.9.1, numpy 2.4.6, Python 3.11.
Run from the repository root: python tests/python/make_sklearn_metrics.py
"""
import json
import math
import warnings
from pathlib import Path

import numpy as np
import sklearn
from sklearn import metrics as M

ROOT = Path(__file__).resolve().parents[2]
PATH = ROOT / "Tests/MetricsTests/Fixtures/sklearn-metrics.json"
AVERAGES = ["micro", "macro", "weighted", "samples"]


def plain(v):
    """A JSON value: NaN and infinities as strings, numpy scalars and arrays as Python ones."""
    if isinstance(v, np.ndarray):
        return [plain(x) for x in v.tolist()]
    if isinstance(v, (list, tuple)):
        return [plain(x) for x in v]
    if isinstance(v, (np.floating, float)):
        v = float(v)
        if math.isnan(v):
            return "nan"
        if math.isinf(v):
            return "inf" if v > 0 else "-inf"
        return v
    if isinstance(v, np.integer):
        return int(v)
    return v


def guarded(f):
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            return plain(f())
    except ValueError as e:
        return {"error": str(e)}


def values(y, s, p):
    out = {}
    for a in AVERAGES:
        out[f"roc_auc/{a}"] = guarded(lambda: M.roc_auc_score(y, s, average=a))
        out[f"average_precision/{a}"] = guarded(lambda: M.average_precision_score(y, s, average=a))
        for name, f in [("f1", M.f1_score), ("precision", M.precision_score), ("recall", M.recall_score),
                        ("jaccard", M.jaccard_score)]:
            out[f"{name}/{a}"] = guarded(lambda: f(y, p, average=a, zero_division=0))
    out["roc_auc/per_label"] = guarded(lambda: M.roc_auc_score(y, s, average=None))
    out["f1/per_label"] = guarded(lambda: M.f1_score(y, p, average=None, zero_division=0))
    out["hamming_loss"] = guarded(lambda: M.hamming_loss(y, p))
    out["subset_accuracy"] = guarded(lambda: M.accuracy_score(y, p))
    out["label_ranking_average_precision"] = guarded(lambda: M.label_ranking_average_precision_score(y, s))
    out["coverage_error"] = guarded(lambda: M.coverage_error(y, s))
    out["label_ranking_loss"] = guarded(lambda: M.label_ranking_loss(y, s))
    out["multilabel_confusion_matrix"] = guarded(lambda: M.multilabel_confusion_matrix(y, p))
    clipped = np.clip(s, 1e-7, 1 - 1e-7)
    out["binary_crossentropy"] = guarded(lambda: -np.mean(y * np.log(clipped) + (1 - y) * np.log(1 - clipped)))
    return out


def curves(y, s):
    out = []
    for j in range(y.shape[1]):
        if y[:, j].min() == y[:, j].max():
            continue
        fpr, tpr, thr = M.roc_curve(y[:, j], s[:, j], drop_intermediate=True)
        precision, recall, pthr = M.precision_recall_curve(y[:, j], s[:, j])
        out.append({"label": j, "roc": {"fpr": plain(fpr), "tpr": plain(tpr), "thresholds": plain(thr)},
                    "pr": {"precision": plain(precision), "recall": plain(recall), "thresholds": plain(pthr)}})
    return out


def main():
    root = json.loads(PATH.read_text())
    root["generator"] = f"scikit-learn {sklearn.__version__}"
    for case in root["cases"]:
        y = np.array(case["y_true"], dtype=int)
        s = np.array(case["y_score"], dtype=float)
        p = (s >= case["threshold"]).astype(int)
        case["y_pred"] = p.tolist()
        case["values"] = values(y, s, p)
        case["curves"] = curves(y, s)
    PATH.write_text(json.dumps(root))


if __name__ == "__main__":
    main()
