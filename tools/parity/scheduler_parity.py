"""Generates the scheduler parity vectors in brushedit-core/src/test/resources/scheduler-parity.

Run OUTSIDE the build (CI never runs it):  python tools/parity/scheduler_parity.py <output dir>
Needs diffusers 0.42.1, torch, numpy, scipy. Every scheduler is built the way users switch
schedulers: PNDMScheduler.from_config(<SD1.5 scheduler_config.json>), then
<Scheduler>.from_config(pndm.config, **variant_overrides, prediction_type=...).
"""
import base64, json, math, os, sys

import numpy as np
import torch
import diffusers
from diffusers import (DDIMScheduler, DDPMScheduler, DPMSolverMultistepScheduler, EulerAncestralDiscreteScheduler,
                       EulerDiscreteScheduler, HeunDiscreteScheduler, LCMScheduler, LMSDiscreteScheduler,
                       PNDMScheduler, UniPCMultistepScheduler)
import diffusers.schedulers.scheduling_ddim as m_ddim
import diffusers.schedulers.scheduling_ddpm as m_ddpm
import diffusers.schedulers.scheduling_euler_ancestral_discrete as m_ea
import diffusers.schedulers.scheduling_lcm as m_lcm

SD15 = {
    "_class_name": "PNDMScheduler", "_diffusers_version": "0.6.0", "beta_end": 0.012,
    "beta_schedule": "scaled_linear", "beta_start": 0.00085, "num_train_timesteps": 1000,
    "set_alpha_to_one": False, "skip_prk_steps": True, "steps_offset": 1, "trained_betas": None,
    "clip_sample": False,
}
SHAPE = (1, 4, 2, 4)
STEPS = (10, 25, 50)
STRENGTHS = (1.0, 0.75)
PREDICTIONS = ("epsilon", "v_prediction")
SEED = 1234

# name, class, overrides, stochastic, step kwargs
VARIANTS = [
    ("ddim", DDIMScheduler, {}, False, {}),
    ("ddim_eta", DDIMScheduler, {}, True, {"eta": 0.7}),
    ("pndm", PNDMScheduler, {}, False, {}),
    ("pndm_prk", PNDMScheduler, {"skip_prk_steps": False}, False, {}),
    ("lms", LMSDiscreteScheduler, {}, False, {}),
    ("lms_karras", LMSDiscreteScheduler, {"use_karras_sigmas": True}, False, {}),
    ("euler", EulerDiscreteScheduler, {}, False, {}),
    ("euler_karras", EulerDiscreteScheduler, {"use_karras_sigmas": True}, False, {}),
    ("euler_ancestral", EulerAncestralDiscreteScheduler, {}, True, {}),
    ("heun", HeunDiscreteScheduler, {}, False, {}),
    ("heun_karras", HeunDiscreteScheduler, {"use_karras_sigmas": True}, False, {}),
    ("dpm_o1", DPMSolverMultistepScheduler, {"solver_order": 1}, False, {}),
    ("dpm_o2", DPMSolverMultistepScheduler, {}, False, {}),
    ("dpm_o3", DPMSolverMultistepScheduler, {"solver_order": 3}, False, {}),
    ("dpm_o2_heun", DPMSolverMultistepScheduler, {"solver_type": "heun"}, False, {}),
    ("dpm_o2_karras", DPMSolverMultistepScheduler, {"use_karras_sigmas": True}, False, {}),
    ("dpm_o3_karras", DPMSolverMultistepScheduler, {"solver_order": 3, "use_karras_sigmas": True}, False, {}),
    ("unipc_bh1", UniPCMultistepScheduler, {"solver_type": "bh1"}, False, {}),
    ("unipc_bh2", UniPCMultistepScheduler, {}, False, {}),
    ("unipc_bh2_o3", UniPCMultistepScheduler, {"solver_order": 3}, False, {}),
    ("unipc_bh2_karras", UniPCMultistepScheduler, {"use_karras_sigmas": True}, False, {}),
    ("lcm", LCMScheduler, {}, True, {}),
    ("ddpm", DDPMScheduler, {}, True, {}),
]
# Extra variants for the other config keys: fewer runs each, to keep the vectors small.
# name, class, overrides, stochastic, step kwargs, predictions, steps
EXTRA = [
    ("ddim_zsnr_trailing", DDIMScheduler, {"rescale_betas_zero_snr": True, "timestep_spacing": "trailing"},
     False, {}, ("v_prediction",), (10, 25)),
    ("euler_cosine_leading", EulerDiscreteScheduler, {"beta_schedule": "squaredcos_cap_v2",
     "timestep_spacing": "leading", "final_sigmas_type": "sigma_min"}, False, {}, ("epsilon",), (10, 25)),
    ("dpm_trailing_sigma_min", DPMSolverMultistepScheduler, {"timestep_spacing": "trailing",
     "final_sigmas_type": "sigma_min", "lower_order_final": False, "solver_order": 3}, False, {},
     ("epsilon",), (10, 25)),
    ("unipc_leading_karras_min", UniPCMultistepScheduler, {"timestep_spacing": "leading",
     "use_karras_sigmas": True, "final_sigmas_type": "sigma_min", "disable_corrector": [0, 3]}, False, {},
     ("epsilon",), (10, 25)),
    ("ddpm_linspace_small_log", DDPMScheduler, {"timestep_spacing": "linspace", "variance_type": "fixed_small_log",
     "clip_sample": True}, True, {}, ("sample",), (10, 25)),
]


