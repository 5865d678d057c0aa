"""The BrushNet path refuses UNet / BrushNet config options its forwards do not implement, naming the key."""

import types

import pytest

from brushedit_export.brushnet import BrushNetConfig
from brushedit_export.unet_features import check_sd15_unet


def with_config(unet, **changes):
    config = dict(unet.config)
    config.update(changes)
    return types.SimpleNamespace(config=config)


def test_the_sd15_family_tiny_unet_passes(unet):
    check_sd15_unet(unet)


@pytest.mark.parametrize("key,value", [
    ("time_embedding_act_fn", "silu"),
    ("center_input_sample", True),
    ("time_embedding_type", "fourier"),
    ("class_embeddings_concat", True),
    ("attention_type", "gated"),
    ("time_cond_proj_dim", 256),
    ("encoder_hid_dim_type", "text_proj"),
])
def test_unimplemented_unet_options_are_refused_by_name(unet, key, value):
    with pytest.raises(ValueError, match=key):
        check_sd15_unet(with_config(unet, **{key: value}))


def test_unknown_options_are_refused_unless_off(unet):
    with pytest.raises(ValueError, match="some_future_option"):
        check_sd15_unet(with_config(unet, some_future_option=3))
    check_sd15_unet(with_config(unet, some_future_option=None, _name_or_path="x"))


def test_honoured_options_may_take_any_value(unet):
    check_sd15_unet(with_config(unet, timestep_post_act="silu", resnet_out_scale_factor=2.0, upcast_attention=True))


def test_unimplemented_block_types_are_refused(unet):
    down = list(unet.config.down_block_types)
    down[0] = "SimpleCrossAttnDownBlock2D"
    with pytest.raises(ValueError, match="down_block_types"):
        check_sd15_unet(with_config(unet, down_block_types=down))


def test_brushnet_config_refuses_unimplemented_forward_options():
    base = BrushNetConfig().to_dict()
    BrushNetConfig.from_dict(dict(base, attention_head_dim=8, conditioning_embedding_out_channels=[16, 32]))
    for key, value in (("time_embedding_act_fn", "silu"), ("center_input_sample", True), ("timestep_post_act", "silu")):
        with pytest.raises(ValueError, match=key):
            BrushNetConfig.from_dict(dict(base, **{key: value}))
