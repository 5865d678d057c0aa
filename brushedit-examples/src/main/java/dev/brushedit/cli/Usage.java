package dev.brushedit.cli;

import dev.brushedit.core.InvalidInputException;
import java.util.function.Supplier;

/**
 * Turns the SDK's argument checks into usage errors that name the flag: an
 * {@link InvalidInputException} from a builder setter fed with an option's value becomes a
 * {@link UsageException} "FLAG VALUE: reason".
 *
 * <p>Thread-safety: stateless.
 */
final class Usage {
    private Usage() {}

    /** Runs {@code check} (a setter fed with {@code value}), rethrowing its refusal as a usage error. */
    static <T> T option(String flag, Object value, Supplier<T> check) {
        try {
            return check.get();
        } catch (InvalidInputException e) {
            throw new UsageException(flag + " " + value + ": " + e.getMessage());
        }
    }

    /** A usage error unless {@code ok}. */
    static void require(boolean ok, String message) {
        if (!ok) {
            throw new UsageException(message);
        }
    }
}
