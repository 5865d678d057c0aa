"""Reference vectors for dev.brushedit.segment (SamModel, SamAutomaticMasks, OpenVocabularyDetector)
on the stand-ins in brushedit-models/src/test/resources/standins/segment-tiny/.

SAM: segment-anything 1.0's ResizeLongestSide (coordinates) and Sam.preprocess (normalise + pad) feed
onnxruntime; masks thresholded at 0. Automatic masks: segment-anything's amg helpers (build_point_grid,
calculate_stability_score, batched_mask_to_box) with the same filters as SamAutomaticMaskGenerator; the
box NMS is a plain greedy NMS (torchvision, which the generator calls, is not installed here).
Detector: transformers' Owlv2Processor (image processor + CLIP tokenizer, max_length 16) and
post_process_object_detection on the padded square.

    PYTHONPATH=<segment-anything>:<torchvision stub> python tools/parity/segment_reference.py sam OUT.json
    python tools/parity/segment_reference.py detector OUT.json
(the stub provides torchvision.transforms.functional and torchvision.ops.boxes names only; the images are
already at the encoder size, so no resize runs). See brushedit-models/src/test/resources/segment/README.md.
"""
import json
import os
import sys

import numpy as np
import onnxruntime as ort
import torch

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
STAND = os.path.join(ROOT, "brushedit-models/src/test/resources/standins/segment-tiny")
TOKENIZER = os.path.join(ROOT, "brushedit-models/src/test/resources/standins/sd15-tiny/tokenizer")


def pattern(w, h):
    """The test image, also built by the Java test: channel c of (x, y) is (x*7 + y*13 + c*50 + (x*y)%31) % 256."""
    y, x = np.mgrid[0:h, 0:w]
    return np.stack([(x * 7 + y * 13 + c * 50 + (x * y) % 31) % 256 for c in range(3)], -1).astype(np.uint8)


def nms(boxes, scores, thr):
    order = sorted(range(len(scores)), key=lambda i: (-scores[i], i))
    keep = []
    for i in order:
        ok = True
        for k in keep:
            a, b = boxes[i], boxes[k]
            iw = min(a[2], b[2]) - max(a[0], b[0])
            ih = min(a[3], b[3]) - max(a[1], b[1])
            inter = iw * ih if iw > 0 and ih > 0 else 0.0
            union = (a[2] - a[0]) * (a[3] - a[1]) + (b[2] - b[0]) * (b[3] - b[1]) - inter
            if union > 0 and inter / union > thr:
                ok = False
                break
        if ok:
            keep.append(i)
    return keep


def _pil_weights(n_in, n_out):
    """Pillow's precompute_coeffs + normalize_coeffs_8bpc for the bilinear filter, as an int64 matrix."""
    scale = n_in / n_out
    fs = max(scale, 1.0)
    m = np.zeros((n_out, n_in), np.int64)
    for o in range(n_out):
        c = (o + 0.5) * scale
        lo = max(0, int(c - fs + 0.5))
        n = min(n_in, int(c + fs + 0.5)) - lo
        k = [max(0.0, 1 - abs((i + lo - c + 0.5) / fs)) for i in range(n)]
        total = sum(k)
        for i in range(n):
            m[o, lo + i] = int(0.5 + (k[i] / total if total else k[i]) * (1 << 22))
    return m


def _horizontal_first(img, nw, nh):
    """Two 8-bit passes, horizontal first, as Pillow's Resample.c describes (our emulation, for the README)."""
    def clip(a):
        return np.where(a <= 0, 0, np.where(a >= (1 << 30), 255, a >> 22))
    a = img.astype(np.int64)
    a = clip(np.einsum("hwc,ow->hoc", a, _pil_weights(a.shape[1], nw)) + (1 << 21))
    return clip(np.einsum("hwc,oh->owc", a, _pil_weights(a.shape[0], nh)) + (1 << 21))


