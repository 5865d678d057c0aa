"""Python ONNX Runtime peer of dev.brushedit.bench.Pix2PixStepBench (InstructPix2Pix / ZONE denoising steps) and,
with --mimicbrush, of dev.brushedit.bench.MimicBrushStepBench (MimicBrush's fused step).

Runs the UNet work of the Java steps on the same graphs with the same shapes: per step the 8-channel UNet at
batch 3 (noisy latents repeated 3 times | image latents, image latents, zeros; text, text, empty-prompt
embeddings), fetching out_sample only; with --mimicbrush the folder's mimicbrush_unet/ graph on the guidance
batch of 2 (13 channels: noisy latents twice | hole | masked-source latents | depth feature; 257 image-prompt tokens;
reference latents [1, 4, h, w]) with the guidance and the latent update of the Java bench; with --zone also the UNet's cross-attention outputs, and a second session
(--magicbrush, default the same folder) at batch 3, as ZONE's fused step runs them. Guidance and the scheduler
are not run (they are not ONNX Runtime work); the embeddings and latents are random, which does not change the
graphs' work. Sessions, sampling of resident memory and the options come from ort_edit_bench.py.

Reports per step (steps 2..N; with --mimicbrush every step, as MimicBrushStepBench; after a warm-up pass of
--warmup-steps steps, default 1) the ONNX Runtime time of each UNet run,
VmHWM and the load average, in the RESULT line format of the Java bench.

Usage (from the repository root, in the .venv-ort environment of tools/bench/README.md):
    python tools/bench/ort_step_bench.py FOLDER [--zone] [--magicbrush FOLDER] [--size 512] [--steps 3] [--warmup-steps 1] [--threads 0]
    python tools/bench/ort_step_bench.py FOLDER --mimicbrush [--size 512] [--steps 2] [--warmup-steps 1] [--threads 0]
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


MIMIC_TOKENS = 257  # CLIP ViT-H/14 at 224: 16 x 16 patches + the class token
MIMIC_GUIDANCE = 5.0


def mimicbrush_steps(graphs, size, n, context, rng, first_timestep):
    """MimicBrush's fused step as MimicBrushStepBench runs it: one mimicbrush_unet run per step."""
    h = w = size // 8
    condition = rng.standard_normal((2, 9, h, w)).astype(np.float32)
    reference = rng.standard_normal((1, 4, h, w)).astype(np.float32)
    x = rng.standard_normal((1, 4, h, w)).astype(np.float32)
    walls = []
    for i in range(n):
        t0 = time.perf_counter_ns()
        sample = np.concatenate([np.concatenate([x, x], axis=0), condition], axis=1)
        feeds = {"sample": sample, "timestep": np.array([first_timestep - 20.0 * i]), "encoder_hidden_states": context,
                 "reference_latents": reference}
        eps = graphs.run("mimicbrush_unet", feeds, ["out_sample"], "mimicbrush_unet")
        guided = eps[:1] + MIMIC_GUIDANCE * (eps[1:] - eps[:1])
        x = (x - 0.01 * guided).astype(np.float32)
        walls.append(time.perf_counter_ns() - t0)
    return walls


def main():
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("folder")
    p.add_argument("--zone", action="store_true")
    p.add_argument("--mimicbrush", action="store_true", help="the folder's mimicbrush_unet/ (MimicBrush's fused step)")
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
    part = "mimicbrush_unet" if a.mimicbrush else "unet"
    hidden = next(i.shape[2] for i in ip2p.session(part).get_inputs() if i.name == "encoder_hidden_states")
    if a.mimicbrush:
        context = rng.standard_normal((2, MIMIC_TOKENS, hidden)).astype(np.float32)
        kind = "MimicBrush fused step (reference UNet batch 1 + imitative UNet batch 2)"
    else:
        context = rng.standard_normal((3, 77, hidden)).astype(np.float32)
        kind = ("ZONE fused" if a.zone else "InstructPix2Pix") + ", UNet batch 3"
    print(f"RESULT python step bench: onnxruntime {ort.__version__}, {kind} at "
          f"{a.size}x{a.size}, {a.steps} steps, load average {load_average()}", flush=True)
    if a.mimicbrush:
        mimicbrush_steps(ip2p, a.size, a.warmup_steps, context, rng, 901.0)
    else:
        steps(ip2p, magicbrush, a.size, a.warmup_steps, a.zone, context, rng)
    sampler.begin_edit()
    if a.mimicbrush:
        walls = mimicbrush_steps(ip2p, a.size, a.steps, context, rng, 801.0)
    else:
        walls = steps(ip2p, magicbrush, a.size, a.steps, a.zone, context, rng)
    with sampler.lock:
        runs = {k: v for k, v in sampler.runs.items()}
    per_step = [sum(v[i] for v in runs.values()) for i in range(a.steps)]
    first = 0 if a.mimicbrush else 1  # MimicBrushStepBench measures every step after its warm-up
    measured = sorted(per_step[first:])
    median = measured[len(measured) // 2] if len(measured) % 2 else (measured[len(measured) // 2 - 1] + measured[len(measured) // 2]) / 2
    print(f"RESULT python ONNX Runtime time per step (median of steps {first + 1}..{a.steps}): {median / 1e6:.1f} ms; all: "
          f"{[round(v / 1e6, 1) for v in per_step]}; by graph ms: "
          + " ".join(f"{k}={','.join(f'{v / 1e6:.1f}' for v in vs)}" for k, vs in runs.items())
          + f"; step walls ms: {[round(v / 1e6, 1) for v in walls]}", flush=True)
    sampler.running = False
    print(f"RESULT python end: peak resident {status('VmHWM:') >> 10} MiB, load average {load_average()}", flush=True)


if __name__ == "__main__":
    main()
