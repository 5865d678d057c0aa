"""The exporter end to end on tiny random-weight models: folder layout, graph contract, ONNX == torch."""

import json
import os

import numpy as np
import onnx
import pytest
import torch

from brushedit_export import tiny
from brushedit_export.__main__ import main as cli_main
from brushedit_export.exporter import Components, ExportOptions, export_folder, feature_names
from brushedit_export.onnx_io import run_onnx
from brushedit_export.unet_features import FusedBrushNetUNet
from conftest import STANDINS, TOKENIZER, report

F32, F16, I32, I64 = onnx.TensorProto.FLOAT, onnx.TensorProto.FLOAT16, onnx.TensorProto.INT32, onnx.TensorProto.INT64


def components(in_channels=4, brushnet=True):
    return Components(unet=tiny.tiny_unet(in_channels), text_encoder=tiny.tiny_text_encoder(), vae=tiny.tiny_vae(),
                      scheduler_config=dict(tiny.SD15_SCHEDULER), tokenizer_dir=TOKENIZER,
                      brushnet=tiny.tiny_brushnet() if brushnet else None)


@pytest.fixture(scope="module")
def folder(tmp_path_factory):
    out = tmp_path_factory.mktemp("export") / "sd15"
    result = export_folder(components(), str(out), ExportOptions(latent_hw=(8, 16)))
    for g in result.graphs:
        report(f"export check {g.name} (fp32), onnxruntime vs torch max abs err (max |ref| {g.max_abs_ref:.3g})",
               g.max_abs_err)
    return str(out)


def io(path):
    m = onnx.load(path, load_external_data=False)
    def one(v):
        t = v.type.tensor_type
        return v.name, t.elem_type, len(t.shape.dim)
    return [one(v) for v in m.graph.input], [one(v) for v in m.graph.output]


def test_layout_and_metadata(folder):
    for rel in ("model_index.json", "scheduler/scheduler_config.json", "tokenizer/vocab.json", "tokenizer/merges.txt",
                "text_encoder/model.onnx", "unet/model.onnx", "vae_encoder/model.onnx", "vae_decoder/model.onnx",
                "vae_decoder/config.json", "brushnet/model.onnx", "brushnet/config.json",
                "brushnet_unet/model.onnx"):
        assert os.path.isfile(os.path.join(folder, rel)), rel
    index = json.load(open(os.path.join(folder, "model_index.json")))
    assert index["brushedit"]["contract"] == 1
    assert index["brushedit"]["precision"] == "fp32"
    assert index["brushedit"]["unet_brushnet_inputs"] is True
    assert json.load(open(os.path.join(folder, "brushnet/config.json")))["brushedit_contract"] == 1
    assert json.load(open(os.path.join(folder, "vae_decoder/config.json")))["scaling_factor"] == pytest.approx(0.18215)
    with open(os.path.join(folder, "tokenizer/vocab.json"), "rb") as a, open(os.path.join(TOKENIZER, "vocab.json"), "rb") as b:
        assert a.read() == b.read()


def test_optimum_contract(folder):
    ins, outs = io(os.path.join(folder, "text_encoder/model.onnx"))
    assert ins == [("input_ids", I64, 2)]
    assert [o[0] for o in outs] == ["last_hidden_state", "pooler_output"]
    ins, outs = io(os.path.join(folder, "vae_encoder/model.onnx"))
    assert ins == [("sample", F32, 4)] and outs == [("latent_parameters", F32, 4)]
    ins, outs = io(os.path.join(folder, "vae_decoder/model.onnx"))
    assert ins == [("latent_sample", F32, 4)] and outs == [("sample", F32, 4)]
    names = feature_names(12, 15)
    ins, outs = io(os.path.join(folder, "brushnet/model.onnx"))
    assert ins == [("sample", F32, 4), ("timestep", F32, 1), ("brushnet_cond", F32, 4), ("conditioning_scale", F32, 1)]
    assert [o[0] for o in outs] == names
    ins, outs = io(os.path.join(folder, "unet/model.onnx"))
    assert ins[:3] == [("sample", F32, 4), ("timestep", F32, 1), ("encoder_hidden_states", F32, 3)]
    assert [i[0] for i in ins[3:]] == names and outs == [("out_sample", F32, 4)]
    ins, outs = io(os.path.join(folder, "brushnet_unet/model.onnx"))
    assert [i[0] for i in ins] == ["sample", "timestep", "encoder_hidden_states", "brushnet_cond",
                                   "conditioning_scale"]
    assert outs == [("out_sample", F32, 4)]


