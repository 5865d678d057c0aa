"""Which UNet / BrushNet config options our BrushNet-path forwards implement, and a check that refuses the rest.

Our UNet forward (``unet_features.unet_forward``) and BrushNet branch re-implement the model forward, so an
option that diffusers applies in its own ``forward`` (``center_input_sample``, ``time_embedding_act_fn``, ...)
would be silently dropped and the exported graph would differ from the reference while passing its own
check against the same re-implementation. Options are therefore allow-listed: an option is either honoured
(the diffusers-built modules our forward calls apply it), or assumed at its SD1.5 default, which must hold.
Torch-free so that the CLI and the tests can import it cheaply.
"""

from __future__ import annotations

from typing import Dict, Iterable, Mapping

_MISSING = object()

# Options that shape the diffusers-built submodules our UNet forward calls, so any value is honoured.
UNET_HONOURED = frozenset({
    "sample_size", "in_channels", "out_channels", "flip_sin_to_cos", "freq_shift", "down_block_types",
    "mid_block_type", "up_block_types", "only_cross_attention", "block_out_channels", "layers_per_block",
    "downsample_padding", "mid_block_scale_factor", "dropout", "act_fn", "norm_num_groups", "norm_eps",
    "cross_attention_dim", "transformer_layers_per_block", "reverse_transformer_layers_per_block",
    "attention_head_dim", "num_attention_heads", "dual_cross_attention", "use_linear_projection",
    "upcast_attention", "resnet_time_scale_shift", "resnet_skip_time_act", "resnet_out_scale_factor",
    "time_embedding_dim", "timestep_post_act", "conv_in_kernel", "conv_out_kernel", "cross_attention_norm",
    "mid_block_only_cross_attention", "addition_embed_type_num_heads",
})

# Options applied in diffusers' own forward (or needing extra inputs) that our forward does not implement:
# they must keep the default, which is SD1.5's.
UNET_ASSUMED_DEFAULTS: Dict[str, object] = {
    "center_input_sample": False,
    "time_embedding_type": "positional",
    "time_embedding_act_fn": None,
    "time_cond_proj_dim": None,
    "class_embed_type": None,
    "num_class_embeds": None,
    "class_embeddings_concat": False,
    "projection_class_embeddings_input_dim": None,
    "addition_embed_type": None,
    "addition_time_embed_dim": None,
    "encoder_hid_dim": None,
    "encoder_hid_dim_type": None,
    "attention_type": "default",
}

UNET_BLOCK_TYPES = {
    "down_block_types": ("CrossAttnDownBlock2D", "DownBlock2D"),
    "up_block_types": ("CrossAttnUpBlock2D", "UpBlock2D"),
}

# The BrushNet branch is attention-free: attention options in its config.json shape nothing.
BRUSHNET_IGNORED = frozenset({
    "sample_size", "out_channels", "dropout", "cross_attention_dim", "transformer_layers_per_block",
    "reverse_transformer_layers_per_block", "attention_head_dim", "num_attention_heads", "dual_cross_attention",
    "use_linear_projection", "upcast_attention", "only_cross_attention", "mid_block_only_cross_attention",
    "cross_attention_norm", "attention_type", "addition_embed_type_num_heads",
    "conditioning_embedding_out_channels",
})

# Forward-level options our BrushNet branch does not implement (BrushNetConfig checks its own fields).
BRUSHNET_ASSUMED_DEFAULTS: Dict[str, object] = {
    "center_input_sample": False,
    "time_embedding_type": "positional",
    "time_embedding_act_fn": None,
    "time_embedding_dim": None,
    "timestep_post_act": None,
    "time_cond_proj_dim": None,
    "resnet_skip_time_act": False,
    "resnet_out_scale_factor": 1.0,
    "conv_in_kernel": 3,
    "conv_out_kernel": 3,
    "class_embeddings_concat": False,
    "projection_class_embeddings_input_dim": None,
    "addition_time_embed_dim": None,
    "encoder_hid_dim_type": None,
}


def unimplemented_options(config: Mapping[str, object], honoured: Iterable[str],
                          assumed: Mapping[str, object]) -> Dict[str, str]:
    """Option name -> why it is refused, for every option that is neither honoured nor at its assumed default.

    Keys starting with ``_`` are metadata (``_class_name``, ``_diffusers_version``). An option we do not know
    at all is refused unless it is null or false (an unknown option switched on changes the model in a way
    we cannot reproduce).
    """
    honoured = set(honoured)
    problems: Dict[str, str] = {}
    for key in sorted(config):
        value = config[key]
        if key.startswith("_") or key in honoured:
            continue
        default = assumed.get(key, _MISSING)
        if default is _MISSING:
            if value is not None and value is not False:
                problems[key] = f"{key}={value!r} is an option this exporter does not know"
        elif _differs(value, default):
            problems[key] = f"{key}={value!r} is not implemented (only the default {default!r} is)"
    return problems


def _differs(value, default) -> bool:
    if isinstance(default, float) and isinstance(value, (int, float)) and not isinstance(value, bool):
        return float(value) != default
    return value != default


def refuse(what: str, problems: Mapping[str, str]) -> None:
    """Raises ValueError naming every refused option of ``what`` (a no-op when there are none)."""
    if problems:
        raise ValueError(f"{what}: " + "; ".join(problems.values())
                         + ". The exported graph would silently differ from the reference model, so the "
                           "export stops; use an SD1.5-family model with these options at their defaults")
