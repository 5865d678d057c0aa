"""Reference vectors for dev.brushedit.models.text.PromptEncoder.

1. "weighting": AUTOMATIC1111's FrozenCLIPEmbedderWithCustomWordsBase.process_tokens weighting, in torch
   float32, applied to synthetic hidden states z[w, t, j] = 0.5 * sin(0.37 * (t * 16 + j) + w) + 0.2
   (shape [windows, 77, 16]; a non-zero mean, unlike the stand-in encoder whose final layer norm makes
   the mean ~1e-9 and the A1111 rescale ill-conditioned) with the per-token weights A1111 itself produces
   (brushedit-models/src/test/resources/clip-tokenizer/prompt-weighting.json):
       original_mean = z.mean(); z = z * multipliers[..., None]; z = z * (original_mean / z.mean())
   per window, windows concatenated along the sequence axis.
2. "embeddings": unweighted prompts through the stand-in text encoder
   (standins/sd15-tiny/text_encoder/model.onnx, onnxruntime, int64 ids), one run per 77-id window
   (A1111's windows), concatenated along the sequence axis.

Usage: python tools/parity/prompt_embeddings.py STANDINS_DIR OUT_JSON
"""
import json
import math
import sys

import numpy as np
import onnxruntime as ort
import torch

WEIGHTED = [2, 6, 8, 12, 29, 30]
PLAIN = [1, 23]


def synthetic(windows):
    z = np.zeros((windows, 77, 16), dtype=np.float32)
    for w in range(windows):
        for t in range(77):
            for j in range(16):
                z[w, t, j] = np.float32(0.5 * math.sin(0.37 * (t * 16 + j) + w) + 0.2)
    return torch.from_numpy(z)


def a1111(z, weights):
    m = torch.tensor(weights, dtype=torch.float32)
    original_mean = z.mean()
    z = z * m.reshape(m.shape + (1,)).expand(z.shape)
    new_mean = z.mean()
    return z * (original_mean / new_mean)


def rounded(t):
    return [float("%.7g" % v) for v in t.flatten()]


def main(standins, out):
    cases = json.load(open("brushedit-models/src/test/resources/clip-tokenizer/prompt-weighting.json"))["cases"]
    weighting = []
    for i in WEIGHTED:
        c = cases[i]
        z = synthetic(len(c["windows"]))
        chunks = [a1111(z[w:w + 1], [c["weights"][w]]) for w in range(len(c["windows"]))]
        weighting.append({"prompt": c["prompt"], "windows": len(c["windows"]), "values": rounded(torch.cat(chunks, dim=1))})
    sess = ort.InferenceSession(f"{standins}/sd15-tiny/text_encoder/model.onnx", providers=["CPUExecutionProvider"])
    embeddings = []
    for i in PLAIN:
        c = cases[i]
        chunks = [sess.run(["last_hidden_state"], {"input_ids": np.array([ids], dtype=np.int64)})[0] for ids in c["windows"]]
        z = np.concatenate(chunks, axis=1)
        embeddings.append({"prompt": c["prompt"], "shape": list(z.shape), "values": rounded(z)})
    meta = {"script": "tools/parity/prompt_embeddings.py", "torch": torch.__version__, "onnxruntime": ort.__version__,
            "weighting": weighting, "embeddings": embeddings}
    json.dump(meta, open(out, "w"))


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
