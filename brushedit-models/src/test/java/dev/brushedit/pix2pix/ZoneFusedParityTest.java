package dev.brushedit.pix2pix;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.brushedit.core.InvalidInputException;
import dev.brushedit.core.ModelException;
import dev.brushedit.core.image.ImageFiles;
import dev.brushedit.core.image.RgbImage;
import dev.brushedit.core.scheduler.SchedulerType;
import dev.brushedit.core.tensor.Tensor;
import dev.brushedit.inpaint.InpaintResult;
import dev.brushedit.inpaint.LargeImageStrategy;
import dev.brushedit.inpaint.ProgressListener;
import dev.brushedit.inpaint.internal.StageTimer;
import dev.brushedit.models.ModelFolder;
import dev.brushedit.models.StandIns;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * ZONE's fused InstructPix2Pix + MagicBrush denoising against ZONE's own
 * {@code text2image_instructpix2pix_blend} on the ip2p-tiny / magicbrush-tiny stand-ins (see
 * resources/zone-fused-parity/README.md).
 */
class ZoneFusedParityTest {
    private static final Logger LOG = LoggerFactory.getLogger(ZoneFusedParityTest.class);
    private static final Path REF = Path.of("src/test/resources/zone-fused-parity");
    private static final Path IP2P = Path.of("src/test/resources/standins/ip2p-tiny");
    private static final Path MAGICBRUSH = Path.of("src/test/resources/standins/magicbrush-tiny");

    private static InstructPix2Pix ip2p;
    private static ModelFolder magicBrush;

    @BeforeAll
    static void open() {
        ip2p = InstructPix2Pix.builder().checkpoint(IP2P).build();
        magicBrush = ModelFolder.open(MAGICBRUSH);
    }

    @AfterAll
    static void close() {
        ip2p.close();
        magicBrush.close();
    }

    private static float[] reference(String name) throws IOException {
        ByteBuffer b = ByteBuffer.wrap(Files.readAllBytes(REF.resolve(name + ".f32"))).order(ByteOrder.LITTLE_ENDIAN);
        float[] v = new float[b.remaining() / 4];
        b.asFloatBuffer().get(v);
        return v;
    }

