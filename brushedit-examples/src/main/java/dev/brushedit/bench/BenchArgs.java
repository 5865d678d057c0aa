package dev.brushedit.bench;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * {@code --key value} and {@code --flag} arguments of the bench mains.
 *
 * <p>Thread-safety: stateless.
 */
final class BenchArgs {
    private BenchArgs() {}

    /** Parses {@code args}; the names in {@code flags} take no value (and map to "true"). */
    static Map<String, String> parse(String[] args, String... flags) {
        Set<String> flagSet = Set.of(flags);
        Map<String, String> m = new HashMap<>();
        for (int i = 0; i < args.length; i++) {
            if (!args[i].startsWith("--")) {
                throw new IllegalArgumentException("unexpected argument " + args[i] + "; see the class Javadoc");
            }
            String key = args[i].substring(2);
            if (flagSet.contains(key)) {
                m.put(key, "true");
            } else if (i + 1 < args.length) {
                m.put(key, args[++i]);
            } else {
                throw new IllegalArgumentException("--" + key + " needs a value");
            }
        }
        return m;
    }
}
