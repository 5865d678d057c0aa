"""brushedit_export: exports Stable Diffusion 1.5 (+ BrushNet) checkpoints to the brushedit ONNX folder."""

__version__ = "0.1.0"

# Highest opset of torch's TorchScript-based exporter (ONNX Runtime 1.29 reads up to 23). Here, not in
# exporter.py, so that `brushedit-export --help` needs no torch.
MAX_OPSET = 20
