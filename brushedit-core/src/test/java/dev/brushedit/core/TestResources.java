package dev.brushedit.core;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Path;

/** Loads the committed reference vectors and fixtures under src/test/resources. */
public final class TestResources {
    private static final ObjectMapper JSON = new ObjectMapper();

    private TestResources() {}

    /** The parsed JSON resource at {@code name} (e.g. "parity/float16.json"). */
    public static JsonNode json(String name) {
        try (InputStream in = stream(name)) {
            return JSON.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The raw bytes of the resource at {@code name}. */
    public static byte[] bytes(String name) {
        try (InputStream in = stream(name)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The file system path of the resource at {@code name}. */
    public static Path path(String name) {
        URL url = TestResources.class.getClassLoader().getResource(name);
        if (url == null) {
            throw new IllegalStateException("missing test resource " + name);
        }
        try {
            return Path.of(url.toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A JSON array of float32 bit patterns as floats. */
    public static float[] floatsFromBits(JsonNode bits) {
        float[] out = new float[bits.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = Float.intBitsToFloat((int) bits.get(i).asLong());
        }
        return out;
    }

    /** A JSON array of integers. */
    public static int[] ints(JsonNode values) {
        int[] out = new int[values.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = (int) values.get(i).asLong();
        }
        return out;
    }

    private static InputStream stream(String name) {
        InputStream in = TestResources.class.getClassLoader().getResourceAsStream(name);
        if (in == null) {
            throw new IllegalStateException("missing test resource " + name);
        }
        return in;
    }
}
