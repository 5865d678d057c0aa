"""Python ONNX Runtime peer of dev.brushedit.bench.EditBench: whole BrushNet edits on the same graphs.

Runs what the Java Inpainter runs for one edit with the fused graph (brushnet_unet/), in the same order and with
the same shapes: the text encoder on the prompt and on the negative prompt ([1, 77] ids each), the VAE encoder on
the masked image, N DDIM steps with guidance 7.5 (batch 2, BrushNet condition at batch 1), the VAE decoder, a hard
paste. Sessions open on first use, as in Java. Token ids are fixed (tokenizing costs under a millisecond and does
not change the graphs' work), so this needs only numpy and onnxruntime.

Reports per edit the time of every graph run and the peak resident memory (sampled from /proc/self/status every
5 ms) attributed to the graph whose run or session load is in progress, else to "python", plus VmHWM and the load
average, in the same line format as EditBench; and, like EditBench, every run's process CPU time and minor page
faults and the edit's CPU time per thread name (from /proc/self/stat; these barely depend on machine load).

Usage (from the repository root, in a venv with onnxruntime and numpy, see tools/bench/README.md):
    python tools/bench/ort_edit_bench.py FOLDER [--size 512] [--steps 2] [--edits 3] [--threads 0]
        [--no-arena] [--shrink-arena] [--no-mem-pattern] [--no-prepacking] [--opt basic|extended|all] [--no-spin]
"""

import argparse
import os
import threading
import time

import numpy as np
import onnxruntime as ort

SCALING = 0.18215


def status(field):
    with open("/proc/self/status") as f:
        for line in f:
            if line.startswith(field):
                return int(line.split()[1])
    return -1


def proc_stat(path="/proc/self/stat"):
    """(name, CPU ms user+system, minor faults) from a proc stat file, as EditBench's ProcessCpu reads them."""
    with open(path) as f:
        s = f.read()
    name = s[s.index("(") + 1:s.rindex(")")].replace(" ", "_")
    rest = s[s.rindex(")") + 2:].split()
    tick_ms = 1000 // os.sysconf("SC_CLK_TCK")
    return name, (int(rest[11]) + int(rest[12])) * tick_ms, int(rest[7])


def cpu_by_thread_name():
    out = {}
    for t in os.listdir("/proc/self/task"):
        try:
            name, ms, _ = proc_stat(f"/proc/self/task/{t}/stat")
        except OSError:
            continue
        out[name] = out.get(name, 0) + ms
    return out


def load_average():
    with open("/proc/loadavg") as f:
        return " ".join(f.read().split()[:3])


class Sampler(threading.Thread):
    """Samples VmRSS every 5 ms and attributes it to the stage in progress."""

    def __init__(self):
        super().__init__(daemon=True)
        self.current = "python"
        self.lock = threading.Lock()
        self.peaks, self.runs, self.edit_peak = {}, {}, 0
        self.cpu = {}
        self.running = True

    def sample(self):
        kb = status("VmRSS:")
        with self.lock:
            self.peaks[self.current] = max(self.peaks.get(self.current, 0), kb)
            self.edit_peak = max(self.edit_peak, kb)

    def run(self):
        try:  # names the native thread, so that the per-thread CPU report shows the sampler's own cost
            import ctypes
            ctypes.CDLL(None).prctl(15, b"resident-sample", 0, 0, 0)
        except (OSError, AttributeError):
            pass
        while self.running:
            self.sample()
            time.sleep(0.005)

    def timed(self, label, fn):
        self.sample()
        self.current = label
        _, cpu0, faults0 = proc_stat()
        t0 = time.perf_counter_ns()
        try:
            return fn()
        finally:
            took = time.perf_counter_ns() - t0
            _, cpu1, faults1 = proc_stat()
            self.sample()
            self.current = "python"
            with self.lock:
                self.runs.setdefault(label, []).append(took)
                self.cpu.setdefault(label, []).append((cpu1 - cpu0, faults1 - faults0))

    def begin_edit(self):
        with self.lock:
            self.peaks, self.runs, self.edit_peak = {}, {}, 0
            self.cpu = {}


