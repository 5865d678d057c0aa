package dev.brushedit.blend;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.brushedit.core.InvalidInputException;
import dev.brushedit.core.image.Mask;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/**
 * ZONE's coarse mask against ZONE's own {@code show_diff_cross_attention} on the same attention arrays
 * (resources/zone-coarse-mask, made by tools/parity/zone_coarse_mask_parity.py; see its README).
 */
class ZoneCoarseMaskTest {
    private static final int LAYERS = 5;
    private static final int ROWS = 6;

    private static byte[] resource(String name) throws IOException {
        try (InputStream in = ZoneCoarseMaskTest.class.getResourceAsStream("/zone-coarse-mask/" + name)) {
            assertThat(in).as(name).isNotNull();
            return in.readAllBytes();
        }
    }

    /** The file's layers, expanded to [rows, pixels, tokens] with only the start and end tokens filled. */
    private static List<float[]> layers(String name, int pixels, int tokens) throws IOException {
        ByteBuffer b = ByteBuffer.wrap(resource(name + ".attn.f32")).order(ByteOrder.LITTLE_ENDIAN);
        assertThat(b.remaining()).isEqualTo(LAYERS * ROWS * pixels * 2 * 4);
        List<float[]> out = new ArrayList<>();
        for (int l = 0; l < LAYERS; l++) {
            float[] layer = new float[ROWS * pixels * tokens];
            for (int i = 0; i < ROWS * pixels; i++) {
                layer[i * tokens] = b.getFloat();
                layer[i * tokens + tokens - 1] = b.getFloat();
            }
            out.add(layer);
        }
        return out;
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"square, 128, 128, 6", "wide, 192, 128, 9", "odd, 451, 300, 12"})
    void pixelExactWithZonesOwnCode(String name, int width, int height, int tokens) throws IOException {
        int mh = (height + 31) / 32;
        int mw = (width + 31) / 32;
        float[] map = ZoneCoarseMask.aggregate(layers(name, mh * mw, tokens), mh * mw, tokens);
        Mask got = ZoneCoarseMask.fromAttention(map, mh, mw, tokens, 0, tokens - 1, width, height);
        BufferedImage ref = ImageIO.read(new java.io.ByteArrayInputStream(resource(name + ".mask.png")));
        assertThat(ref.getWidth()).isEqualTo(width);
        int differing = 0;
        int white = 0;
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                boolean refWhite = (ref.getRaster().getSample(x, y, 0)) == 255;
                white += refWhite ? 1 : 0;
                differing += refWhite != (got.get(x, y) == 1f) ? 1 : 0;
            }
        }
        assertThat(white).as("the reference mask is neither empty nor full").isBetween(1, width * height - 1);
        assertThat(differing).as("pixels that differ from ZONE's mask").isZero();
    }

    @Test
    void theEndTokenMattersSoTheComparisonCanFail() throws IOException {
        float[] map = ZoneCoarseMask.aggregate(layers("wide", 24, 9), 24, 9);
        Mask right = ZoneCoarseMask.fromAttention(map, 4, 6, 9, 0, 8, 192, 128);
        Mask wrong = ZoneCoarseMask.fromAttention(map, 4, 6, 9, 0, 1, 192, 128);
        assertThat(right.sameValues(wrong)).isFalse();
    }

    @Test
    void badShapesAreRefused() {
        assertThatThrownBy(() -> ZoneCoarseMask.fromAttention(new float[24 * 9], 4, 5, 9, 0, 8, 192, 128))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("ceil(size / 32)");
        assertThatThrownBy(() -> ZoneCoarseMask.aggregate(List.of(), 24, 9)).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> ZoneCoarseMask.aggregate(List.of(new float[10]), 24, 9)).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("[rows, 24, 9]");
    }
}
