package dev.brushedit.models.internal;

import dev.brushedit.core.ModelException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Streaming SHA-256 of model files, for provenance and cache keys.
 *
 * <p>Thread-safety: stateless.
 */
public final class FileHashes {
    private FileHashes() {}

    /**
     * Hex SHA-256 over {@code model} followed by its external-data file {@code model + "_data"} when
     * that exists (so a change of weights changes the hash).
     */
    public static String sha256(Path model) {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            update(md, model);
            Path data = model.resolveSibling(model.getFileName() + "_data");
            if (Files.isRegularFile(data)) {
                update(md, data);
            }
            return HexFormat.of().formatHex(md.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        } catch (IOException e) {
            throw new ModelException("cannot read " + model + " to hash it: " + e.getMessage(), e);
        }
    }

    private static void update(MessageDigest md, Path file) throws IOException {
        byte[] buf = new byte[1 << 20];
        try (InputStream in = Files.newInputStream(file)) {
            int n;
            while ((n = in.read(buf)) > 0) {
                md.update(buf, 0, n);
            }
        }
    }
}
