package dev.brushedit.reference;

import static org.assertj.core.api.Assertions.assertThat;

import dev.brushedit.core.image.ImageFiles;
import dev.brushedit.core.image.Mask;
import dev.brushedit.core.image.RgbImage;
import dev.brushedit.core.tensor.Tensor;
import dev.brushedit.inpaint.ProgressListener;
import dev.brushedit.inpaint.internal.StageTimer;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The whole MimicBrush pipeline (preprocessing, image prompts, depth, VAE samples, DDIM with the fused
 * reference step, decode) against MimicBrush's own pipeline on the mimicbrush-tiny weights, same seed,
 * a non-square 120x80 source and a 72x96 reference (see resources/mimicbrush-parity/README.md).
 */
class ReferenceInpainterParityTest {
    private static final Logger LOG = LoggerFactory.getLogger(ReferenceInpainterParityTest.class);
    static final Path STANDIN = Path.of("src/test/resources/standins/mimicbrush-tiny");
    static final Path REF = Path.of("src/test/resources/mimicbrush-parity");
    private static final int STRIDE = 4;
    /** The bound on [0, 1] images; measured figures are logged (PARITY lines) and in the README. */
    private static final float TOLERANCE = 1e-3f;

    private static ReferenceInpainter mimic;

    @BeforeAll
    static void open() {
        mimic = ReferenceInpainter.builder().checkpoint(STANDIN).build();
    }

    @AfterAll
    static void close() {
        mimic.close();
    }

    static float[] expected(String name) throws IOException {
        ByteBuffer b = ByteBuffer.wrap(Files.readAllBytes(REF.resolve(name + ".f32"))).order(ByteOrder.LITTLE_ENDIAN);
        float[] v = new float[b.remaining() / 4];
        b.asFloatBuffer().get(v);
        return v;
    }

    /** Max |java - ref| on [0, 1] over every STRIDE-th pixel: java is [1, 3, 512, 512] in [-1, 1], ref [128, 128, 3]. */
    static float maxDiff(Tensor decoded, float[] ref) {
        int h = decoded.dim(2);
        int w = decoded.dim(3);
        int sh = h / STRIDE;
        int sw = w / STRIDE;
        assertThat(ref).hasSize(3 * sh * sw);
        float max = 0;
        for (int y = 0; y < sh; y++) {
            for (int x = 0; x < sw; x++) {
                for (int c = 0; c < 3; c++) {
                    float v = decoded.getFlat((c * h + y * STRIDE) * w + x * STRIDE) / 2f + 0.5f;
                    v = Math.min(1f, Math.max(0f, v));
                    max = Math.max(max, Math.abs(v - ref[(y * sw + x) * 3 + c]));
                }
            }
        }
        return max;
    }

    static Tensor run(boolean keepShape, int steps, double guidance, long seed) throws IOException {
        RgbImage image = ImageFiles.read(REF.resolve("source.png"));
        Mask mask = Mask.fromImage(ImageFiles.read(REF.resolve("mask.png")), 129);
        RgbImage reference = ImageFiles.read(REF.resolve("reference.png"));
        ReferenceRequest request = ReferenceRequest.builder().reference(reference).keepShape(keepShape).steps(steps)
                .guidanceScale(guidance).seed(seed).build();
        return mimic.pipeline().generateDecoded(image, mask, request, seed, ProgressListener.NONE, null, new StageTimer());
    }

    @Test
    void textureTransferMatchesMimicBrush() throws IOException {
        float diff = maxDiff(run(false, 4, 5.0, 7), expected("texture"));
        LOG.info("PARITY mimicbrush texture (keepShape off, DDIM 4 steps, guidance 5): max abs diff {}", diff);
        assertThat(diff).isLessThanOrEqualTo(TOLERANCE);
    }

    @Test
    void shapeKeepingMatchesMimicBrush() throws IOException {
        float diff = maxDiff(run(true, 3, 3.5, 11), expected("shape"));
        LOG.info("PARITY mimicbrush shape (keepShape on, DDIM 3 steps, guidance 3.5): max abs diff {}", diff);
        assertThat(diff).isLessThanOrEqualTo(TOLERANCE);
    }

    /** MimicBrush's composite (OpenCV bilinear resize and ten 3x3 blurs) against ours, on its 8-bit generated square. */
    @Test
    void compositeMatchesMimicBrushWithinOneLevel() throws IOException {
        RgbImage image = ImageFiles.read(REF.resolve("source.png"));
        Mask mask = Mask.fromImage(ImageFiles.read(REF.resolve("mask.png")), 129);
        RgbImage expected = ImageFiles.read(REF.resolve("texture-composite.png"));
        RgbImage ours = MimicBrushImages.composite(image, mask, ImageFiles.read(REF.resolve("texture-generated.png")));
        byte[] a = ours.toRgbBytes();
        byte[] b = expected.toRgbBytes();
        int max = 0;
        int differing = 0;
        for (int i = 0; i < a.length; i++) {
            int d = Math.abs((a[i] & 0xff) - (b[i] & 0xff));
            max = Math.max(max, d);
            differing += d > 0 ? 1 : 0;
        }
        LOG.info("PARITY mimicbrush composite: max {} levels, {} of {} samples differ", max, differing, a.length);
        assertThat(max).isLessThanOrEqualTo(1);
    }

    @Test
    void anotherSeedDiffers() throws IOException {
        assertThat(maxDiff(run(false, 4, 5.0, 8), expected("texture"))).isGreaterThan(0.05f);
    }
}
