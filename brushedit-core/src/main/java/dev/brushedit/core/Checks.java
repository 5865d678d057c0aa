package dev.brushedit.core;

/**
 * Argument checks that throw {@link InvalidInputException} with messages in one style:
 * "{name} must be between {min} and {max}, was {value}".
 *
 * <p>Thread-safety: stateless, safe for concurrent use.
 */
public final class Checks {
    private Checks() {}

    /** Returns {@code value} when it is in {@code [min, max]}, else throws naming {@code name}. */
    public static int inRange(String name, int value, int min, int max) {
        if (value < min || value > max) {
            throw new InvalidInputException(name + " must be between " + min + " and " + max + ", was " + value);
        }
        return value;
    }

    /** Returns {@code value} when it is finite and in {@code [min, max]}, else throws naming {@code name}. */
    public static double inRange(String name, double value, double min, double max) {
        if (!(value >= min && value <= max)) {
            throw new InvalidInputException(name + " must be between " + min + " and " + max + ", was " + value);
        }
        return value;
    }

    /** Returns {@code value} when it is positive, else throws naming {@code name}. */
    public static int positive(String name, int value) {
        if (value <= 0) {
            throw new InvalidInputException(name + " must be positive, was " + value);
        }
        return value;
    }

    /** Returns {@code value} when it is finite, else throws naming {@code name}. */
    public static double finite(String name, double value) {
        if (!Double.isFinite(value)) {
            throw new InvalidInputException(name + " must be a finite number, was " + value);
        }
        return value;
    }

    /** Returns {@code value} when it is not null, else throws naming {@code name}. */
    public static <T> T notNull(String name, T value) {
        if (value == null) {
            throw new InvalidInputException(name + " must not be null");
        }
        return value;
    }

    /** Returns {@code value} when it is not null and not blank, else throws naming {@code name}. */
    public static String notBlank(String name, String value) {
        if (value == null || value.isBlank()) {
            throw new InvalidInputException(name + " must not be empty or blank, was " + (value == null ? "null" : "\"" + value + "\""));
        }
        return value;
    }
}
