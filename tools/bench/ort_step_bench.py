"""Python ONNX Runtime peer of dev.brushedit.bench.Pix2PixStepBench: InstructPix2Pix / ZONE denoising steps.

Runs the UNet work of the Java steps on the same graphs with the same shapes: per step the 8-channel UNet at
batch 3 (noisy latents repeated 3 times | image latents, image latents, zeros; text, text, empty-prompt
embeddings), fetching out_sample only; with --zone also the UNet's cross-attention outputs, and a second session
(--magicbrush, default the same folder) at batch 3, as ZONE's fused step runs them. Guidance and the scheduler
are not run (they are not ONNX Runtime work); the embeddings and latents are random, which does not change the
graphs' work. Sessions, sampling of resident memory and the options come from ort_edit_bench.py.

Reports per step (steps 2..N, after a warm-up pass of --warmup-steps steps, default 1) the ONNX Runtime time of each UNet run,
VmHWM and the load average, in the RESULT line format of the Java bench.

Usage (from the repository root, in the .venv-ort environment of tools/bench/README.md):
    python tools/bench/ort_step_bench.py FOLDER [--zone] [--magicbrush FOLDER] [--size 512] [--steps 3] [--warmup-steps 1] [--threads 0]
"""

import argparse
import os
import sys
import time

import numpy as np

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from ort_edit_bench import Graphs, Sampler, load_average, ort, status  # noqa: E402


def steps(ip2p, magicbrush, size, n, zone, context, rng):
    h = w = size // 8
    image_latents = rng.standard_normal((1, 4, h, w)).astype(np.float32)
    condition = np.concatenate([image_latents, image_latents, np.zeros_like(image_latents)], axis=0)
    x = rng.standard_normal((1, 4, h, w)).astype(np.float32)
    walls = []
    for i in range(n):
        t0 = time.perf_counter_ns()
        sample = np.concatenate([np.concatenate([x, x, x], axis=0), condition], axis=1)
        feeds = {"sample": sample, "timestep": np.array(900.0 - 40 * i), "encoder_hidden_states": context}
        names = None if zone else ["out_sample"]
        eps = ip2p.run("unet", feeds, names, "unet")
        if zone:
            magicbrush.run("unet", feeds, ["out_sample"], "unet-partner")
        x = (x - 0.01 * eps[:1]).astype(np.float32)
        walls.append(time.perf_counter_ns() - t0)
    return walls


def main():
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("folder")
    p.add_argument("--zone", action="store_true")
    p.add_argument("--magicbrush")
    p.add_argument("--size", type=int, default=512)
    p.add_argument("--steps", type=int, default=3)
    p.add_argument("--warmup-steps", type=int, default=1)
    p.add_argument("--threads", type=int, default=0)
    a = p.parse_args()
    # the session options ort_edit_bench.py's Graphs reads, at ONNX Runtime's defaults (as the Java bench)
    for flag in ("no_arena", "shrink_arena", "no_mem_pattern", "no_prepacking", "no_spin"):
        setattr(a, flag, False)
    a.opt = "all"
    sampler = Sampler()
    sampler.start()
    ip2p = Graphs(a.folder, a, sampler)
    magicbrush = Graphs(a.magicbrush or a.folder, a, sampler) if a.zone else None
    rng = np.random.default_rng(1)
    hidden = next(i.shape[2] for i in ip2p.session("unet").get_inputs() if i.name == "encoder_hidden_states")
    context = rng.standard_normal((3, 77, hidden)).astype(np.float32)
    print(f"RESULT python step bench: onnxruntime {ort.__version__}, {'ZONE fused' if a.zone else 'InstructPix2Pix'} at "
          f"{a.size}x{a.size}, {a.steps} steps, UNet batch 3, load average {load_average()}", flush=True)
    steps(ip2p, magicbrush, a.size, a.warmup_steps, a.zone, context, rng)
    sampler.begin_edit()
    walls = steps(ip2p, magicbrush, a.size, a.steps, a.zone, context, rng)
    with sampler.lock:
        runs = {k: v for k, v in sampler.runs.items()}
    per_step = [sum(v[i] for v in runs.values()) for i in range(a.steps)]
    measured = sorted(per_step[1:])
    median = measured[len(measured) // 2] if len(measured) % 2 else (measured[len(measured) // 2 - 1] + measured[len(measured) // 2]) / 2
    print(f"RESULT python ONNX Runtime time per step (median of steps 2..{a.steps}): {median / 1e6:.1f} ms; all: "
          f"{[round(v / 1e6, 1) for v in per_step]}; by graph ms: "
          + " ".join(f"{k}={','.join(f'{v / 1e6:.1f}' for v in vs)}" for k, vs in runs.items())
          + f"; step walls ms: {[round(v / 1e6, 1) for v in walls]}", flush=True)
    sampler.running = False
    print(f"RESULT python end: peak resident {status('VmHWM:') >> 10} MiB, load average {load_average()}", flush=True)


if __name__ == "__main__":
    main()
