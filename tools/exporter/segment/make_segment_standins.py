"""Writes the tiny random-weight stand-ins for the segmentation graphs (SAM encoder + prompt decoder,
OWLv2 open-vocabulary detector) into brushedit-models/src/test/resources/standins/segment-tiny/.

Run with torch, transformers and segment-anything importable, e.g.
    pip install --no-deps --target /tmp/sa segment-anything==1.0
    PYTHONPATH=/tmp/sa python tools/exporter/segment/make_segment_standins.py
The same export functions are used for real checkpoints (export_sam.py, export_detector.py).
"""
import argparse
import os
import sys

import torch

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from export_sam import export_decoder, export_encoder  # noqa: E402
from export_detector import export_owlv2  # noqa: E402


def tiny_sam(channels=32):
    from functools import partial
    from segment_anything.modeling import (ImageEncoderViT, MaskDecoder, PromptEncoder, Sam,
                                           TwoWayTransformer)
    torch.manual_seed(11)
    encoder = ImageEncoderViT(depth=1, embed_dim=16, img_size=1024, mlp_ratio=2.0,
                              norm_layer=partial(torch.nn.LayerNorm, eps=1e-6), num_heads=1, patch_size=16,
                              qkv_bias=True, use_rel_pos=True, global_attn_indexes=[0], window_size=14,
                              out_chans=channels)
    prompt = PromptEncoder(embed_dim=channels, image_embedding_size=(64, 64), input_image_size=(1024, 1024),
                           mask_in_chans=4)
    decoder = MaskDecoder(num_multimask_outputs=3,
                          transformer=TwoWayTransformer(depth=1, embedding_dim=channels, mlp_dim=32, num_heads=2),
                          transformer_dim=channels, iou_head_depth=2, iou_head_hidden_dim=16)
    sam = Sam(image_encoder=encoder, prompt_encoder=prompt, mask_decoder=decoder,
              pixel_mean=[123.675, 116.28, 103.53], pixel_std=[58.395, 57.12, 57.375])
    # Default init leaves the mask logits near zero; widen every weight so masks have structure.
    with torch.no_grad():
        g = torch.Generator().manual_seed(12)
        for name, p in sam.named_parameters():
            if p.dim() > 1:
                p.add_(torch.randn(p.shape, generator=g) * 0.2)
    return sam.eval()


def tiny_owlv2():
    from transformers import Owlv2Config, Owlv2ForObjectDetection
    torch.manual_seed(21)
    config = Owlv2Config(
        text_config=dict(vocab_size=49408, hidden_size=8, intermediate_size=16, num_hidden_layers=1,
                         num_attention_heads=2, max_position_embeddings=16, eos_token_id=49407),
        vision_config=dict(hidden_size=8, intermediate_size=16, num_hidden_layers=1, num_attention_heads=2,
                           image_size=96, patch_size=16),
        projection_dim=8)
    return Owlv2ForObjectDetection(config).eval()


def main():
    ap = argparse.ArgumentParser()
    root = os.path.dirname(os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__)))))
    ap.add_argument("--out", default=os.path.join(root, "brushedit-models/src/test/resources/standins/segment-tiny"))
    ap.add_argument("--only", choices=["sam", "detector"], help="write one of the two folders")
    a = ap.parse_args()
    if a.only in (None, "sam"):
        os.makedirs(os.path.join(a.out, "sam"), exist_ok=True)
        sam = tiny_sam()
        export_encoder(sam, os.path.join(a.out, "sam", "encoder.onnx"))
        export_decoder(sam, os.path.join(a.out, "sam", "decoder.onnx"))
    if a.only in (None, "detector"):
        os.makedirs(os.path.join(a.out, "detector"), exist_ok=True)
        export_owlv2(tiny_owlv2(), os.path.join(a.out, "detector", "model.onnx"), image_size=96)


if __name__ == "__main__":
    main()
