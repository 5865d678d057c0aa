package dev.brushedit.server;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The bounded work queue: {@code workers} threads run jobs, at most {@code capacity} more wait, and
 * a job past that is refused with HTTP 429. Finished jobs are kept for their status and events,
 * the oldest dropped past {@code retained}.
 *
 * <p>Thread-safety: thread-safe.
 */
final class JobQueue implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(JobQueue.class);

    private final ThreadPoolExecutor pool;
    private final int capacity;
    private final int retained;
    private final Map<String, Job> jobs = new LinkedHashMap<>();
    private final AtomicInteger waiting = new AtomicInteger();
    /** The pool's task of each job not yet taken by a worker, so that cancelling it frees its place at once. */
    private final Map<String, Runnable> queued = new ConcurrentHashMap<>();

    JobQueue(int workers, int capacity, int retained) {
        this.capacity = capacity;
        this.retained = retained;
        AtomicInteger n = new AtomicInteger();
        this.pool = new ThreadPoolExecutor(workers, workers, 0, TimeUnit.MILLISECONDS, new ArrayBlockingQueue<>(capacity), r -> {
            Thread t = new Thread(r, "brushedit-worker-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        }, new ThreadPoolExecutor.AbortPolicy());
    }

    /** Queues {@code work}; a 429 when the queue is full, a 503 once the server is stopping. */
    Job submit(String kind, Function<Job, ObjectNode> work) {
        Job job = new Job(UUID.randomUUID().toString(), kind);
        synchronized (jobs) {
            jobs.put(job.id(), job);
            trim();
        }
        Runnable task = () -> run(job, work);
        try {
            waiting.incrementAndGet();
            queued.put(job.id(), task);
            pool.execute(task);
        } catch (RejectedExecutionException e) {
            queued.remove(job.id());
            waiting.decrementAndGet();
            synchronized (jobs) {
                jobs.remove(job.id());
            }
            if (pool.isShutdown()) {
                throw new ApiException(503, null, "the server is stopping");
            }
            throw new ApiException(429, null, "the queue is full (" + capacity + " requests waiting); retry later");
        }
        return job;
    }

    private void run(Job job, Function<Job, ObjectNode> work) {
        queued.remove(job.id());
        waiting.decrementAndGet();
        if (job.token().isCancelled()) {
            if (!job.isFinished()) {
                job.failed(Errors.cancelled());
            }
            return;
        }
        job.running();
        try {
            job.done(work.apply(job));
        } catch (RuntimeException | Error e) {
            ApiException api = Errors.toApi(e);
            if (api.status() >= 500) {
                LOG.warn("{} job {} failed", job.kind(), job.id(), e);
            }
            job.failed(api);
        }
    }

    Optional<Job> find(String id) {
        synchronized (jobs) {
            return Optional.ofNullable(jobs.get(id));
        }
    }

    /** Cancels job {@code id}: a queued job ends at once, a running one at its next step. */
    Optional<Job> cancel(String id) {
        Optional<Job> job = find(id);
        job.ifPresent(j -> {
            j.token().cancel();
            synchronized (j) {
                if (j.state() == Job.State.QUEUED) {
                    j.failed(Errors.cancelled());
                }
            }
            Runnable task = queued.remove(id);
            if (task != null && pool.remove(task)) {
                waiting.decrementAndGet();
            }
        });
        return job;
    }

    /** Requests waiting for a worker. */
    int waiting() {
        return waiting.get();
    }

    int capacity() {
        return capacity;
    }

    private void trim() {
        int finished = 0;
        for (Job j : jobs.values()) {
            finished += j.isFinished() ? 1 : 0;
        }
        for (Iterator<Job> it = jobs.values().iterator(); it.hasNext() && finished > retained;) {
            if (it.next().isFinished()) {
                it.remove();
                finished--;
            }
        }
    }

    /** Cancels every job and stops the workers, waiting up to 30 s for running ones to reach a step boundary. */
    @Override
    public void close() {
        List<Job> all;
        synchronized (jobs) {
            all = new ArrayList<>(jobs.values());
        }
        all.forEach(j -> j.token().cancel());
        pool.shutdown();
        try {
            if (!pool.awaitTermination(30, TimeUnit.SECONDS)) {
                LOG.warn("workers still busy 30 s after the server was stopped");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