def pil_vectors():
    """Pillow's bilinear resize (what ResizeLongestSide.apply_image runs through torchvision) of test images."""
    import hashlib
    from PIL import Image
    out = []
    for (w, h), (nw, nh) in [((300, 200), (1024, 683)), ((2000, 1500), (1024, 768)), ((777, 333), (1024, 439)),
                             ((50, 3000), (17, 1024)), ((640, 480), (640, 100))]:
        img = pattern(w, h)
        r = np.array(Image.fromarray(img).resize((nw, nh), Image.BILINEAR))
        emu = _horizontal_first(img, nw, nh)
        out.append({"w": w, "h": h, "newW": nw, "newH": nh, "sha256": hashlib.sha256(r.tobytes()).hexdigest(),
                    "horizontalFirstExact": bool((emu == r).all()),
                    "horizontalFirstMaxDiff": int(np.abs(emu - r).max()),
                    "sample": [int(v) for v in r.reshape(-1)[::max(1, r.size // 50)][:50]]})
    return out


def sam_vectors():
    from segment_anything.utils.transforms import ResizeLongestSide
    from segment_anything.utils.amg import batched_mask_to_box, build_point_grid, calculate_stability_score
    sys.path.insert(0, os.path.join(ROOT, "tools/exporter/segment"))
    from make_segment_standins import tiny_sam
    sam = tiny_sam()
    t = ResizeLongestSide(1024)
    sizes = []
    for h, w in [(768, 1024), (200, 300), (3, 5000), (333, 777), (1024, 1024), (1500, 2250)]:
        nh, nw = ResizeLongestSide.get_preprocess_shape(h, w, 1024)
        pt = t.apply_coords(np.array([[w * 0.37, h * 0.81], [w, h]], dtype=np.float64), (h, w))
        sizes.append({"h": h, "w": w, "newH": nh, "newW": nw, "points": [w * 0.37, h * 0.81, w, h],
                      "mapped": pt.reshape(-1).tolist()})
    h, w = 768, 1024
    img = pattern(w, h)
    x = torch.as_tensor(img).permute(2, 0, 1)[None].float()
    x = sam.preprocess(x).numpy()
    enc = ort.InferenceSession(os.path.join(STAND, "sam/encoder.onnx"))
    dec = ort.InferenceSession(os.path.join(STAND, "sam/decoder.onnx"))
    emb = enc.run(None, {"image": x})[0]

    def decode(coords, labels):
        c = t.apply_coords(np.array(coords, dtype=np.float64).reshape(-1, 2), (h, w)).astype(np.float32)
        return dec.run(None, {"image_embeddings": emb, "point_coords": c[None],
                              "point_labels": np.array([labels], np.float32),
                              "mask_input": np.zeros((1, 1, 256, 256), np.float32),
                              "has_mask_input": np.zeros(1, np.float32),
                              "orig_im_size": np.array([h, w], np.float32)})

    prompts = []
    for name, coords, labels in [("box", [100, 150, 600, 500], [2, 3]),
                                 ("point", [400.5, 300.25, 0, 0], [1, -1]),
                                 ("points", [400, 300, 700, 200, 50, 60, 0, 0], [1, 1, 0, -1])]:
        m, iou, _ = decode(coords, labels)
        n = len(labels)
        # a box alone: SamPredictor with multimask_output=False (BrushEdit's run_grounded_sam) takes mask 0;
        # points: SamOnnxModel.select_masks
        best = 0 if name == "box" else int(np.argmax(iou[0] + (n - 2.5) * np.array([1000, 0, 0, 0])))
        mb = m[0] > 0
        prompts.append({"name": name, "iou": iou[0].tolist(), "best": best,
                        "areas": [int(a) for a in mb.reshape(4, -1).sum(1)],
                        "rowSums": [int(v) for v in mb[best].sum(1)]})
    # a 300x200 image: resized to 1024x683 by Pillow's bilinear resize (torchvision's resize of a PIL image)
    from PIL import Image
    sw, sh = 300, 200
    small = np.array(Image.fromarray(pattern(sw, sh)).resize((1024, 683), Image.BILINEAR))
    xs = sam.preprocess(torch.as_tensor(small).permute(2, 0, 1)[None].float()).numpy()
    emb_s = enc.run(None, {"image": xs})[0]
    c = t.apply_coords(np.array([[30, 40], [200, 150]], dtype=np.float64), (sh, sw)).astype(np.float32)
    m, iou, _ = dec.run(None, {"image_embeddings": emb_s, "point_coords": c[None],
                               "point_labels": np.array([[2, 3]], np.float32),
                               "mask_input": np.zeros((1, 1, 256, 256), np.float32),
                               "has_mask_input": np.zeros(1, np.float32),
                               "orig_im_size": np.array([sh, sw], np.float32)})
    resized = {"width": sw, "height": sh, "box": [30, 40, 200, 150], "iou": iou[0].tolist(),
               "areas": [int(a) for a in (m[0] > 0).reshape(4, -1).sum(1)]}
    # automatic masks, relaxed thresholds so the random stand-in keeps some
    n_side, iou_thr, stab_thr, off, nms_thr = 3, 0.0, 0.35, 0.1, 0.7
    grid = build_point_grid(n_side) * np.array([[w, h]])
    masks, ious, stabs, boxes = [], [], [], []
    for p in grid:
        m, iou, _ = decode([p[0], p[1], 0, 0], [1, -1])
        for k in range(1, 4):
            logits = torch.as_tensor(m[0, k])
            s = float(calculate_stability_score(logits[None], 0.0, off)[0])
            if not (iou[0, k] > iou_thr and s > stab_thr):
                continue
            binary = logits > 0
            masks.append(binary)
            ious.append(float(iou[0, k]))
            stabs.append(s)
            boxes.append([float(v) for v in batched_mask_to_box(binary[None])[0]])
    keep = nms(boxes, ious, nms_thr)
    amg = {"pointsPerSide": n_side, "predIouThreshold": iou_thr, "stabilityScoreThreshold": stab_thr,
           "stabilityScoreOffset": off, "boxNmsThreshold": nms_thr, "grid": grid.reshape(-1).tolist(),
           "candidates": len(masks),
           "masks": [{"iou": ious[i], "stability": stabs[i], "box": boxes[i], "area": int(masks[i].sum())}
                     for i in keep],
           "withoutNms": [{"iou": ious[i], "stability": stabs[i], "box": boxes[i], "area": int(masks[i].sum())}
                          for i in nms(boxes, ious, 1.0)]}
    return {"width": w, "height": h, "sizes": sizes, "prompts": prompts, "amg": amg, "pillowResize": pil_vectors(),
            "resizedBox": resized}


def detector_vectors():
    from transformers import CLIPTokenizer, Owlv2ImageProcessor
    h, w = 64, 96
    img = pattern(w, h)
    proc = Owlv2ImageProcessor(size={"height": 96, "width": 96})
    pixels = proc(images=img, return_tensors="np")["pixel_values"].astype(np.float32)
    tok = CLIPTokenizer(os.path.join(TOKENIZER, "vocab.json"), os.path.join(TOKENIZER, "merges.txt"),
                        pad_token="!")
    queries = ["a photo of a cat", "dog"]
    t = tok(queries, padding="max_length", max_length=16, truncation=True, return_tensors="np")
    det = ort.InferenceSession(os.path.join(STAND, "detector/model.onnx"))
    logits, boxes = det.run(None, {"input_ids": t["input_ids"].astype(np.int64),
                                   "attention_mask": t["attention_mask"].astype(np.int64), "pixel_values": pixels})
    probs = 1 / (1 + np.exp(-logits[0].astype(np.float64)))
    best = probs.argmax(-1)
    scores = probs.max(-1)
    side = max(w, h)
    cx, cy, bw, bh = [boxes[0][:, i].astype(np.float64) * side for i in range(4)]
    xyxy = np.stack([cx - bw / 2, cy - bh / 2, cx + bw / 2, cy + bh / 2], -1)
    order = np.argsort(-scores, kind="stable")
    return {"width": w, "height": h, "queries": queries, "inputIds": t["input_ids"].tolist(),
            "attentionMask": t["attention_mask"].tolist(),
            "pixelSample": [float(pixels[0, c, y, x]) for c, y, x in [(0, 0, 0), (1, 10, 50), (2, 63, 95), (0, 64, 10), (2, 95, 95), (1, 40, 80)]],
            "ranked": [{"score": float(scores[i]), "query": queries[int(best[i])], "box": xyxy[i].tolist()} for i in order]}


if __name__ == "__main__":
    # usage: segment_reference.py {sam|detector} OUT.json  (updates that part of OUT.json)
    part, path = sys.argv[1], sys.argv[2]
    out = json.load(open(path)) if os.path.exists(path) else {}
    out[part] = sam_vectors() if part == "sam" else detector_vectors()
    with open(path, "w") as f:
        json.dump(out, f, indent=1)