def test_onnx_matches_torch_at_other_sizes(folder):
    """Dynamic axes: b=2 images with guidance (batch 4), latent 16x8 (the export traced 8x16, batch 2)."""
    unet, brushnet = tiny.tiny_unet(), tiny.tiny_brushnet()
    g = torch.Generator().manual_seed(5)
    sample = torch.randn(2, 4, 16, 8, generator=g)
    x = {"sample": torch.cat([sample, sample]), "timestep": torch.tensor([37.5]),
         "encoder_hidden_states": torch.randn(4, 77, 8, generator=g),
         "brushnet_cond": torch.randn(2, 5, 16, 8, generator=g), "conditioning_scale": torch.tensor([1.0])}
    with torch.no_grad():
        ref = FusedBrushNetUNet(unet, brushnet)(*x.values()).numpy()
    got = run_onnx(os.path.join(folder, "brushnet_unet/model.onnx"), {k: v.numpy() for k, v in x.items()})[0]
    err = float(np.abs(got - ref).max())
    report("ONNX fused at batch 4 (b=2, k=2), latent 16x8, vs torch, max abs err", err)
    assert err < 1e-4

    feats = run_onnx(os.path.join(folder, "brushnet/model.onnx"),
                     {"sample": x["sample"][:2].numpy(), "timestep": x["timestep"].numpy(),
                      "brushnet_cond": x["brushnet_cond"].numpy(), "conditioning_scale": x["conditioning_scale"].numpy()})
    feeds = {"sample": x["sample"].numpy(), "timestep": x["timestep"].numpy(),
             "encoder_hidden_states": x["encoder_hidden_states"].numpy()}
    feeds.update({n: np.concatenate([f, f]) for n, f in zip(feature_names(12, 15), feats)})
    separate = run_onnx(os.path.join(folder, "unet/model.onnx"), feeds)[0]
    assert float(np.abs(separate - got).max()) < 1e-5


def test_text_encoder_and_vae_match_torch(folder):
    te, vae = tiny.tiny_text_encoder(), tiny.tiny_vae()
    ids = torch.tensor([[49406, 320, 1929, 49407] + [49407] * 73, [49406, 49407] + [49407] * 75])
    with torch.no_grad():
        ref = te(input_ids=ids)
    got = run_onnx(os.path.join(folder, "text_encoder/model.onnx"), {"input_ids": ids.numpy()})
    assert np.abs(got[0] - ref.last_hidden_state.numpy()).max() < 1e-5
    assert np.abs(got[1] - ref.pooler_output.numpy()).max() < 1e-5
    image = torch.rand(1, 3, 40, 48) * 2 - 1
    with torch.no_grad():
        params = vae.encode(image).latent_dist.parameters.numpy()
        dec = vae.decode(torch.from_numpy(params[:, :4])).sample.numpy()
    got = run_onnx(os.path.join(folder, "vae_encoder/model.onnx"), {"sample": image.numpy()})[0]
    assert got.shape == (1, 8, 5, 6) and np.abs(got - params).max() < 1e-5
    got = run_onnx(os.path.join(folder, "vae_decoder/model.onnx"), {"latent_sample": params[:, :4]})[0]
    assert np.abs(got - dec).max() < 1e-4


def test_legacy_fp16_inpaint_and_external(tmp_path):
    out = tmp_path / "legacy"
    export_folder(components(brushnet=False), str(out), ExportOptions(flavour="legacy", latent_hw=(8, 8)))
    assert io(str(out / "text_encoder/model.onnx"))[0] == [("input_ids", I32, 2)]
    assert io(str(out / "unet/model.onnx"))[0][1] == ("timestep", F32, 1)
    assert io(str(out / "vae_encoder/model.onnx"))[1] == [("latent_sample", F32, 4)]
    assert json.load(open(out / "model_index.json"))["_class_name"] == "OnnxStableDiffusionPipeline"

    out = tmp_path / "fp16"
    result = export_folder(components(), str(out), ExportOptions(precision="fp16", latent_hw=(8, 8),
                                                                 external_data="always"))
    for g in result.graphs:
        report(f"export check {g.name} (fp16), onnxruntime vs torch max abs err (max |ref| {g.max_abs_ref:.3g})",
               g.max_abs_err)
        assert g.external and os.path.isfile(os.path.join(os.path.dirname(g.path), "model.onnx_data"))
    assert io(str(out / "unet/model.onnx"))[0][:3] == [("sample", F16, 4), ("timestep", F32, 1),
                                                       ("encoder_hidden_states", F16, 3)]
    assert io(str(out / "text_encoder/model.onnx"))[1][0] == ("last_hidden_state", F16, 3)

    out = tmp_path / "inpaint"
    export_folder(components(in_channels=9, brushnet=False), str(out), ExportOptions(latent_hw=(8, 8)))
    m = onnx.load(str(out / "unet/model.onnx"), load_external_data=False)
    assert m.graph.input[0].type.tensor_type.shape.dim[1].dim_value == 9
    assert io(str(out / "unet/model.onnx"))[0][1] == ("timestep", F32, 0)
    assert "Inpaint" in json.load(open(out / "model_index.json"))["_class_name"]


