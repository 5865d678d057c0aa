"""Runs TencentARC's reference BrushNet + BrushNet-UNet on given weights and inputs (parity helper).

This script imports the REFERENCE implementation (the `diffusers` fork in TencentARC/BrushNet, `src/`), which is
NOT part of this repository. It is run in a separate process by tools/exporter/tests/test_parity_reference.py:

    PYTHONPATH=<huggingface_hub 0.25.2 dir>:<BrushNet checkout>/src python brushnet_reference.py \
        --brushnet DIR --unet DIR --inputs in.npz --out out.npz

The fork needs huggingface_hub < 0.26 (it imports `cached_download`); transformers is hidden from it because
the installed transformers needs a newer huggingface_hub and the models used here do not need transformers.
Inputs (npz): sample [k*b,4,h,w], timestep [1], encoder_hidden_states [k*b,seq,d], brushnet_cond [b,5,h,w],
conditioning_scale [1]. The reference pipeline runs BrushNet on the whole guidance batch with the condition
repeated k times (pipeline_brushnet.py prepares the image for both guidance halves); this script does the same.
Outputs (npz): down_i, mid, up_i (BrushNet features for the whole batch) and out_sample (UNet with features),
and plain_out (UNet without features).
"""

import argparse
import importlib.util

_find_spec = importlib.util.find_spec
importlib.util.find_spec = lambda name, package=None: (
    None if name.split(".")[0] == "transformers" else _find_spec(name, package))

import numpy as np  # noqa: E402
import torch  # noqa: E402


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--brushnet", required=True)
    p.add_argument("--unet", required=True)
    p.add_argument("--inputs", required=True)
    p.add_argument("--out", required=True)
    a = p.parse_args()

    import diffusers
    from diffusers.models.brushnet import BrushNetModel
    from diffusers.models.unets.unet_2d_condition import UNet2DConditionModel

    assert diffusers.__version__.startswith("0.27"), diffusers.__file__
    brushnet = BrushNetModel.from_pretrained(a.brushnet, torch_dtype=torch.float32).eval()
    unet = UNet2DConditionModel.from_pretrained(a.unet, torch_dtype=torch.float32).eval()
    x = {k: torch.from_numpy(v) for k, v in np.load(a.inputs).items()}
    k = x["sample"].shape[0] // x["brushnet_cond"].shape[0]
    cond = torch.cat([x["brushnet_cond"]] * k)
    t = x["timestep"].reshape(())  # the pipeline passes one element of scheduler.timesteps
    scale = float(x["conditioning_scale"].reshape(()))
    out = {}
    with torch.no_grad():
        down, mid, up = brushnet(x["sample"], t, encoder_hidden_states=x["encoder_hidden_states"],
                                 brushnet_cond=cond, conditioning_scale=scale, guess_mode=False, return_dict=False)
        for i, d in enumerate(down):
            out[f"down_{i}"] = d.numpy()
        out["mid"] = mid.numpy()
        for i, u in enumerate(up):
            out[f"up_{i}"] = u.numpy()
        res = unet(x["sample"], t, encoder_hidden_states=x["encoder_hidden_states"],
                   down_block_add_samples=list(down), mid_block_add_sample=mid, up_block_add_samples=list(up),
                   return_dict=False)[0]
        out["out_sample"] = res.numpy()
        out["plain_out"] = unet(x["sample"], t, encoder_hidden_states=x["encoder_hidden_states"],
                                return_dict=False)[0].numpy()
    out["brushnet_param_names"] = np.array(sorted(brushnet.state_dict().keys()))
    np.savez(a.out, **out)


if __name__ == "__main__":
    main()
