package dev.brushedit.blend.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Rasterisation and Gaussian arithmetic against OpenCV's own output (vectors.json). */
class InternalParityTest {
    private static JsonNode vectors;

    @BeforeAll
    static void load() throws IOException {
        try (InputStream in = InternalParityTest.class.getResourceAsStream("/zone/vectors.json")) {
            vectors = new ObjectMapper().readTree(in);
        }
    }

    @Test
    void filledCirclesMatchCv2Circle() {
        for (JsonNode c : vectors.get("circles")) {
            int w = c.get("w").asInt();
            int h = c.get("h").asInt();
            byte[] plane = new byte[w * h];
            DiskRaster.fillOpenCvCircle(plane, w, h, c.get("cx").asInt(), c.get("cy").asInt(), c.get("r").asInt());
            for (int y = 0; y < h; y++) {
                JsonNode row = c.get("rows").get(y);
                int first = -1;
                int last = -1;
                int count = 0;
                for (int x = 0; x < w; x++) {
                    if (plane[y * w + x] != 0) {
                        first = first < 0 ? x : first;
                        last = x;
                        count++;
                    }
                }
                if (row.isEmpty()) {
                    assertThat(count).as("row %d of %s", y, c).isZero();
                } else {
                    assertThat(new int[] {first, last}).as("row %d of circle r=%s", y, c.get("r"))
                            .containsExactly(row.get(0).asInt(), row.get(1).asInt());
                    assertThat(count).isEqualTo(last - first + 1);
                }
            }
        }
    }

    @Test
    void gaussianBlurMatchesCv2ToRounding() {
        JsonNode b = vectors.get("blur");
        int w = b.get("small_w").asInt();
        int h = b.get("small_h").asInt();
        double[] in = doubles(b.get("small_in"));
        double maxErr = 0;
        maxErr = Math.max(maxErr, maxAbs(Gaussian.blur(in, w, h, Gaussian.kernel(5, 0)), doubles(b.get("small_k5"))));
        maxErr = Math.max(maxErr, maxAbs(Gaussian.blur(in, w, h, Gaussian.kernel(21, 0)), doubles(b.get("small_k21"))));
        maxErr = Math.max(maxErr, maxAbs(Gaussian.blur(in, w, h, Gaussian.kernel(7, 2.0)), doubles(b.get("small_k7_s2"))));
        assertThat(maxErr).isLessThan(1e-15);
        assertThat(Gaussian.defaultSigma(21)).isEqualTo(3.5);
        assertThat(Gaussian.reflect101(-1, 5)).isEqualTo(1);
        assertThat(Gaussian.reflect101(5, 5)).isEqualTo(3);
        assertThat(Gaussian.reflect101(-12, 3)).isEqualTo(0);
        assertThat(Gaussian.reflect101(7, 1)).isZero();
    }

    @Test
    void referenceDiskIsPlacedAtRowsHalfColsHalf() {
        // 8 wide, 4 tall, radius 0: ZONE draws at x = rows // 2 = 2, y = cols // 2 = 4 -> outside the plane
        byte[] keep = ZoneSpectrum.referenceDisk(8, 4, 0);
        int set = 0;
        for (byte v : keep) {
            set += v;
        }
        assertThat(set).isZero();
        // square: radius 0 keeps only the zero frequency
        byte[] sq = ZoneSpectrum.referenceDisk(6, 6, 0);
        assertThat(sq[0]).isEqualTo((byte) 1);
        int total = 0;
        for (byte v : sq) {
            total += v;
        }
        assertThat(total).isEqualTo(1);
    }

    @Test
    void uint8Casts() {
        assertThat(ZoneSpectrum.toUint8(300.7, true)).isEqualTo(44);
        assertThat(ZoneSpectrum.toUint8(511.9, true)).isEqualTo(255);
        assertThat(ZoneSpectrum.toUint8(30.99, true)).isEqualTo(30);
        assertThat(ZoneSpectrum.toUint8(70000.5, true)).isEqualTo(112);
        assertThat(ZoneSpectrum.toUint8(1e10, true)).isZero();
        assertThat(ZoneSpectrum.toUint8(300.7, false)).isEqualTo(255);
        assertThat(ZoneSpectrum.toUint8(30.99, false)).isEqualTo(30);
    }

    @Test
    void grayFormulas() {
        byte[] red = {(byte) 255, 0, 0};
        byte[] blue = {0, 0, (byte) 255};
        // OpenCV RGB2GRAY on BGR data: red gets the blue weight
        assertThat(ZoneSpectrum.gray(red, 0, true)).isEqualTo(29.0);
        assertThat(ZoneSpectrum.gray(blue, 0, true)).isEqualTo(76.0);
        assertThat(ZoneSpectrum.gray(red, 0, false)).isCloseTo(76.245, org.assertj.core.data.Offset.offset(1e-12));
    }

    private static double maxAbs(double[] a, double[] b) {
        assertThat(a).hasSameSizeAs(b);
        double m = 0;
        for (int i = 0; i < a.length; i++) {
            m = Math.max(m, Math.abs(a[i] - b[i]));
        }
        return m;
    }

    private static double[] doubles(JsonNode n) {
        double[] d = new double[n.size()];
        for (int i = 0; i < d.length; i++) {
            d[i] = n.get(i).asDouble();
        }
        return d;
    }
}
