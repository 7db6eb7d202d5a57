"""Writes Tests/TensorsTests/Fixtures/nn_elementwise.json: the dense and binary cross-entropy
parts of Tests/NNTests/Fixtures/nn.json (PyTorch's values, see make_nn.py), for the kernel tests.

Versions: Python 3.11, standard library only (the file is reproduced byte for byte).
Run from anywhere: python tests/python/make_nn_elementwise.py
"""
import json
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
nn = json.loads((ROOT / "Tests/NNTests/Fixtures/nn.json").read_text())
losses = nn["losses"]
kept = ["binary_crossentropy_from_logits", "binary_crossentropy_from_logits_pos_weight"]
out = {
    "source": f"PyTorch reference values (nn.json: dense, losses); {nn['generator']}; {nn['conventions']}",
    "dense": nn["dense"],
    "losses": {"logits": losses["logits"], "targets": losses["targets"], "pos_weight": losses["pos_weight"],
               "values": {k: losses["values"][k] for k in kept}},
}
(ROOT / "Tests/TensorsTests/Fixtures/nn_elementwise.json").write_text(json.dumps(out, indent=1))
