package dev.brushedit.server;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.brushedit.inpaint.CancellationToken;
import dev.brushedit.inpaint.ProgressListener;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.function.Consumer;

/**
 * One queued request: its state, its progress, its result or error, and the subscribers (server-sent
 * event streams) told of each change. Cancelled through its {@link CancellationToken}.
 *
 * <p>Thread-safety: thread-safe; the worker thread updates it while request threads read it.
 */
final class Job {
    /** Where a job is. */
    enum State { QUEUED, RUNNING, DONE, FAILED, CANCELLED }

    /** A change told to subscribers: the event name and its JSON data. */
    record Event(String name, String data) {
        boolean last() {
            return !name.equals("queued") && !name.equals("running") && !name.equals("progress");
        }
    }

    private final String id;
    private final String kind;
    private final CancellationToken token = new CancellationToken();
    private final CountDownLatch finished = new CountDownLatch(1);
    private final List<Consumer<Event>> subscribers = new ArrayList<>();
    private State state = State.QUEUED;
    private int step;
    private int total;
    private ObjectNode result;
    private ApiException error;

    Job(String id, String kind) {
        this.id = id;
        this.kind = kind;
    }

    String id() {
        return id;
    }

    String kind() {
        return kind;
    }

    CancellationToken token() {
        return token;
    }

    /** The progress listener of the run: each step is told to subscribers as a {@code progress} event. */
    ProgressListener listener() {
        return (done, of, preview) -> {
            synchronized (this) {
                step = done;
                total = of;
            }
            tell("progress");
        };
    }

    void running() {
        synchronized (this) {
            state = State.RUNNING;
        }
        tell("running");
    }

    void done(ObjectNode value) {
        synchronized (this) {
            result = value;
            state = State.DONE;
        }
        finish("done");
    }

    void failed(ApiException e) {
        synchronized (this) {
            error = e;
            state = token.isCancelled() || e.status() == Errors.CANCELLED ? State.CANCELLED : State.FAILED;
        }
        finish(state() == State.CANCELLED ? "cancelled" : "failed");
    }

    synchronized State state() {
        return state;
    }

    synchronized boolean isFinished() {
        return state == State.DONE || state == State.FAILED || state == State.CANCELLED;
    }

    /** Waits for the end and returns the result, or throws the job's error. */
    ObjectNode await() throws InterruptedException {
        finished.await();
        synchronized (this) {
            if (error != null) {
                throw error;
            }
            return result;
        }
    }

    /** The job's status as JSON: id, kind, state, progress, and the result or error once finished. */
    synchronized ObjectNode status() {
        ObjectNode out = Fields.response();
        out.put("id", id);
        out.put("kind", kind);
        out.put("state", state.name().toLowerCase());
        out.put("step", step);
        out.put("total", total);
        if (result != null) {
            out.set("result", result);
        }
        if (error != null) {
            out.set("error", Errors.body(error).get("error"));
        }
        return out;
    }

    /**
     * Tells {@code subscriber} the current state now and each later change; after the last event
     * nothing more is sent. Returns the handle to unsubscribe.
     */
    Runnable subscribe(Consumer<Event> subscriber) {
        Event now;
        synchronized (this) {
            now = event(eventName());
            if (!now.last()) {
                subscribers.add(subscriber);
            }
        }
        subscriber.accept(now);
        return () -> {
            synchronized (this) {
                subscribers.remove(subscriber);
            }
        };
    }

    private String eventName() {
        return switch (state) {
            case QUEUED -> "queued";
            case RUNNING -> step > 0 ? "progress" : "running";
            case DONE -> "done";
            case FAILED -> "failed";
            case CANCELLED -> "cancelled";
        };
    }

    private Event event(String name) {
        return new Event(name, status().toString());
    }

    private void finish(String name) {
        tell(name);
        finished.countDown();
    }

    private void tell(String name) {
        List<Consumer<Event>> targets;
        Event event;
        synchronized (this) {
            targets = List.copyOf(subscribers);
            event = event(name);
            if (event.last()) {
                subscribers.clear();
            }
        }
        for (Consumer<Event> s : targets) {
            s.accept(event);
        }
    }
}
