"""Writes torch.randn reference vectors for dev.brushedit.core.random.TorchGenerator.

Run (outside CI; needs PyTorch):
    python tools/parity/torch_randn_vectors.py brushedit-core/src/test/resources/torch-randn

For every case a fresh torch.Generator("cpu") is seeded with manual_seed(seed) and then
torch.randn(shape, generator=g, dtype=torch.float32) is called once per listed draw. The draws
of one case are concatenated in order and written as little-endian float32 to <case>.bin;
cases.json lists name, seed (as a signed 64-bit Java long and as torch's unsigned value),
shapes of the draws, element count and the torch version and CPU capability used.
"""
import json
import os
import sys

import numpy as np
import torch

SEEDS = [0, 1, 42, 1234, 2**32 + 7, 2**63 - 1, -1, -123456789]
SMALL = [[1], [15], [16], [17], [1000]]
LATENT = [1, 4, 64, 64]
LATENT_SEEDS = [0, 42, 2**63 - 1]


def cases():
    for seed in SEEDS:
        for shape in SMALL:
            yield "n%d" % shape[0], seed, [shape]
        yield "two_1_1", seed, [[1], [1]]
        yield "seq_1_15_16", seed, [[1], [15], [16]]
        yield "seq_1_16_1", seed, [[1], [16], [1]]
        yield "two_17_1000", seed, [[17], [1000]]
        yield "grid_3x5", seed, [[3, 5]]
    for seed in LATENT_SEEDS:
        yield "latent", seed, [LATENT]
    yield "two_latent", 1234, [LATENT, LATENT]


def java_long(seed):
    return seed - 2**64 if seed >= 2**63 else seed


def main(out_dir):
    os.makedirs(out_dir, exist_ok=True)
    index = []
    for name, seed, shapes in cases():
        g = torch.Generator("cpu")
        g.manual_seed(seed)
        parts = [torch.randn(s, generator=g, dtype=torch.float32).reshape(-1) for s in shapes]
        values = torch.cat(parts).numpy().astype("<f4")
        tag = "%s_seed%s" % (name, str(java_long(seed)).replace("-", "m"))
        values.tofile(os.path.join(out_dir, tag + ".bin"))
        index.append({
            "file": tag + ".bin",
            "seed": java_long(seed),
            "torchSeed": str(g.initial_seed()),
            "draws": shapes,
            "count": int(values.size),
        })
    meta = {
        "torch": torch.__version__,
        "cpuCapability": torch.backends.cpu.get_cpu_capability(),
        "numpy": np.__version__,
        "cases": index,
    }
    # One case per line keeps the file short and diffs readable.
    head = json.dumps({k: v for k, v in meta.items() if k != "cases"})[:-1]
    body = ",\n  ".join(json.dumps(c) for c in index)
    with open(os.path.join(out_dir, "cases.json"), "w") as f:
        f.write(head + ',\n "cases": [\n  ' + body + "\n ]\n}\n")


if __name__ == "__main__":
    main(sys.argv[1])
