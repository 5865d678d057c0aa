"""Exports a segment-anything Sam model as the two graphs brushedit's SamModel reads:
encoder.onnx (image [1,3,S,S] normalised and padded -> image_embeddings [1,C,S/16,S/16]) and
decoder.onnx (the prompt decoder in the layout of segment-anything's scripts/export_onnx_model.py,
built from its SamOnnxModel, multimask: 4 masks).

    PYTHONPATH=/path/to/segment-anything python export_sam.py --checkpoint sam_vit_b_01ec64.pth \
        --model-type vit_b --out /models/sam
"""
import argparse
import os

import torch

OPSET = 17


def export_encoder(sam, path):
    size = sam.image_encoder.img_size
    image = torch.zeros(1, 3, size, size)
    torch.onnx.export(sam.image_encoder, (image,), path, input_names=["image"],
                      output_names=["image_embeddings"], opset_version=OPSET, dynamo=False)


def export_decoder(sam, path):
    from segment_anything.utils.onnx import SamOnnxModel
    model = SamOnnxModel(sam, return_single_mask=False)
    c = sam.prompt_encoder.embed_dim
    h, w = sam.prompt_encoder.image_embedding_size
    dummy = {
        "image_embeddings": torch.randn(1, c, h, w, dtype=torch.float),
        "point_coords": torch.randint(low=0, high=1024, size=(1, 5, 2), dtype=torch.float),
        "point_labels": torch.randint(low=0, high=4, size=(1, 5), dtype=torch.float),
        "mask_input": torch.randn(1, 1, 4 * h, 4 * w, dtype=torch.float),
        "has_mask_input": torch.tensor([1], dtype=torch.float),
        "orig_im_size": torch.tensor([1500, 2250], dtype=torch.float),
    }
    torch.onnx.export(model, tuple(dummy.values()), path, input_names=list(dummy.keys()),
                      output_names=["masks", "iou_predictions", "low_res_masks"],
                      dynamic_axes={"point_coords": {1: "num_points"}, "point_labels": {1: "num_points"}},
                      opset_version=OPSET, do_constant_folding=True, dynamo=False)


def main():
    from segment_anything import sam_model_registry
    ap = argparse.ArgumentParser()
    ap.add_argument("--checkpoint", required=True)
    ap.add_argument("--model-type", default="vit_b", choices=["vit_b", "vit_l", "vit_h"])
    ap.add_argument("--out", required=True)
    a = ap.parse_args()
    os.makedirs(a.out, exist_ok=True)
    sam = sam_model_registry[a.model_type](checkpoint=a.checkpoint).eval()
    export_encoder(sam, os.path.join(a.out, "encoder.onnx"))
    export_decoder(sam, os.path.join(a.out, "decoder.onnx"))


if __name__ == "__main__":
    main()
