"""Writes Tests/DatasetsTests/Fixtures/good/sklearn-scalers.json (scikit-learn's scalers on
float32 data) and the good/numpy-*.npy files beside it.

Versions: scikit-learn 1.9.1, numpy 2.4.6, Python 3.11 (the files are reproduced byte for byte).
Run from anywhere: python tests/python/make_scalers.py
"""
import json
import os
from pathlib import Path
import numpy as np
import sklearn
from sklearn.preprocessing import MinMaxScaler, StandardScaler

os.chdir(Path(__file__).resolve().parents[2] / "Tests/DatasetsTests/Fixtures")
rng = np.random.default_rng(5)
train = (rng.normal(size=(20, 4)) * [1, 10, 0.01, 1] + [0, 5, 1, 0]).astype(np.float32)
train[:, 3] = 2.5  # a constant column
test = (rng.normal(size=(6, 4)) * 3).astype(np.float32)
out = {"generator": f"scikit-learn {sklearn.__version__}", "train": train.tolist(), "test": test.tolist()}
for name, scaler in [("standard", StandardScaler()), ("min_max", MinMaxScaler()), ("min_max_range", MinMaxScaler(feature_range=(-1, 3)))]:
    scaler.fit(train)
    t = scaler.transform(test)
    out[name] = {"transform": t.tolist(), "inverse_of_transform": scaler.inverse_transform(t).tolist(),
                 "inverse_of_test": scaler.inverse_transform(test).tolist()}
with open("good/sklearn-scalers.json", "w") as f:
    json.dump(out, f)

np.save("good/numpy-3x2.npy", np.array([[1.5, -2.0], [0.1, 3e38], [-0.0, 7.25]], dtype=np.float32))
np.save("good/numpy-vector.npy", np.arange(5, dtype=np.float32) / 3)
np.save("good/numpy-scalar.npy", np.float32(2.5))
