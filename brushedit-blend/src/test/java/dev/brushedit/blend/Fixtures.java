package dev.brushedit.blend;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.brushedit.core.image.Mask;
import dev.brushedit.core.image.RgbImage;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import javax.imageio.ImageIO;

/** Loads the reference vectors under src/test/resources/zone. */
final class Fixtures {
    private static JsonNode vectors;

    private Fixtures() {}

    static RgbImage image(String name) {
        try (InputStream in = Fixtures.class.getResourceAsStream("/zone/" + name)) {
            if (in == null) {
                throw new IllegalStateException("missing test resource " + name);
            }
            return RgbImage.fromBufferedImage(ImageIO.read(in));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A 0/255 gray PNG as a binary mask. */
    static Mask mask(String name) {
        return Mask.fromImage(image(name), 128);
    }

    static synchronized JsonNode vectors() {
        if (vectors == null) {
            try (InputStream in = Fixtures.class.getResourceAsStream("/zone/vectors.json")) {
                vectors = new ObjectMapper().readTree(in);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return vectors;
    }

    static double[] doubles(JsonNode array) {
        double[] d = new double[array.size()];
        for (int i = 0; i < d.length; i++) {
            d[i] = array.get(i).asDouble();
        }
        return d;
    }

    /** Number of pixels where the masks differ. */
    static long diff(Mask a, Mask b) {
        float[] x = a.toArray();
        float[] y = b.toArray();
        long n = 0;
        for (int i = 0; i < x.length; i++) {
            if (x[i] != y[i]) {
                n++;
            }
        }
        return n;
    }

    /** Number of bytes where the images differ. */
    static long diff(RgbImage a, RgbImage b) {
        byte[] x = a.toRgbBytes();
        byte[] y = b.toRgbBytes();
        long n = 0;
        for (int i = 0; i < x.length; i++) {
            if (x[i] != y[i]) {
                n++;
            }
        }
        return n;
    }

    static Mask maskOf(int w, int h, String rows) {
        String[] r = rows.split("\\|");
        float[] v = new float[w * h];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                v[y * w + x] = r[y].charAt(x) == '#' ? 1f : 0f;
            }
        }
        return Mask.of(w, h, v);
    }
}
