package dev.brushedit.examples;

import dev.brushedit.core.InvalidInputException;

/**
 * Checks an example's command-line arguments, so a wrong count says how to run it instead of
 * failing on a missing array element.
 *
 * <p>Thread-safety: stateless.
 */
final class ExampleArgs {
    private ExampleArgs() {}

    /** Throws an {@link InvalidInputException} with the usage line when {@code ok} is false. */
    static void require(boolean ok, Class<?> example, String arguments) {
        if (!ok) {
            throw new InvalidInputException("usage: java -cp brushedit-examples/target/brushedit-examples-*-all.jar "
                    + example.getName() + " " + arguments);
        }
    }
}
