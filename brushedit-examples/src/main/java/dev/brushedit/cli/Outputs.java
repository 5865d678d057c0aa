package dev.brushedit.cli;

import dev.brushedit.core.InvalidInputException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/** Checks on output paths, made before any work starts so a long run never ends in an unwritable path. */
final class Outputs {
    private Outputs() {}

    static void requireWritableTarget(Path output) {
        requireWritableTarget(output, "--output");
    }

    /** A usage error for a wrong extension, a bad input error for a directory that cannot be written. */
    static void requireWritableTarget(Path output, String flag) {
        String name = output.getFileName() == null ? "" : output.getFileName().toString().toLowerCase(Locale.ROOT);
        if (!(name.endsWith(".png") || name.endsWith(".jpg") || name.endsWith(".jpeg"))) {
            throw new UsageException(flag + " " + output + " must end in .png, .jpg or .jpeg");
        }
        Path dir = output.toAbsolutePath().getParent();
        try {
            Files.createDirectories(dir);
        } catch (java.io.IOException | SecurityException e) {
            throw new InvalidInputException("cannot create the output directory " + dir + ": " + e.getMessage());
        }
        if (!Files.isDirectory(dir) || !Files.isWritable(dir)) {
            throw new InvalidInputException("output directory " + dir + " is not writable");
        }
        if (Files.isDirectory(output)) {
            throw new InvalidInputException(flag + " " + output + " is a directory; give a file name");
        }
    }
}
