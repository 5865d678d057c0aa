package dev.brushedit.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;

/**
 * The process's CPU time and minor page faults from {@code /proc/self/stat}, and CPU time per thread name from
 * {@code /proc/self/task/}: load-insensitive counters that benchmarks print beside wall times. CPU time is in
 * clock ticks converted to milliseconds (10 ms resolution at the usual 100 Hz). On systems without {@code /proc}
 * every value is -1 and every map is empty.
 *
 * <p>Thread-safety: stateless; safe for concurrent use.
 */
final class ProcessCpu {
    /** Milliseconds per clock tick (USER_HZ is 100 on Linux). */
    private static final long MS_PER_TICK = 10;

    private ProcessCpu() {}

    /**
     * One reading of the process counters.
     *
     * @param cpuMs user plus system CPU time of all threads, ms
     * @param minorFaults minor page faults (first touches of anonymous memory among them)
     */
    record Sample(long cpuMs, long minorFaults) {
        /** The counters from {@code earlier} to this sample. */
        Sample minus(Sample earlier) {
            return new Sample(cpuMs - earlier.cpuMs, minorFaults - earlier.minorFaults);
        }
    }

    /** The process's counters now. */
    static Sample now() {
        String[] f = statFields(Path.of("/proc/self/stat"));
        if (f == null) {
            return new Sample(-1, -1);
        }
        return new Sample((Long.parseLong(f[13]) + Long.parseLong(f[14])) * MS_PER_TICK, Long.parseLong(f[9]));
    }

    /** CPU ms (user plus system) summed per thread name, over the threads alive now. */
    static Map<String, Long> byThreadName() {
        Map<String, Long> out = new TreeMap<>();
        try (var tasks = Files.list(Path.of("/proc/self/task"))) {
            tasks.forEach(t -> {
                String[] f = statFields(t.resolve("stat"));
                if (f != null) {
                    out.merge(f[1], (Long.parseLong(f[13]) + Long.parseLong(f[14])) * MS_PER_TICK, Long::sum);
                }
            });
        } catch (IOException | RuntimeException e) {
            return out;
        }
        return out;
    }

    /** Per-name differences {@code later - earlier} (threads that ended in between are left out), non-zero only. */
    static Map<String, Long> minus(Map<String, Long> later, Map<String, Long> earlier) {
        Map<String, Long> out = new TreeMap<>();
        later.forEach((name, ms) -> {
            long d = ms - earlier.getOrDefault(name, 0L);
            if (d != 0) {
                out.put(name, d);
            }
        });
        return out;
    }

    /**
     * The fields of a {@code stat} file, numbered as in proc(5) minus one; field 1 is the thread name without its
     * parentheses (names may hold spaces, so the split starts after the closing parenthesis). Null if unreadable.
     */
    static String[] statFields(Path stat) {
        try {
            String s = Files.readString(stat);
            int open = s.indexOf('(');
            int close = s.lastIndexOf(')');
            String[] rest = s.substring(close + 2).trim().split(" ");
            String[] f = new String[rest.length + 2];
            f[0] = s.substring(0, open).trim();
            f[1] = s.substring(open + 1, close).replace(' ', '_');
            System.arraycopy(rest, 0, f, 2, rest.length);
            return f;
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }
}
