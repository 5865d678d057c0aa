package dev.brushedit.batch;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/** The repository's samples/ folder (real photos and their masks), found from the working directory up. */
public final class Samples {
    private Samples() {}

    /** The samples folder. */
    public static Path dir() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !Files.isDirectory(dir.resolve("samples"))) {
            dir = dir.getParent();
        }
        if (dir == null) {
            throw new IllegalStateException("no samples/ folder above " + Path.of("").toAbsolutePath());
        }
        return dir.resolve("samples");
    }

    /** Copies sample {@code name} to {@code target} (folders created). */
    public static Path copy(String name, Path target) {
        try {
            Files.createDirectories(target.getParent());
            return Files.copy(dir().resolve(name), target, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