def test_instruct_pix2pix_unet(tmp_path):
    """The 8-channel IP2P / MagicBrush UNet: a plain UNet graph with 8 input channels, the IP2P pipeline class."""
    out = tmp_path / "ip2p"
    result = export_folder(components(in_channels=8, brushnet=False), str(out), ExportOptions(latent_hw=(8, 8)))
    m = onnx.load(str(out / "unet/model.onnx"), load_external_data=False)
    assert m.graph.input[0].type.tensor_type.shape.dim[1].dim_value == 8
    assert io(str(out / "unet/model.onnx"))[0] == [("sample", F32, 4), ("timestep", F32, 0),
                                                   ("encoder_hidden_states", F32, 3)]
    assert json.load(open(out / "model_index.json"))["_class_name"] == "ORTStableDiffusionInstructPix2PixPipeline"
    assert not os.path.exists(out / "brushnet") and not os.path.exists(out / "brushnet_unet")
    assert max(g.max_abs_err for g in result.graphs) < 2e-4
    with pytest.raises(ValueError, match="8: InstructPix2Pix"):
        export_folder(components(in_channels=8, brushnet=False), str(tmp_path / "y"),
                      ExportOptions(unet_brushnet_inputs=True))
    with pytest.raises(ValueError, match="5 input channels"):
        export_folder(components(in_channels=5, brushnet=False), str(tmp_path / "z"), ExportOptions())


def test_cross_attention_outputs(tmp_path):
    """ZONE's attention maps as extra outputs: names, shapes, ONNX == the probabilities torch computes."""
    from brushedit_export.attention import zone_layers
    out = tmp_path / "ip2p-attn"
    export_folder(components(in_channels=8, brushnet=False), str(out),
                  ExportOptions(latent_hw=(8, 8), cross_attention_outputs=True))
    names = [o for o in io(str(out / "unet/model.onnx"))[1]]
    expected = ["cross_attention_up_1_0", "cross_attention_up_1_1", "cross_attention_up_1_2",
                "cross_attention_down_2_0", "cross_attention_down_2_1"]
    assert [n for n, _, _ in names] == ["out_sample"] + expected
    unet = tiny.tiny_unet(in_channels=8)
    captured = {}
    for name, attn in zone_layers(unet):
        orig = attn.get_attention_scores
        attn.get_attention_scores = lambda q, k, m=None, _o=orig, _n=name: captured.setdefault(_n, _o(q, k, m))
    from diffusers.models.attention_processor import AttnProcessor
    for _, attn in zone_layers(unet):
        attn.set_processor(AttnProcessor())
    g = torch.Generator().manual_seed(3)
    sample, ctx = torch.randn(3, 8, 16, 24, generator=g), torch.randn(3, 77, tiny.TEXT_HIDDEN, generator=g)
    with torch.no_grad():
        ref = unet(sample, torch.tensor(401.0), ctx).sample
    got = run_onnx(str(out / "unet/model.onnx"), {"sample": sample.numpy(), "timestep": np.array(401.0, np.float32),
                                                 "encoder_hidden_states": ctx.numpy()})
    assert np.abs(got[0] - ref.numpy()).max() < 1e-4
    for name, value in zip(expected, got[1:]):
        assert value.shape == (3 * 2, 4 * 6, 77), (name, value.shape)  # batch * heads, (16/4)*(24/4), tokens
        assert np.abs(value - captured[name].numpy()).max() < 1e-5
        assert np.allclose(value.sum(-1), 1, atol=1e-5)
    with pytest.raises(ValueError, match="plain UNet graph"):
        export_folder(components(in_channels=4, brushnet=True), str(tmp_path / "b"),
                      ExportOptions(latent_hw=(8, 8), cross_attention_outputs=True))


def test_rejects_bad_combinations(tmp_path):
    with pytest.raises(ValueError, match="9 input channels"):
        export_folder(components(in_channels=9), str(tmp_path / "x"), ExportOptions())
    for bad in (dict(precision="bf16"), dict(opset=13), dict(opset=21), dict(flavour="tf"), dict(latent_hw=(10, 8)),
                dict(external_data="sometimes")):
        with pytest.raises(ValueError):
            ExportOptions(**bad).validate()


