"""Generates brushedit-models/src/test/resources/clip-tokenizer/plain-truncation.json.

Reference for PromptSyntax.PLAIN: what diffusers' Stable Diffusion pipelines feed the text encoder,
``tokenizer(prompt, padding="max_length", max_length=tokenizer.model_max_length, truncation=True).input_ids``
with transformers' CLIPTokenizer over the fixture vocabulary: the weighting syntax is ordinary text and long
prompts are cut to 77 ids (start, 75 tokens, end), then padded.

Usage: python clip_plain_truncation.py <fixture dir with vocab.json and merges.txt> <out.json>
"""
import json
import sys

import transformers
from transformers import CLIPTokenizer

fixture, out = sys.argv[1], sys.argv[2]
tok = CLIPTokenizer(vocab=json.load(open(fixture + "/vocab.json", encoding="utf-8")),
                    merges=[tuple(m.split()) for m in
                            open(fixture + "/merges.txt", encoding="utf-8").read().strip().split("\n")[1:48895]],
                    model_max_length=77)

LONG = ("a highly detailed matte painting of a medieval castle on a cliff above a stormy sea, dramatic clouds, "
        "lightning, crashing waves, seagulls, volumetric light, god rays, by greg rutkowski and thomas kinkade, "
        "trending on artstation, unreal engine, octane render, 8k, ultra wide angle, masterpiece, best quality, "
        "sharp focus, intricate, elegant, cinematic composition")
PROMPTS = [
    "",
    "a photo of a cat",
    "a (red:1.3) car on a [wet] road",
    "((masterpiece)), best quality, (worst quality:0.5)",
    "a \\(literal\\) bracket and a colon: here",
    "a cat (sitting on a sofa",
    LONG,
    LONG + " (extra:1.4) words past the window",
    "BREAK is a word here, AND so is this",
]
cases = []
for p in PROMPTS:
    ids = tok(p, padding="max_length", max_length=tok.model_max_length, truncation=True).input_ids
    assert len(ids) == 77
    cases.append({"text": p, "ids": ids})
with open(out, "w", encoding="utf-8") as f:
    json.dump({"reference": "transformers CLIPTokenizer, padding=max_length, max_length=77, truncation=True "
                            "(diffusers' StableDiffusionPipeline._encode_prompt)",
               "transformers": transformers.__version__, "cases": cases}, f, indent=0)
    f.write("\n")
print(f"{len(cases)} cases -> {out}")