class Graphs:
    def __init__(self, folder, args, sampler):
        self.folder, self.args, self.sampler, self.sessions = folder, args, sampler, {}
        self.run_options = ort.RunOptions()
        if args.shrink_arena:
            self.run_options.add_run_config_entry("memory.enable_memory_arena_shrinkage", "cpu:0")

    def session(self, part):
        if part not in self.sessions:
            def load():
                so = ort.SessionOptions()
                if self.args.threads:
                    so.intra_op_num_threads = self.args.threads
                if self.args.no_arena:
                    so.enable_cpu_mem_arena = False
                if self.args.no_mem_pattern:
                    so.enable_mem_pattern = False
                if self.args.no_prepacking:
                    so.add_session_config_entry("session.disable_prepacking", "1")
                if self.args.no_spin:
                    so.add_session_config_entry("session.intra_op.allow_spinning", "0")
                so.graph_optimization_level = {
                    "basic": ort.GraphOptimizationLevel.ORT_ENABLE_BASIC,
                    "extended": ort.GraphOptimizationLevel.ORT_ENABLE_EXTENDED,
                    "all": ort.GraphOptimizationLevel.ORT_ENABLE_ALL}[self.args.opt]
                return ort.InferenceSession(os.path.join(self.folder, part, "model.onnx"), so,
                                            providers=["CPUExecutionProvider"])
            self.sessions[part] = self.sampler.timed("load " + part, load)
        return self.sessions[part]

    def run(self, part, feeds, outputs=None, label=None):
        """Runs ``part`` on ``feeds`` (cast to the graph's input types); returns the first output requested.

        ``outputs`` (default all) names the outputs fetched; ``label`` (default ``part``) is what the run is timed as.
        """
        s = self.session(part)
        typed = {}
        for i in s.get_inputs():
            v = np.asarray(feeds[i.name])
            dtype = {"tensor(float)": np.float32, "tensor(float16)": np.float16, "tensor(int64)": np.int64,
                     "tensor(int32)": np.int32}[i.type]
            v = v.astype(dtype)
            if len(i.shape) == 0:
                v = v.reshape(())
            elif len(i.shape) == 1 and v.ndim == 0:
                v = v.reshape(1)
            elif len(i.shape) == 1 and v.size == 1 and i.shape[0] != 1 and i.name == "timestep":
                v = np.repeat(v.reshape(1), feeds["sample"].shape[0] if "sample" in feeds else 1)
            typed[i.name] = v
        return self.sampler.timed(label or part, lambda: s.run(outputs, typed, self.run_options))[0].astype(np.float32)


def ddim_step(alphas, t, prev_t, eps, x):
    a_t = alphas[t]
    a_prev = alphas[prev_t] if prev_t >= 0 else 1.0
    x0 = (x - np.sqrt(1 - a_t) * eps) / np.sqrt(a_t)
    return np.sqrt(a_prev) * x0 + np.sqrt(1 - a_prev) * eps