def model(x, t):
    """The deterministic stand-in model: 0.3 * tanh(x) + float32(0.1 * cos(t / 100))."""
    c = np.float32(0.1 * math.cos(float(t) / 100.0))
    return 0.3 * torch.tanh(x) + torch.tensor(c, dtype=torch.float32)


def b64(t):
    return base64.b64encode(np.ascontiguousarray(t, dtype="<f4").tobytes()).decode("ascii")


DRAWS = []


def recording(orig):
    def wrapped(*a, **k):
        out = orig(*a, **k)
        DRAWS.append(out.detach().clone())
        return out
    return wrapped


for mod in (m_ddim, m_ddpm, m_ea, m_lcm):
    mod.randn_tensor = recording(mod.randn_tensor)


def run(cls, overrides, stochastic, step_kwargs, pred, steps, strength):
    base = PNDMScheduler.from_config(SD15)
    s = cls.from_config(base.config, **overrides, prediction_type=pred)
    s.set_timesteps(steps)
    init_timestep = min(int(steps * strength), steps)
    t_start = max(steps - init_timestep, 0)
    ts = s.timesteps[t_start * s.order:]
    if hasattr(s, "set_begin_index"):
        s.set_begin_index(t_start * s.order)
    gen = torch.Generator("cpu").manual_seed(SEED)
    noise = torch.randn(SHAPE, generator=gen, dtype=torch.float32)
    image = torch.from_numpy(np.sin(np.arange(np.prod(SHAPE)) * 0.7).astype(np.float32).reshape(SHAPE))
    if strength == 1.0:
        x = noise * s.init_noise_sigma
    else:
        x = s.add_noise(image, noise, ts[:1])
    start = x.clone()
    DRAWS.clear()
    samples = []
    for t in ts:
        inp = s.scale_model_input(x, t)
        out = model(inp, t)
        kw = dict(step_kwargs)
        if stochastic:
            kw["generator"] = gen
        x = s.step(out, t, x, **kw).prev_sample
        samples.append(x.clone())
    rec = {
        "prediction": pred, "steps": steps, "strength": strength,
        "timesteps": [float(v) for v in ts.tolist()],
        "fullTimesteps": [float(v) for v in s.timesteps.tolist()],
        "sigmas": [float(v) for v in s.sigmas.tolist()] if hasattr(s, "sigmas") and torch.is_tensor(s.sigmas) else None,
        "initNoiseSigma": float(s.init_noise_sigma),
        "noise": b64(noise.numpy()),
        "start": b64(start.numpy()),
        "samples": b64(torch.stack(samples).numpy()),
        "noises": b64(torch.stack(DRAWS).numpy()) if DRAWS else None,
        "noiseCount": len(DRAWS),
    }
    return rec


def main(out_dir):
    os.makedirs(out_dir, exist_ok=True)
    all_variants = [v + (PREDICTIONS, STEPS) for v in VARIANTS] + EXTRA
    for name, cls, overrides, stochastic, step_kwargs, predictions, steps in all_variants:
        runs = [run(cls, overrides, stochastic, step_kwargs, p, n, st)
                for p in predictions for n in steps for st in STRENGTHS]
        doc = {"name": name, "diffusersClass": cls.__name__, "overrides": overrides,
               "stepKwargs": step_kwargs, "stochastic": stochastic, "seed": SEED, "shape": list(SHAPE),
               "diffusers": diffusers.__version__, "torch": torch.__version__, "runs": runs}
        with open(os.path.join(out_dir, name + ".json"), "w") as f:
            json.dump(doc, f, separators=(",", ":"))
        print(name, "ok")


if __name__ == "__main__":
    main(sys.argv[1])
