package dev.brushedit.batch;

import dev.brushedit.core.InvalidInputException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;

/**
 * Writes a batch's results table as CSV ({@link ItemResult#COLUMNS}), atomically: a temporary file
 * beside the target, then moved over it.
 *
 * <p>Thread-safety: stateless.
 */
public final class ResultsCsv {
    private ResultsCsv() {}

    /** Writes {@code results} to {@code file}, replacing it. */
    public static void write(List<ItemResult> results, Path file) {
        StringBuilder text = new StringBuilder(Csv.line(ItemResult.COLUMNS));
        for (ItemResult r : results) {
            text.append(Csv.line(r.row()));
        }
        Path dir = file.toAbsolutePath().getParent();
        Path tmp = null;
        try {
            Files.createDirectories(dir);
            tmp = Files.createTempFile(dir, "." + file.getFileName(), ".tmp");
            Files.writeString(tmp, text, StandardCharsets.UTF_8);
            try {
                Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (java.nio.file.AtomicMoveNotSupportedException e) {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
            }
            tmp = null;
        } catch (IOException e) {
            throw new InvalidInputException("cannot write the results table " + file + ": " + e.getMessage(), e);
        } finally {
            if (tmp != null) {
                try {
                    Files.deleteIfExists(tmp);
                } catch (IOException ignored) {
                    // the write failed already; that is the error reported
                }
            }
        }
    }
}
