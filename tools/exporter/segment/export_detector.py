"""Exports transformers' Owlv2ForObjectDetection (e.g. google/owlv2-base-patch16-ensemble) as the
open-vocabulary detector graph brushedit's OpenVocabularyDetector reads (see SEGMENT_CONTRACT.md):
inputs input_ids [Q,16] int64, attention_mask [Q,16] int64, pixel_values [1,3,S,S] float32;
outputs logits [1,P,Q] and pred_boxes [1,P,4] (cx, cy, w, h relative to the padded square).

    python export_detector.py --model google/owlv2-base-patch16-ensemble --out /models/owlv2/model.onnx
"""
import argparse

import torch

OPSET = 17


class _Detector(torch.nn.Module):
    def __init__(self, model):
        super().__init__()
        self.model = model

    def forward(self, input_ids, attention_mask, pixel_values):
        out = self.model(input_ids=input_ids, attention_mask=attention_mask, pixel_values=pixel_values)
        return out.logits, out.pred_boxes


def export_owlv2(model, path, image_size):
    ids = torch.zeros(2, 16, dtype=torch.int64)
    ids[:, 0] = 49406
    ids[:, 1] = 49407
    mask = torch.zeros(2, 16, dtype=torch.int64)
    mask[:, :2] = 1
    pixels = torch.zeros(1, 3, image_size, image_size)
    torch.onnx.export(_Detector(model.eval()), (ids, mask, pixels), path,
                      input_names=["input_ids", "attention_mask", "pixel_values"],
                      output_names=["logits", "pred_boxes"],
                      dynamic_axes={"input_ids": {0: "queries"}, "attention_mask": {0: "queries"},
                                    "logits": {2: "queries"}},
                      opset_version=OPSET, dynamo=False)


def main():
    from transformers import Owlv2ForObjectDetection
    ap = argparse.ArgumentParser()
    ap.add_argument("--model", default="google/owlv2-base-patch16-ensemble")
    ap.add_argument("--out", required=True)
    a = ap.parse_args()
    model = Owlv2ForObjectDetection.from_pretrained(a.model, attn_implementation="eager")
    export_owlv2(model, a.out, model.config.vision_config.image_size)


if __name__ == "__main__":
    main()
