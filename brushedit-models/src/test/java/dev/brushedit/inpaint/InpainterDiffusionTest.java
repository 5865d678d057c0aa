package dev.brushedit.inpaint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.brushedit.core.ModelException;
import dev.brushedit.core.image.Box;
import dev.brushedit.core.image.Mask;
import dev.brushedit.core.image.RgbImage;
import dev.brushedit.core.scheduler.SchedulerType;
import dev.brushedit.core.tensor.Tensor;
import dev.brushedit.models.BrushNet;
import dev.brushedit.models.ModelFolder;
import dev.brushedit.models.VaeEncoder;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The diffusion backends end to end on the exporter's tiny stand-in graphs. */
class InpainterDiffusionTest {
    static final Path STANDINS = Path.of("src/test/resources/standins");
    static final Path BRUSHNET = STANDINS.resolve("sd15-tiny-brushnet");

    private static final InpaintRequest FAST = InpaintRequest.builder().prompt("a red apple").negativePrompt("blurry")
            .steps(4).seed(42).scheduler(SchedulerType.DDIM).strategy(LargeImageStrategy.original()).build();

    private static Mask centreHole(int w, int h) {
        return Mask.ofBox(w, h, new Box(w / 4, h / 4, w * 3 / 4, h * 3 / 4));
    }

    private static float maxDiff(RgbImage a, RgbImage b) {
        int m = 0;
        for (int y = 0; y < a.height(); y++) {
            for (int x = 0; x < a.width(); x++) {
                for (int c = 0; c < 3; c++) {
                    m = Math.max(m, Math.abs(a.channel(x, y, c) - b.channel(x, y, c)));
                }
            }
        }
        return m;
    }

    @Test
    void requestSchedulerOptionsAndPromptSyntaxAreUsedAndRecorded() {
        RgbImage image = InpainterPatchMatchTest.stripes(64, 64);
        Mask mask = centreHole(64, 64);
        InpaintRequest weighted = FAST.toBuilder().prompt("a (red:1.8) apple").build();
        try (Inpainter inpainter = Inpainter.builder().checkpoint(BRUSHNET).build()) {
            InpaintResult base = inpainter.inpaint(image, mask, weighted);
            InpaintResult trailing = inpainter.inpaint(image, mask, weighted.toBuilder()
                    .schedulerOption("timestep_spacing", "trailing").build());
            InpaintResult plain = inpainter.inpaint(image, mask, weighted.toBuilder()
                    .promptSyntax(dev.brushedit.models.text.PromptSyntax.PLAIN).build());
            assertThat(base.provenance().schedulerConfig()).doesNotContain("trailing");
            assertThat(trailing.provenance().schedulerConfig()).contains("\"timestep_spacing\" : \"trailing\"");
            assertThat(dev.brushedit.core.scheduler.SchedulerConfig.fromJson(trailing.provenance().schedulerConfig())
                    .timestepSpacing()).contains(dev.brushedit.core.scheduler.SchedulerConfig.TimestepSpacing.TRAILING);
            assertThat(maxDiff(base.image(), trailing.image())).as("trailing spacing runs other timesteps").isPositive();
            assertThat(maxDiff(base.image(), plain.image())).as("plain syntax encodes other ids").isPositive();
            assertThat(plain.provenance().request().promptSyntax()).isEqualTo(dev.brushedit.models.text.PromptSyntax.PLAIN);
        }
    }