def test_cli_on_diffusers_and_brushnet_folders(tmp_path, capsys):
    src = tmp_path / "sd"
    c = components()
    c.unet.save_pretrained(str(src / "unet"))
    c.vae.save_pretrained(str(src / "vae"))
    c.text_encoder.save_pretrained(str(src / "text_encoder"))
    os.makedirs(src / "scheduler")
    json.dump(tiny.SD15_SCHEDULER, open(src / "scheduler/scheduler_config.json", "w"))
    os.makedirs(src / "tokenizer")
    for name in ("vocab.json", "merges.txt"):
        with open(os.path.join(TOKENIZER, name), "rb") as f, open(src / "tokenizer" / name, "wb") as g:
            g.write(f.read())
    c.brushnet.save_pretrained(str(tmp_path / "bn"))
    out = tmp_path / "out"
    assert cli_main([str(src), str(out), "--brushnet", str(tmp_path / "bn"), "--no-separate",
                     "--check-size", "8", "8"]) == 0
    summary = capsys.readouterr().out
    assert "brushnet_unet" in summary and "max abs err" in summary
    assert os.path.isfile(out / "brushnet_unet/model.onnx") and not os.path.exists(out / "brushnet")
    assert io(str(out / "unet/model.onnx"))[0][1] == ("timestep", F32, 0)  # plain optimum UNet
    out2 = tmp_path / "unet_only"
    assert cli_main([str(src), str(out2), "--unet-only", "--unet-brushnet-inputs", "--check-size", "8", "8"]) == 0
    assert sorted(os.listdir(out2)) == ["model_index.json", "unet"]
    assert len(io(str(out2 / "unet/model.onnx"))[0]) == 3 + 28
    assert cli_main([str(tmp_path / "missing"), str(out2)]) == 2
    assert "neither a diffusers folder" in capsys.readouterr().err


@pytest.mark.skipif(not os.path.isdir(STANDINS), reason="stand-ins not present")
def test_committed_standins_properties():
    """Zero features == the plain UNet of sd15-tiny; fused == brushnet + unet (what the Java tests may rely on)."""
    g = np.random.default_rng(3)
    b = "sd15-tiny-brushnet"
    sample = g.standard_normal((1, 4, 8, 8), dtype=np.float32)
    x = {"sample": np.concatenate([sample, sample]), "timestep": np.array([500.0], np.float32),
         "encoder_hidden_states": g.standard_normal((2, 77, 8), dtype=np.float32)}
    cond = g.standard_normal((1, 5, 8, 8), dtype=np.float32)
    scale = np.array([1.0], np.float32)
    feats = run_onnx(os.path.join(STANDINS, b, "brushnet/model.onnx"),
                     {"sample": sample, "timestep": x["timestep"], "brushnet_cond": cond, "conditioning_scale": scale})
    names = feature_names(12, 15)
    with_f = run_onnx(os.path.join(STANDINS, b, "unet/model.onnx"),
                      {**x, **{n: np.concatenate([f, f]) for n, f in zip(names, feats)}})[0]
    fused = run_onnx(os.path.join(STANDINS, b, "brushnet_unet/model.onnx"),
                     {**x, "brushnet_cond": cond, "conditioning_scale": scale})[0]
    assert np.abs(with_f - fused).max() < 1e-5
    zero = run_onnx(os.path.join(STANDINS, b, "unet/model.onnx"),
                    {**x, **{n: np.zeros((2,) + f.shape[1:], np.float32) for n, f in zip(names, feats)}})[0]
    plain = run_onnx(os.path.join(STANDINS, "sd15-tiny", "unet/model.onnx"),
                     {**x, "timestep": np.array(500.0, np.float32)})[0]
    assert np.abs(zero - plain).max() < 1e-5 and np.abs(with_f - plain).max() > 1e-2


def test_external_data_auto_follows_the_size_limit(tmp_path):
    from brushedit_export.onnx_io import export_graph
    conv = torch.nn.Conv2d(4, 8, 3).eval()
    x = torch.randn(1, 4, 8, 8)
    args = (conv, (x,), None, ["x"], ["y"], {"x": {0: "n"}}, 17)
    small = str(tmp_path / "small" / "model.onnx")
    assert export_graph(*args[:2], small, *args[3:], external="auto") is False
    assert not os.path.exists(tmp_path / "small" / "model.onnx_data")
    big = str(tmp_path / "big" / "model.onnx")
    assert export_graph(*args[:2], big, *args[3:], external="auto", limit=100) is True
    assert os.path.getsize(tmp_path / "big" / "model.onnx_data") >= 8 * 4 * 9 * 4
    with torch.no_grad():
        ref = conv(x).numpy()
    assert np.abs(run_onnx(big, {"x": x.numpy()})[0] - ref).max() < 1e-6
    with pytest.raises(ValueError, match="2 GB"):
        export_graph(*args[:2], str(tmp_path / "never" / "model.onnx"), *args[3:], external="never", limit=100)
