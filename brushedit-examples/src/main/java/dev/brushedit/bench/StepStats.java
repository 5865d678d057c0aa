package dev.brushedit.bench;

import dev.brushedit.core.image.RgbImage;
import dev.brushedit.inpaint.ProgressListener;
import dev.brushedit.models.internal.GraphSession;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The per-step measurement shared by the step benches ({@link InpainterStepBench}, {@link Pix2PixStepBench}):
 * a {@link ProgressListener} that records each step's wall time and the calling thread's ONNX Runtime time
 * between consecutive callbacks (so steps 2..N), and the number formatting and memory readings they print.
 *
 * <p>Thread-safety: a clock belongs to one run on one thread; the static helpers are stateless.
 */
final class StepStats {
    private static final Logger LOG = LoggerFactory.getLogger(StepStats.class);

    private StepStats() {}

    /** Records step wall times and runtime deltas between consecutive progress callbacks. */
    static final class StepClock implements ProgressListener {
        final List<Long> walls = new ArrayList<>();
        final List<Long> runtimes = new ArrayList<>();
        private long lastWall;
        private long lastRuntime;

        @Override
        public void onStep(int step, int total, RgbImage preview) {
            long now = System.nanoTime();
            long rt = GraphSession.threadRuntimeNanos();
            if (step > 1) {
                walls.add(now - lastWall);
                runtimes.add(rt - lastRuntime);
            }
            lastWall = now;
            lastRuntime = rt;
        }

        /** Wall minus runtime, per measured step. */
        List<Long> overheads() {
            List<Long> o = new ArrayList<>();
            for (int i = 0; i < walls.size(); i++) {
                o.add(walls.get(i) - runtimes.get(i));
            }
            return o;
        }
    }

    static double median(List<Long> v) {
        if (v.isEmpty()) {
            return Double.NaN;
        }
        long[] s = v.stream().mapToLong(Long::longValue).sorted().toArray();
        return s.length % 2 == 1 ? s[s.length / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2.0;
    }

    static String ms(double nanos) {
        return String.format("%.1f", nanos / 1e6);
    }

    static String pct(double fraction) {
        return String.format("%.2f", fraction * 100);
    }

    static String msList(List<Long> v) {
        return Arrays.toString(v.stream().mapToDouble(n -> Math.round(n / 1e5) / 10.0).toArray());
    }

    /** The sum of the heap pools' peaks, in MiB. */
    static long heapPeakMb() {
        long sum = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP && pool.getPeakUsage() != null) {
                sum += pool.getPeakUsage().getUsed();
            }
        }
        return sum >> 20;
    }

    /** The process's peak resident memory ({@code VmHWM}), as the kernel prints it. */
    static String residentPeak() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("VmHWM:")) {
                    return line.substring(6).strip();
                }
            }
        } catch (IOException | RuntimeException e) {
            LOG.debug("no /proc/self/status: {}", e.toString());
        }
        return "unknown";
    }
}