    @Test
    void fusedBrushNetInpaintsAndRecordsProvenance() {
        RgbImage image = InpainterPatchMatchTest.stripes(128, 96);
        Mask mask = centreHole(128, 96);
        List<Integer> steps = new ArrayList<>();
        try (Inpainter inpainter = Inpainter.builder().checkpoint(BRUSHNET).build()) {
            assertThat(inpainter.backendName()).isEqualTo("brushnet-fused");
            InpaintResult r = inpainter.inpaint(image, mask, FAST, new ProgressListener() {
                @Override
                public void onStep(int step, int total, RgbImage preview) {
                    steps.add(step);
                    assertThat(preview).isNotNull();
                }

                @Override
                public boolean wantsPreview() {
                    return true;
                }
            }, null);
            assertThat(steps).containsExactly(1, 2, 3, 4);
            assertThat(r.image().width()).isEqualTo(128);
            assertThat(r.image().height()).isEqualTo(96);
            assertThat(r.image().rgb(0, 0)).isEqualTo(image.rgb(0, 0));
            assertThat(maxDiff(r.image(), image)).isPositive();
            Provenance p = r.provenance();
            assertThat(p.backend()).isEqualTo("brushnet-fused");
            assertThat(p.modelHashes()).containsKeys("brushnet_unet/model.onnx", "text_encoder/model.onnx", "vae_decoder/model.onnx");
            assertThat(p.modelHashes().values()).allSatisfy(h -> assertThat(h).hasSize(64));
            assertThat(p.scheduler()).isEqualTo("DDIMScheduler");
            assertThat(p.schedulerConfig()).contains("scaled_linear");
            assertThat(p.stageTimings()).containsKeys("text", "vae-encode", "unet+brushnet", "scheduler", "vae-decode", "blend");
            assertThat(p.workRegion()).contains("padded to 128x128");
        }
    }

    @Test
    void theSameSeedReproducesAndAnotherSeedDiffers() {
        RgbImage image = InpainterPatchMatchTest.stripes(64, 64);
        Mask mask = centreHole(64, 64);
        try (Inpainter inpainter = Inpainter.builder().checkpoint(BRUSHNET).build()) {
            RgbImage a = inpainter.inpaint(image, mask, FAST).image();
            RgbImage b = inpainter.inpaint(image, mask, FAST).image();
            RgbImage c = inpainter.inpaint(image, mask, FAST.toBuilder().seed(43).build()).image();
            assertThat(a.samePixels(b)).isTrue();
            assertThat(a.samePixels(c)).isFalse();
        }
    }

    @Test
    void fusedAndSeparateGraphsGiveTheSameImage() {
        RgbImage image = InpainterPatchMatchTest.stripes(64, 64);
        Mask mask = centreHole(64, 64);
        RgbImage fused;
        RgbImage separate;
        try (Inpainter inpainter = Inpainter.builder().checkpoint(BRUSHNET).build()) {
            fused = inpainter.inpaint(image, mask, FAST).image();
        }
        try (Inpainter inpainter = Inpainter.builder().checkpoint(BRUSHNET).brushnet(BRUSHNET.resolve("brushnet")).build()) {
            assertThat(inpainter.backendName()).isEqualTo("brushnet");
            separate = inpainter.inpaint(image, mask, FAST).image();
        }
        assertThat(maxDiff(fused, separate)).isLessThanOrEqualTo(1f);
    }

    @Test
    void brushNetFeaturesAtBatchOneEqualThoseAtBatchTwo() {
        try (ModelFolder folder = ModelFolder.open(BRUSHNET)) {
            BrushNet net = folder.brushNet();
            Tensor x = Tensor.zeros(1, 4, 8, 8);
            Tensor cond = Tensor.zeros(1, 5, 8, 8);
            for (int i = 0; i < x.size(); i++) {
                x.setFlat(i, (float) Math.sin(i * 0.37));
            }
            for (int i = 0; i < cond.size(); i++) {
                cond.setFlat(i, (float) Math.cos(i * 0.11));
            }
            Map<String, Tensor> one = net.features(x, 500f, cond, 0.8f, "batch 1");
            Map<String, Tensor> two = net.features(x.repeatBatch(2), 500f, cond.repeatBatch(2), 0.8f, "batch 2");
            assertThat(one).hasSameSizeAs(two);
            for (String name : one.keySet()) {
                Tensor expected = one.get(name).repeatBatch(2);
                assertThat(two.get(name).maxAbsDiff(expected)).as(name).isLessThanOrEqualTo(1e-5f);
            }
        }
    }