    private static Tensor fused(SchedulerType scheduler, int steps, double guidance, double imageGuidance, long seed, double beta)
            throws IOException {
        Pix2PixRequest request = Pix2PixRequest.builder().instruction("remove the cat").scheduler(scheduler).steps(steps)
                .guidanceScale(guidance).imageGuidanceScale(imageGuidance).seed(seed).strategy(LargeImageStrategy.original()).build();
        RgbImage image = ImageFiles.read(REF.resolve("image.png"));
        return ip2p.pipeline().generateDecoded(image, request, seed, new Pix2PixPipeline.Fusion(magicBrush.unet(), (float) beta),
                ProgressListener.NONE, null, new StageTimer());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"dpm_remove, DPM_SOLVER_MULTISTEP, REMOVE, 0.2, 8, 7.5, 1.5, 42",
        "dpm_change, DPM_SOLVER_MULTISTEP, CHANGE, 0.2, 8, 7.5, 1.5, 42",
        "unipc_remove, UNIPC, REMOVE, 0.5, 6, 5.0, 1.2, 9"})
    void fusedImageMatchesZonesOwnLoop(String name, SchedulerType scheduler, ZoneAction action, double removeBeta, int steps,
            double guidance, double imageGuidance, long seed) throws IOException {
        float err = Pix2PixPipelineParityTest.maxDiff(fused(scheduler, steps, guidance, imageGuidance, seed,
                action.blendWeight(removeBeta)), reference(name));
        LOG.info("PARITY zone fused {}: max abs diff vs ZONE on [0, 1] {}", name, err);
        assertThat(err).isLessThanOrEqualTo(1e-3f);
    }

    /**
     * ZONE end to end on the tiny models: the attention ZONE's store aggregates (rows h/3.., summed
     * over steps, divided by steps + 1, mean over the up and down layers at 1/32) matches ours, and so
     * does the coarse mask, pixel for pixel. On random tiny weights ZONE's mask is all white (no
     * localisation); ZoneCoarseMaskTest covers non-trivial masks.
     */
    @Test
    void aggregatedAttentionOfTheFusedRunMatchesZones() throws IOException {
        Pix2PixRequest request = FusedInstructPix2Pix.zoneDefaults().toBuilder().instruction("remove the cat").steps(6).seed(3)
                .strategy(LargeImageStrategy.original()).build();
        AttentionRecord record = new AttentionRecord();
        ip2p.run(ImageFiles.read(REF.resolve("image.png")), request, new Pix2PixPipeline.Fusion(magicBrush.unet(), 0.2f), record,
                "test", java.util.Map.of(), java.util.Map.of(), ProgressListener.NONE, null);
        float[] map = record.aggregated();
        int tokens = record.tokens();
        int end = ip2p.pipeline().endToken("remove the cat");
        float[] ref = reference("localise_dpm_remove.map");
        assertThat(ref).hasSize(4 * 6 * 2);
        float max = 0;
        float maxRef = 0;
        for (int p = 0; p < 24; p++) {
            max = Math.max(max, Math.abs(map[p * tokens] - ref[2 * p]));
            max = Math.max(max, Math.abs(map[p * tokens + end] - ref[2 * p + 1]));
            maxRef = Math.max(maxRef, Math.abs(ref[2 * p]));
        }
        LOG.info("PARITY zone aggregated attention end to end: max abs diff {} (max |ref| {})", max, maxRef);
        assertThat(max).isLessThanOrEqualTo(1e-6f);
        assertThat(maxRef).isGreaterThan(1e-3f);
    }

    /** ZONE end to end on the tiny models: fused loop, attention store, coarse mask; pixel-exact with ZONE's code. */
    @Test
    void coarseMaskFromTheFusedRunMatchesZonesPixelForPixel() throws IOException {
        try (FusedInstructPix2Pix zone = FusedInstructPix2Pix.builder().checkpoint(IP2P).magicBrush(MAGICBRUSH).build()) {
            Pix2PixRequest request = FusedInstructPix2Pix.zoneDefaults().toBuilder().instruction("remove the cat").steps(6).seed(3)
                    .strategy(LargeImageStrategy.original()).build();
            RgbImage image = ImageFiles.read(REF.resolve("image.png"));
            FusedInstructPix2Pix.Localised got = zone.editAndLocalise(image, request, ZoneAction.REMOVE, ProgressListener.NONE, null);
            java.awt.image.BufferedImage ref = javax.imageio.ImageIO.read(REF.resolve("localise_dpm_remove.mask.png").toFile());
            int differing = 0;
            int white = 0;
            for (int y = 0; y < image.height(); y++) {
                for (int x = 0; x < image.width(); x++) {
                    boolean refWhite = ref.getRaster().getSample(x, y, 0) == 255;
                    white += refWhite ? 1 : 0;
                    differing += refWhite != (got.coarseMask().get(x, y) == 1f) ? 1 : 0;
                }
            }
            LOG.info("PARITY zone coarse mask end to end: {} of {} pixels differ ({} white in ZONE's)", differing,
                    image.width() * image.height(), white);
            assertThat(differing).isZero();
        }
    }

    @Test
    void theBlendMattersSoTheComparisonCanFail() throws IOException {
        // ZONE's CHANGE weight (0.01) where the reference used REMOVE's 0.2
        float err = Pix2PixPipelineParityTest.maxDiff(fused(SchedulerType.DPM_SOLVER_MULTISTEP, 8, 7.5, 1.5, 42, 0.01),
                reference("dpm_remove"));
        assertThat(err).isGreaterThan(1e-2f);
    }

    @Test
    void publicApiRecordsBothModelsAndRefusesMismatchedPairs() throws IOException {
        try (FusedInstructPix2Pix zone = FusedInstructPix2Pix.builder().checkpoint(IP2P).magicBrush(MAGICBRUSH)
                .defaults(FusedInstructPix2Pix.zoneDefaults().toBuilder().steps(2).strategy(LargeImageStrategy.original()).seed(1)
                        .build()).build()) {
            assertThat(zone.defaults().scheduler()).isEqualTo(SchedulerType.DPM_SOLVER_MULTISTEP);
            assertThat(FusedInstructPix2Pix.zoneDefaults().steps()).isEqualTo(20);
            InpaintResult r = zone.edit(ImageFiles.read(REF.resolve("image.png")), "remove the cat", ZoneAction.REMOVE);
            assertThat(r.provenance().backend()).isEqualTo(FusedInstructPix2Pix.BACKEND);
            assertThat(r.provenance().modelHashes()).containsKeys("unet/model.onnx", "magicbrush/unet/model.onnx");
            assertThat(r.provenance().settings()).containsEntry("action", "REMOVE").containsEntry("blendBeta", "0.2");
        }
        assertThatThrownBy(() -> FusedInstructPix2Pix.builder().checkpoint(IP2P).build()).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("magicBrush");
        // a 4-channel UNet as the MagicBrush half, and a 4-channel folder as the InstructPix2Pix half
        assertThatThrownBy(() -> FusedInstructPix2Pix.builder().checkpoint(IP2P).magicBrush(StandIns.folder(StandIns.TINY)).build())
                .isInstanceOf(ModelException.class).hasMessageContaining("has 4 input channels; ZONE fuses two 8-channel");
        assertThatThrownBy(() -> FusedInstructPix2Pix.builder().checkpoint(StandIns.folder(StandIns.TINY)).magicBrush(MAGICBRUSH)
                .build()).isInstanceOf(ModelException.class).hasMessageContaining("8-channel UNet");
        assertThat(ZoneAction.CHANGE.blendWeight(0.2)).isEqualTo(0.01);
        assertThat(ZoneAction.ADD.blendWeight(0.2)).isEqualTo(0.01);
        assertThat(ZoneAction.REMOVE.blendWeight(0.3)).isEqualTo(0.3);
    }
}