def edit(g, size, steps, seed):
    rng = np.random.default_rng(seed)
    h = w = size // 8
    ids = np.full((1, 77), 49407, dtype=np.int64)
    ids[0, 0] = 49406
    ids[0, 1:8] = 320 + seed
    cond_text = g.run("text_encoder", {"input_ids": ids})
    ids[0, 1:4] = 500 + seed
    uncond_text = g.run("text_encoder", {"input_ids": ids})
    context = np.concatenate([uncond_text, cond_text], axis=0)
    y, x = np.mgrid[0:size, 0:size]
    image = np.stack([x / size, y / size, (x + y) / (2 * size)]).astype(np.float32)[None] * 2 - 1
    hole = np.zeros((1, 1, size, size), np.float32)
    hole[..., size // 4:size * 3 // 4, size // 4:size * 3 // 4] = 1
    params = g.run("vae_encoder", {"sample": image * (1 - hole)})
    latents_cond = params[:, :4] * SCALING
    keep = 1 - hole[..., ::8, ::8]
    condition = np.concatenate([latents_cond, keep], axis=1)
    betas = np.linspace(0.00085 ** 0.5, 0.012 ** 0.5, 1000, dtype=np.float64) ** 2
    alphas = np.cumprod(1 - betas)
    timesteps = (np.arange(0, steps) * (1000 // steps))[::-1] + 1
    x_t = rng.standard_normal((1, 4, h, w)).astype(np.float32)
    for i, t in enumerate(timesteps):
        sample = np.concatenate([x_t, x_t], axis=0)
        eps = g.run("brushnet_unet", {"sample": sample, "timestep": np.array([t]), "encoder_hidden_states": context,
                                      "brushnet_cond": condition, "conditioning_scale": np.array(1.0)})
        guided = eps[:1] + 7.5 * (eps[1:] - eps[:1])
        prev = t - 1000 // steps
        x_t = ddim_step(alphas, t, prev, guided.astype(np.float64), x_t.astype(np.float64)).astype(np.float32)
    decoded = g.run("vae_decoder", {"latent_sample": x_t / SCALING})
    out = np.clip((decoded + 1) * 127.5, 0, 255).astype(np.uint8)
    original = ((image + 1) * 127.5).astype(np.uint8)
    return np.where(hole > 0.5, out, original)


def main():
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("folder")
    p.add_argument("--size", type=int, default=512)
    p.add_argument("--steps", type=int, default=2)
    p.add_argument("--edits", type=int, default=3)
    p.add_argument("--threads", type=int, default=0)
    p.add_argument("--no-arena", action="store_true")
    p.add_argument("--shrink-arena", action="store_true", help="run option memory.enable_memory_arena_shrinkage")
    p.add_argument("--no-mem-pattern", action="store_true")
    p.add_argument("--no-prepacking", action="store_true")
    p.add_argument("--no-spin", action="store_true")
    p.add_argument("--opt", choices=("basic", "extended", "all"), default="all")
    a = p.parse_args()
    sampler = Sampler()
    sampler.start()
    g = Graphs(a.folder, a, sampler)
    flags = {k: v for k, v in vars(a).items() if k not in ("folder",)}
    print(f"RESULT python EditBench: onnxruntime {ort.__version__}, {flags}, load average {load_average()}", flush=True)
    for e in range(1, a.edits + 1):
        sampler.begin_edit()
        threads0 = cpu_by_thread_name()
        _, cpu0, faults0 = proc_stat()
        t0 = time.perf_counter_ns()
        edit(g, a.size, a.steps, e)
        wall = time.perf_counter_ns() - t0
        _, cpu1, faults1 = proc_stat()
        threads = {k: v - threads0.get(k, 0) for k, v in sorted(cpu_by_thread_name().items()) if v != threads0.get(k, 0)}
        sampler.sample()
        with sampler.lock:
            runs = " ".join(f"{k}={','.join(f'{v / 1e6:.1f}' for v in vs)}" for k, vs in sampler.runs.items())
            peaks = " ".join(f"{k}={v >> 10}" for k, v in sampler.peaks.items())
            edit_peak = sampler.edit_peak
        print(f"RESULT python edit {e}: wall {wall / 1e6:.1f} ms; runs ms: {runs}; peak RSS MiB by stage: {peaks}; "
              f"edit peak {edit_peak >> 10} MiB; after {status('VmRSS:') >> 10} MiB; VmHWM {status('VmHWM:') >> 10} MiB; "
              f"load {load_average()}", flush=True)
        with sampler.lock:
            runs_cpu = " ".join(f"{k}={','.join(str(c) for c, _ in vs)}" for k, vs in sampler.cpu.items())
            runs_faults = " ".join(f"{k}={','.join(str(f) for _, f in vs)}" for k, vs in sampler.cpu.items())
        print(f"RESULT python edit {e} cpu: edit cpu {cpu1 - cpu0} ms, minor faults {faults1 - faults0}; runs cpu ms: "
              f"{runs_cpu}; runs minor faults: {runs_faults}; cpu ms by thread name: "
              f"{' '.join(f'{k}={v}' for k, v in threads.items())}", flush=True)
    sampler.running = False
    print(f"RESULT python end: peak resident {status('VmHWM:') >> 10} MiB, load average {load_average()}", flush=True)


if __name__ == "__main__":
    main()
