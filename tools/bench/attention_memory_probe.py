"""Peak memory and time of one self-attention layer in ONNX Runtime, unfused against fused (fuse_attention.py).

Builds the MatMul-Softmax-MatMul form torch's exporter writes for scaled-dot-product attention (q, k, v of
[batch, tokens, heads * head_size], SD1.5's first UNet level: 8 heads of 40), rewrites a copy with
brushedit_export.fuse_attention into com.microsoft.MultiHeadAttention, and runs each in its own process on
random inputs (two runs; the second is timed), printing the process's peak RSS and the largest output difference.
At 768x768 (96x96 latents, 9216 tokens) the unfused score tensor alone is 2.7 GiB per batch item.

Usage (repository root, .venv-export of tools/bench/README.md):
    .venv-export/bin/python tools/bench/attention_memory_probe.py [--tokens 9216] [--batch 1] \
        [--runner .venv-ort/bin/python]
"""

import argparse
import json
import os
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "..", "exporter"))

HEADS, HEAD_SIZE = 8, 40


def build(path: str, batch: int, tokens: int) -> None:
    import onnx
    from onnx import TensorProto as T, helper as h
    c = HEADS * HEAD_SIZE
    io = [h.make_tensor_value_info(n, T.FLOAT, ["batch", "tokens", c]) for n in ("q", "k", "v", "out")]
    inits = [h.make_tensor("split", T.INT64, [4], [batch, -1, HEADS, HEAD_SIZE]),
             h.make_tensor("merge", T.INT64, [3], [batch, -1, c]),
             h.make_tensor("root_scale", T.FLOAT, [], [HEAD_SIZE ** -0.25])]
    nodes = [h.make_node("Reshape", ["q", "split"], ["q4"]), h.make_node("Transpose", ["q4"], ["qt"], perm=[0, 2, 1, 3]),
             h.make_node("Reshape", ["k", "split"], ["k4"]), h.make_node("Transpose", ["k4"], ["kt"], perm=[0, 2, 3, 1]),
             h.make_node("Reshape", ["v", "split"], ["v4"]), h.make_node("Transpose", ["v4"], ["vt"], perm=[0, 2, 1, 3]),
             h.make_node("Mul", ["qt", "root_scale"], ["qs"]), h.make_node("Mul", ["kt", "root_scale"], ["ks"]),
             h.make_node("MatMul", ["qs", "ks"], ["scores"]), h.make_node("Softmax", ["scores"], ["p"], axis=-1),
             h.make_node("MatMul", ["p", "vt"], ["a"]), h.make_node("Transpose", ["a"], ["at"], perm=[0, 2, 1, 3]),
             h.make_node("Reshape", ["at", "merge"], ["out"])]
    model = h.make_model(h.make_graph(nodes, "attention", io[:3], io[3:], initializer=inits),
                         opset_imports=[h.make_opsetid("", 17)])
    model.ir_version = 8
    onnx.save(model, path)


def run(path: str, batch: int, tokens: int, out: str) -> None:
    import resource
    import time

    import numpy as np
    import onnxruntime as ort
    sess = ort.InferenceSession(path, providers=["CPUExecutionProvider"])
    rng = np.random.default_rng(0)
    feeds = {n: rng.standard_normal((batch, tokens, HEADS * HEAD_SIZE), dtype=np.float32) for n in "qkv"}
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    sess.run(None, feeds)
    t = time.perf_counter()
    result = sess.run(None, feeds)[0]
    seconds = time.perf_counter() - t
    np.save(out, result[:, :256])
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    print(json.dumps({"peak_mib": peak // 1024, "before_run_mib": before // 1024, "second_run_s": round(seconds, 3),
                      "ort": ort.__version__}))


def main() -> int:
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--tokens", type=int, default=9216)
    p.add_argument("--batch", type=int, default=1)
    p.add_argument("--runner", default=sys.executable,
                   help="Python that runs the two graphs (needs onnxruntime and numpy only), e.g. .venv-ort/bin/python")
    p.add_argument("--child", nargs=2, help=argparse.SUPPRESS)
    a = p.parse_args()
    if a.child:
        run(a.child[0], a.batch, a.tokens, a.child[1])
        return 0
    import numpy as np
    import onnx
    from brushedit_export.fuse_attention import fuse_attention
    with tempfile.TemporaryDirectory() as tmp:
        plain, fused = os.path.join(tmp, "plain.onnx"), os.path.join(tmp, "fused.onnx")
        build(plain, a.batch, a.tokens)
        model = onnx.load(plain)
        if fuse_attention(model) != 1:
            raise SystemExit("the probe's attention was not fused")
        onnx.save(model, fused)
        results = {}
        for name, path in (("unfused", plain), ("fused", fused)):
            line = subprocess.run([a.runner, __file__, "--tokens", str(a.tokens), "--batch", str(a.batch),
                                   "--child", path, os.path.join(tmp, name + ".npy")],
                                  check=True, capture_output=True, text=True).stdout.strip().splitlines()[-1]
            results[name] = json.loads(line)
            print(f"{name:8s} batch {a.batch}, {a.tokens} tokens: peak RSS {results[name]['peak_mib']} MiB, "
                  f"second run {results[name]['second_run_s']} s (onnxruntime {results[name]['ort']})")
        diff = np.abs(np.load(os.path.join(tmp, "unfused.npy")) - np.load(os.path.join(tmp, "fused.npy"))).max()
        print(f"max abs difference of the outputs: {diff:.3g}")
        with open("/proc/loadavg") as f:
            print("load average:", " ".join(f.read().split()[:3]))
    return 0


if __name__ == "__main__":
    sys.exit(main())
