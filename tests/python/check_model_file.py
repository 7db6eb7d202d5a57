"""A Crescent model file read by Python's safetensors: the tensors, their shapes, and the
architecture in the metadata. Prints `python: N passed, N failed`."""
import json, sys
from safetensors import safe_open
from safetensors.numpy import load_file

path = sys.argv[1]
checks = []
tensors = load_file(path)
checks.append(("kernel shape", tensors["dense_1/kernel"].shape == (6, 8)))
checks.append(("bias shape", tensors["dense_2/bias"].shape == (3,)))
checks.append(("moving variance", tensors["batch_normalization_1/moving_variance"].shape == (8,)))
checks.append(("float32", all(t.dtype.name == "float32" for t in tensors.values())))
with safe_open(path, framework="numpy") as f:
    spec = json.loads(f.metadata()["crescent"])
checks.append(("layers", [l["kind"] for l in spec["layers"]] == ["Dense", "BatchNormalization", "Dense"]))
checks.append(("compile", spec["compile"]["optimizer"]["kind"] == "AdamW"))
failed = [name for name, ok in checks if not ok]
for name in failed:
    print("FAIL", name)
print(f"python: {len(checks) - len(failed)} passed, {len(failed)} failed")
sys.exit(1 if failed else 0)
