package dev.brushedit.bench;

import dev.brushedit.core.image.Mask;
import dev.brushedit.core.image.RgbImage;
import dev.brushedit.inpaint.patchmatch.PatchMatchInpainter;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Map;

/**
 * {@link PatchMatchBench}'s call (the default inpainter, seed 1, parallelism 1, on the same 512x512
 * input and hole) timed by the calling thread's CPU time as well as by the wall clock: the CPU time
 * changes far less with the machine's load than the wall time does, so two builds can be compared
 * on a busy machine. Usage: {@code PatchMatchCpuBench [--image PATH] [--calls N]} (default: the
 * synthetic texture, 8 calls); the first two calls are warm-up and not counted.
 *
 * <p>Thread-safety: a command-line entry point; not meant for concurrent use.
 */
public final class PatchMatchCpuBench {
    private static final int WARMUP = 2;

    private PatchMatchCpuBench() {}

    /** Runs the calls and prints the mean and standard deviation of CPU and wall seconds per call. */
    public static void main(String[] args) throws IOException {
        Map<String, String> a = BenchArgs.parse(args);
        String image = a.getOrDefault("image", "");
        int calls = Integer.parseInt(a.getOrDefault("calls", "8"));
        if (calls <= WARMUP) {
            throw new IllegalArgumentException("--calls must be more than " + WARMUP + ", was " + calls);
        }
        RgbImage input = PatchMatchBench.input(image);
        Mask mask = PatchMatchBench.hole();
        PatchMatchInpainter inpainter = PatchMatchInpainter.builder().seed(1).parallelism(1).build();
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        double[] cpu = new double[calls - WARMUP];
        double[] wall = new double[calls - WARMUP];
        for (int i = 0; i < calls; i++) {
            long c0 = threads.getCurrentThreadCpuTime();
            long t0 = System.nanoTime();
            inpainter.inpaint(input, mask);
            if (i >= WARMUP) {
                wall[i - WARMUP] = (System.nanoTime() - t0) / 1e9;
                cpu[i - WARMUP] = (threads.getCurrentThreadCpuTime() - c0) / 1e9;
            }
        }
        System.out.printf("%s: cpu %s s, wall %s s per call (%d calls after %d warm-up)%n",
                image.isEmpty() ? "synthetic texture" : image, meanSd(cpu), meanSd(wall), cpu.length, WARMUP);
    }

    private static String meanSd(double[] v) {
        double mean = 0;
        for (double x : v) {
            mean += x / v.length;
        }
        double var = 0;
        for (double x : v) {
            var += (x - mean) * (x - mean) / Math.max(1, v.length - 1);
        }
        return String.format("%.3f ± %.3f", mean, Math.sqrt(var));
    }
}
