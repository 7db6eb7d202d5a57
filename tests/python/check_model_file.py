"""A Crescent model file read by Python's safetensors: the tensors, their shapes, and the
architecture in the metadata; beside it, graph.safetensors (tests/golden/graph_model_file.lua)
with its Keras-like description of the connections. Prints `python: N passed, N failed`."""
import json, os, sys
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
graph_path = os.path.join(os.path.dirname(path), "graph.safetensors")
checks.append(("graph file written", os.path.exists(graph_path)))
if os.path.exists(graph_path):
    g = load_file(graph_path)
    checks.append(("shared kernel stored once", g["encoder/kernel"].shape == (5, 6) and sum(k.startswith("encoder/") for k in g) == 2))
    with safe_open(graph_path, framework="numpy") as f:
        gspec = json.loads(f.metadata()["crescent"])
    checks.append(("graph format", gspec["format"] == "crescent.graph"))
    byname = {l["name"]: l for l in gspec["layers"]}
    checks.append(("input layers", [r[0] for r in gspec["input_layers"]] == ["features", "meta"]
                   and byname["meta"]["class_name"] == "InputLayer" and byname["meta"]["config"]["batch_input_shape"] == [None, 3]))
    checks.append(("output layers", [r[0] for r in gspec["output_layers"]] == ["labels", "count"]))
    checks.append(("shared layer applied twice", byname["encoder"]["inbound_nodes"] == [[["features", 0, 0, {}]], [["lift", 0, 0, {}]]]))
    checks.append(("merge inbound", byname["multiply_1"]["inbound_nodes"] == [[["encoder", 0, 0, {}], ["encoder", 1, 0, {}]]]))
    checks.append(("per-output losses", gspec["compile"]["losses"]["count"]["kind"] == "mean_squared_error"
                   and gspec["compile"]["loss_weights"] == {"labels": 1, "count": 0.5}))
failed = [name for name, ok in checks if not ok]
for name in failed:
    print("FAIL", name)
print(f"python: {len(checks) - len(failed)} passed, {len(failed)} failed")
sys.exit(1 if failed else 0)