    @Test
    void sdInpaintingUnetIsASecondBackendBehindTheSameApi() {
        RgbImage image = InpainterPatchMatchTest.stripes(64, 64);
        try (Inpainter inpainter = Inpainter.builder().checkpoint(STANDINS.resolve("sd15-tiny-inpaint")).build()) {
            assertThat(inpainter.backendName()).isEqualTo("sd-inpainting");
            InpaintResult r = inpainter.inpaint(image, centreHole(64, 64), FAST);
            assertThat(r.image().rgb(0, 0)).isEqualTo(image.rgb(0, 0));
            assertThat(r.provenance().modelHashes()).containsKey("unet/model.onnx");
        }
    }

    @Test
    void mismatchedModelsAreRejectedBeforeAnyWork() {
        assertThatThrownBy(() -> Inpainter.builder().checkpoint(STANDINS.resolve("sd15-tiny"))
                .brushnet(BRUSHNET.resolve("brushnet")).build())
                .isInstanceOf(ModelException.class).hasMessageContaining("no BrushNet feature inputs");
        assertThatThrownBy(() -> Inpainter.builder().checkpoint(STANDINS.resolve("sd15-tiny")).build())
                .isInstanceOf(ModelException.class).hasMessageContaining("no BrushNet graphs");
        assertThatThrownBy(() -> Inpainter.builder().checkpoint(BRUSHNET)
                .brushnet(STANDINS.resolve("brushnet-tiny-mismatched")).build())
                .isInstanceOf(ModelException.class).hasMessageContaining("channels but the UNet expects")
                .hasMessageContaining("different model families");
        assertThatThrownBy(() -> Inpainter.builder().checkpoint(BRUSHNET).backend(Inpainter.Backend.SD_INPAINTING).build())
                .isInstanceOf(ModelException.class).hasMessageContaining("9-channel");
    }

    @Test
    void preservationScaleAndTheBrushNetWindowChangeTheResult() {
        RgbImage image = InpainterPatchMatchTest.stripes(64, 64);
        Mask mask = centreHole(64, 64);
        try (Inpainter inpainter = Inpainter.builder().checkpoint(BRUSHNET).conditionSampling(VaeEncoder.Sampling.MEAN).build()) {
            RgbImage full = inpainter.inpaint(image, mask, FAST).image();
            RgbImage off = inpainter.inpaint(image, mask, FAST.toBuilder().preservationScale(0).build()).image();
            RgbImage early = inpainter.inpaint(image, mask, FAST.toBuilder().brushnetWindow(0, 0.5).build()).image();
            RgbImage again = inpainter.inpaint(image, mask, FAST).image();
            assertThat(full.samePixels(again)).isTrue();
            assertThat(maxDiff(full, off)).isPositive();
            assertThat(maxDiff(full, early)).isPositive();
            assertThat(maxDiff(off, early)).isPositive();
        }
    }

    @Test
    void anAllOnesMaskRegeneratesTheWholeImage() {
        RgbImage image = InpainterPatchMatchTest.stripes(64, 64);
        try (Inpainter inpainter = Inpainter.builder().checkpoint(BRUSHNET).build()) {
            InpaintResult r = inpainter.inpaint(image, Mask.full(64, 64), FAST);
            assertThat(r.image().width()).isEqualTo(64);
            assertThat(maxDiff(r.image(), image)).isPositive();
        }
    }

    @Test
    void theCropStrategyWorksOnAPartOfALargerImage() {
        RgbImage image = InpainterPatchMatchTest.stripes(300, 200);
        Mask mask = Mask.ofBox(300, 200, new Box(200, 120, 220, 140));
        InpaintRequest crop = FAST.toBuilder().strategy(LargeImageStrategy.crop(16, 512)).build();
        try (Inpainter inpainter = Inpainter.builder().checkpoint(BRUSHNET).build()) {
            InpaintResult r = inpainter.inpaint(image, mask, crop);
            assertThat(r.provenance().workRegion()).startsWith("region (184,104)-(236,156)");
            assertThat(r.image().rgb(10, 10)).isEqualTo(image.rgb(10, 10));
        }
    }
}
