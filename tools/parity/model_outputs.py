"""Reference outputs of the stand-in graphs, computed with onnxruntime in Python, for
dev.brushedit.models.ModelParityTest (the Java wrapper must feed the same values and read the same outputs).

Inputs are formulas both sides can compute (flat row-major index i, float32):
  unet:   sample[i] = sin(0.1 i) over [2, C, 8, 16] (C = 4, or 9 for sd15-tiny-inpaint),
          encoder_hidden_states[i] = 0.5 cos(0.07 i) over [2, 77, 8], timestep 601.5 in the graph's own
          declared rank and type (scalar float for optimum, [2] float for legacy, float32 [1] plus all-zero
          BrushNet features for the brushnet folders; fp16 values for fp16 graphs)
  text:   input_ids = [49406, 320, 1125, 539, 320, 2368, 49407, 49407 ...] (77), int64 or int32 as declared
  vae_decoder: latent_sample[i] = 0.8 sin(0.05 i) over [1, 4, 8, 16] (already divided by the scaling factor)
  vae_encoder (optimum only): sample[i] = sin(0.013 i) over [1, 3, 64, 128]; output latent_parameters
Outputs stored every `stride`-th element (unet 5, text 3, decoder 61, encoder 7).

Usage: python tools/parity/model_outputs.py STANDINS_DIR OUT_JSON
"""
import json
import sys

import numpy as np
import onnxruntime as ort

FOLDERS = ["sd15-tiny", "sd15-tiny-legacy", "sd15-tiny-inpaint", "sd15-tiny-brushnet", "sd15-tiny-brushnet-fp16"]
NP = {"tensor(float)": np.float32, "tensor(float16)": np.float16, "tensor(int64)": np.int64, "tensor(int32)": np.int32}


def formula(n, f):
    return f(np.arange(n, dtype=np.float64)).astype(np.float32)


def session(path):
    return ort.InferenceSession(path, providers=["CPUExecutionProvider"])


def run(sess, feeds, out):
    typed = {}
    for i in sess.get_inputs():
        v = feeds[i.name]
        typed[i.name] = np.asarray(v).astype(NP[i.type])
    return np.asarray(sess.run([out], typed)[0], dtype=np.float32)


def unet(root):
    s = session(f"{root}/unet/model.onnx")
    ins = {i.name: i for i in s.get_inputs()}
    c = ins["sample"].shape[1]
    feeds = {"sample": formula(2 * c * 8 * 16, lambda i: np.sin(0.1 * i)).reshape(2, c, 8, 16),
             "encoder_hidden_states": formula(2 * 77 * 8, lambda i: 0.5 * np.cos(0.07 * i)).reshape(2, 77, 8)}
    t = ins["timestep"]
    if len(t.shape) == 0:
        feeds["timestep"] = np.array(601.5)
    elif t.shape[0] == 1:
        feeds["timestep"] = np.array([601.5])
    else:
        feeds["timestep"] = np.array([601.5, 601.5])
    # BrushNet feature inputs get zeros, at the sizes the stand-in's own brushnet graph produces
    extra = [n for n in ins if n not in feeds]
    if extra:
        b = session(f"{root}/brushnet/model.onnx")
        bt = {i.name: NP[i.type] for i in b.get_inputs()}
        outs = b.run(extra, {"sample": np.zeros((1, 4, 8, 16), bt["sample"]), "timestep": np.array([601.0], np.float32),
                             "brushnet_cond": np.zeros((1, 5, 8, 16), bt["brushnet_cond"]),
                             "conditioning_scale": np.array([1.0], np.float32)})
        for n, o in zip(extra, outs):
            feeds[n] = np.zeros((2,) + o.shape[1:], np.float32)
    return run(s, feeds, "out_sample")


def text(root):
    ids = [49406, 320, 1125, 539, 320, 2368] + [49407] * 71
    return run(session(f"{root}/text_encoder/model.onnx"), {"input_ids": np.array([ids])}, "last_hidden_state")


def decoder(root):
    lat = formula(4 * 8 * 16, lambda i: 0.8 * np.sin(0.05 * i)).reshape(1, 4, 8, 16)
    return run(session(f"{root}/vae_decoder/model.onnx"), {"latent_sample": lat}, "sample")


def encoder(root):
    img = formula(3 * 64 * 128, lambda i: np.sin(0.013 * i)).reshape(1, 3, 64, 128)
    return run(session(f"{root}/vae_encoder/model.onnx"), {"sample": img}, "latent_parameters")


def entry(arr, stride):
    flat = arr.flatten()[::stride]
    return {"shape": list(arr.shape), "stride": stride, "values": [float("%.7g" % v) for v in flat]}


def main(standins, out):
    result = {"script": "tools/parity/model_outputs.py", "onnxruntime": ort.__version__, "numpy": np.__version__,
              "folders": {}}
    for name in FOLDERS:
        root = f"{standins}/{name}"
        f = {"unet": entry(unet(root), 5), "text_encoder": entry(text(root), 3), "vae_decoder": entry(decoder(root), 61)}
        if name != "sd15-tiny-legacy":
            f["vae_encoder"] = entry(encoder(root), 7)
        result["folders"][name] = f
    json.dump(result, open(out, "w"))


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
