"""brushedit_export: exports Stable Diffusion 1.5 (+ BrushNet) checkpoints to the brushedit ONNX folder."""

__version__ = "0.1.0"
