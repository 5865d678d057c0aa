package dev.brushedit.bench;

import dev.brushedit.core.image.Box;
import dev.brushedit.core.image.Mask;
import dev.brushedit.core.image.RgbImage;
import dev.brushedit.core.scheduler.SchedulerType;
import dev.brushedit.inpaint.BlendOptions;
import dev.brushedit.inpaint.InpaintRequest;
import dev.brushedit.inpaint.InpaintResult;
import dev.brushedit.inpaint.Inpainter;
import dev.brushedit.inpaint.LargeImageStrategy;
import dev.brushedit.models.ExecutionOptions;
import dev.brushedit.models.internal.GraphSession;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Whole BrushNet edits through the public {@link Inpainter} (prompt encoding, VAE encoding, the denoising steps,
 * VAE decoding, blending) on a folder with SD1.5's real sizes ({@code tools/bench/make_step_graphs.py --full}),
 * reporting per edit the time of every graph run and the process's peak resident memory per graph. Its peer is
 * {@code tools/bench/ort_edit_bench.py} (the same runs in Python ONNX Runtime on the same graphs).
 *
 * <p>Resident memory is sampled from {@code /proc/self/status} every 5 ms on a daemon thread and attributed to the
 * graph whose run (or session load) is in progress, else to "java" (Java work between runs); the process's own
 * peak ({@code VmHWM}) is printed at the end of every edit, and so are every run's process CPU time and minor page
 * faults and the edit's CPU time per thread name ({@link ProcessCpu}): counters that machine load barely changes. Each edit uses a new prompt, so the prompt cache never
 * hides the text encoder.
 *
 * <pre>
 * java -cp brushedit-examples/target/brushedit-examples-*-all.jar dev.brushedit.bench.EditBench \
 *     --checkpoint DIR [--size 512] [--steps 2] [--edits 3] [--threads 0] [--low-mem | --keep-step-memory]
 * </pre>
 *
 * <p>Thread-safety: a command-line program; not for concurrent use.
 */
public final class EditBench {
    private static final Logger LOG = LoggerFactory.getLogger(EditBench.class);

    private EditBench() {}

    /** Runs the benchmark; see the class comment for the arguments. */
    public static void main(String[] args) throws Exception {
        Map<String, String> a = BenchArgs.parse(args, "low-mem", "keep-step-memory");
        Path checkpoint = Path.of(a.getOrDefault("checkpoint", "target/bench/sd15-size"));
        int size = Integer.parseInt(a.getOrDefault("size", "512"));
        int steps = Integer.parseInt(a.getOrDefault("steps", "2"));
        int edits = Integer.parseInt(a.getOrDefault("edits", "3"));
        int threads = Integer.parseInt(a.getOrDefault("threads", "0"));
        ExecutionOptions.Builder options = ExecutionOptions.builder().intraOpThreads(threads);
        if (a.containsKey("low-mem")) {
            options.lowMemory(true);
        }
        if (a.containsKey("keep-step-memory")) {
            options.keepStepMemory(true);
        }
        RgbImage image = InpainterStepBench.gradient(size, size);
        Mask mask = Mask.ofBox(size, size, new Box(size / 4, size / 4, size * 3 / 4, size * 3 / 4));
        ResidentSampler sampler = new ResidentSampler();
        GraphSession.setRunObserver(sampler);
        sampler.start();
        LOG.info("RESULT java EditBench: size {}, {} DDIM steps, guidance 7.5, {} edits, options {}, load average {}", size, steps,
                edits, options.build(), loadAverage());
        try (Inpainter inpainter = Inpainter.builder().checkpoint(checkpoint).backend(Inpainter.Backend.BRUSHNET)
                .executionOptions(options.build()).build()) {
            for (int e = 1; e <= edits; e++) {
                InpaintRequest request = InpaintRequest.builder().prompt("a red apple on a table, take " + e)
                        .negativePrompt("blurry, take " + e).steps(steps).guidanceScale(7.5).scheduler(SchedulerType.DDIM)
                        .seed(e).strategy(LargeImageStrategy.original()).blend(BlendOptions.HARD).build();
                sampler.beginEdit();
                Map<String, Long> threadsBefore = ProcessCpu.byThreadName();
                ProcessCpu.Sample before = ProcessCpu.now();
                long t0 = System.nanoTime();
                InpaintResult result = inpainter.inpaint(image, mask, request);
                long wall = System.nanoTime() - t0;
                ProcessCpu.Sample used = ProcessCpu.now().minus(before);
                report(e, wall, sampler.endEdit(), result.provenance().stageTimings());
                LOG.info("RESULT java edit {} cpu: edit cpu {} ms, minor faults {}; runs cpu ms:{}; runs minor faults:{};"
                        + " cpu ms by thread name:{}", e, used.cpuMs(), used.minorFaults(), sampler.cpuLine(false),
                        sampler.cpuLine(true), threadLine(ProcessCpu.minus(ProcessCpu.byThreadName(), threadsBefore)));
            }
        } finally {
            GraphSession.setRunObserver(null);
            sampler.stopSampling();
        }
        LOG.info("RESULT java end: peak resident {} MiB, load average {}", ResidentSampler.read("VmHWM:") >> 10, loadAverage());
    }

