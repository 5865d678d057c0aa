"""Python ONNX Runtime peer of dev.brushedit.bench.StepProfileBench: ONNX Runtime's profile of the fused step.

Opens FOLDER/brushnet_unet/model.onnx with onnxruntime.SessionOptions() defaults plus profiling, runs the guided
512 step's shapes (sample [2, 4, h, w], context [2, 77, 768], BrushNet condition at batch 1) --runs times on random
inputs and prints every run's wall time, process CPU time and minor page faults (/proc/self/stat) in the line
format of StepProfileBench. --shrink-after N,M ends runs N and M with the arena shrinkage run option (the Java side's first
run of a shape and an edit's last step do); 0 = never. tools/bench/ort_profile_compare.py compares the profiles.

Usage (repository root, venv from tools/bench/requirements-ort.txt):
    python tools/bench/ort_step_profile.py FOLDER [--size 512] [--runs 3] [--shrink-after 1,3]
        [--no-mem-pattern] [--profile target/step-profile-python]
"""

import argparse
import os
import sys
import time

import numpy as np
import onnxruntime as ort

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from ort_edit_bench import load_average, proc_stat  # noqa: E402


def main():
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("folder")
    p.add_argument("--size", type=int, default=512)
    p.add_argument("--runs", type=int, default=3)
    p.add_argument("--shrink-after", default="0", help="comma-separated 1-based runs")
    p.add_argument("--profile", default="target/step-profile-python")
    p.add_argument("--no-mem-pattern", action="store_true")
    a = p.parse_args()
    h = a.size // 8
    so = ort.SessionOptions()
    so.enable_profiling = True
    so.profile_file_prefix = a.profile
    so.enable_mem_pattern = not a.no_mem_pattern
    s = ort.InferenceSession(os.path.join(a.folder, "brushnet_unet", "model.onnx"), so,
                             providers=["CPUExecutionProvider"])
    rng = np.random.default_rng(1)
    feeds = {"sample": rng.standard_normal((2, 4, h, h), dtype=np.float32),
             "timestep": np.array([501.0], np.float32),
             "encoder_hidden_states": rng.standard_normal((2, 77, 768), dtype=np.float32),
             "brushnet_cond": rng.standard_normal((1, 5, h, h), dtype=np.float32),
             "conditioning_scale": np.array([1.0], np.float32)}
    shrink_after = {int(n) for n in a.shrink_after.split(",")}
    plain, shrink = ort.RunOptions(), ort.RunOptions()
    shrink.add_run_config_entry("memory.enable_memory_arena_shrinkage", "cpu:0")
    print(f"RESULT python StepProfileBench: size {a.size}, {a.runs} runs, shrink after run {a.shrink_after}, "
          f"memory pattern {not a.no_mem_pattern}, "
          f"onnxruntime {ort.__version__}, load average {load_average()}", flush=True)
    for r in range(1, a.runs + 1):
        _, cpu0, f0 = proc_stat()
        t0 = time.perf_counter_ns()
        s.run(["out_sample"], feeds, shrink if r in shrink_after else plain)
        wall = time.perf_counter_ns() - t0
        _, cpu1, f1 = proc_stat()
        print(f"RESULT python run {r}: wall {wall / 1e6:.1f} ms, cpu {cpu1 - cpu0} ms, minor faults {f1 - f0}, "
              f"load {load_average()}", flush=True)
    print("profile written to", s.end_profiling(), flush=True)


if __name__ == "__main__":
    main()