    private static void report(int edit, long wall, ResidentSampler.EditRecord rec, Map<String, Duration> stages) {
        StringBuilder runs = new StringBuilder();
        for (Map.Entry<String, List<Long>> r : rec.runs().entrySet()) {
            runs.append(String.format(Locale.ROOT, " %s=%s", shortName(r.getKey()), msList(r.getValue())));
        }
        StringBuilder peaks = new StringBuilder();
        for (Map.Entry<String, Long> p : rec.peaks().entrySet()) {
            peaks.append(String.format(Locale.ROOT, " %s=%d", shortName(p.getKey()), p.getValue() >> 10));
        }
        StringBuilder st = new StringBuilder();
        for (Map.Entry<String, Duration> s : stages.entrySet()) {
            st.append(String.format(Locale.ROOT, " %s=%.1f", s.getKey(), s.getValue().toNanos() / 1e6));
        }
        LOG.info("RESULT java edit {}: wall {} ms; runs ms:{}; stages ms:{}; peak RSS MiB by stage:{}; edit peak {} MiB; after {} MiB;"
                + " VmHWM {} MiB; load {}", edit, String.format(Locale.ROOT, "%.1f", wall / 1e6), runs, st, peaks, rec.peak() >> 10,
                ResidentSampler.read("VmRSS:") >> 10, ResidentSampler.read("VmHWM:") >> 10, loadAverage());
    }

    private static String threadLine(Map<String, Long> byName) {
        StringBuilder out = new StringBuilder();
        byName.forEach((name, ms) -> out.append(' ').append(name).append('=').append(ms));
        return out.toString();
    }

    private static String shortName(String label) {
        return label.replace("/model.onnx", "");
    }

    private static String msList(List<Long> nanos) {
        List<String> out = new ArrayList<>();
        for (long n : nanos) {
            out.add(String.format(Locale.ROOT, "%.1f", n / 1e6));
        }
        return String.join(",", out);
    }

    static String loadAverage() {
        try {
            String[] f = Files.readString(Path.of("/proc/loadavg")).split(" ");
            return f[0] + " " + f[1] + " " + f[2];
        } catch (IOException | RuntimeException e) {
            return "unknown";
        }
    }

    /** Samples resident memory and attributes it to the graph run in progress; also records run times. */
    static final class ResidentSampler extends Thread implements GraphSession.RunObserver {
        private volatile String current = "java";
        private volatile boolean running = true;
        private final Map<String, Long> peaks = new LinkedHashMap<>();
        private final Map<String, List<Long>> runs = new LinkedHashMap<>();
        private final Map<String, List<ProcessCpu.Sample>> runCpu = new LinkedHashMap<>();
        private volatile ProcessCpu.Sample runStart;
        private long editPeak;

        ResidentSampler() {
            super("resident-sampler");
            setDaemon(true);
        }

        @Override
        public void started(String label) {
            sample();
            current = label;
            runStart = ProcessCpu.now();
        }

        @Override
        public void finished(String label, long nanos) {
            ProcessCpu.Sample used = ProcessCpu.now().minus(runStart);
            sample();
            current = "java";
            synchronized (this) {
                runs.computeIfAbsent(label, k -> new ArrayList<>()).add(nanos);
                runCpu.computeIfAbsent(label, k -> new ArrayList<>()).add(used);
            }
        }

        @Override
        public void run() {
            while (running) {
                sample();
                try {
                    Thread.sleep(5);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }

        private void sample() {
            long kb = read("VmRSS:");
            String label = current;
            synchronized (this) {
                peaks.merge(label, kb, Math::max);
                editPeak = Math.max(editPeak, kb);
            }
        }

        /** Per run label, the runs' CPU ms (or minor faults when {@code faults}) in order, as one line. */
        synchronized String cpuLine(boolean faults) {
            StringBuilder out = new StringBuilder();
            runCpu.forEach((label, samples) -> {
                List<String> values = new ArrayList<>();
                samples.forEach(s -> values.add(Long.toString(faults ? s.minorFaults() : s.cpuMs())));
                out.append(' ').append(shortName(label)).append('=').append(String.join(",", values));
            });
            return out.toString();
        }

        synchronized void beginEdit() {
            peaks.clear();
            runs.clear();
            runCpu.clear();
            editPeak = 0;
        }

        synchronized EditRecord endEdit() {
            sample();
            return new EditRecord(new LinkedHashMap<>(peaks), new LinkedHashMap<>(runs), editPeak);
        }

        void stopSampling() {
            running = false;
            interrupt();
        }

        /** A {@code /proc/self/status} field in kB, or -1. */
        static long read(String field) {
            try {
                for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                    if (line.startsWith(field)) {
                        return Long.parseLong(line.substring(field.length()).replace("kB", "").strip());
                    }
                }
            } catch (IOException | RuntimeException e) {
                return -1;
            }
            return -1;
        }

        record EditRecord(Map<String, Long> peaks, Map<String, List<Long>> runs, long peak) {}
    }
}
