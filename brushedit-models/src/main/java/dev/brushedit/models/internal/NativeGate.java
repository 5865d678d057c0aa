package dev.brushedit.models.internal;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.LockSupport;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Counts the threads inside ONNX Runtime (session creation, runs, releases) so that process
 * shutdown can wait for them: once {@link #stopAndAwait} is called, no thread starts native work
 * again, and a thread that finishes its native call does not continue either (it waits for the
 * exit). Exiting the JVM while ONNX Runtime creates a session crashes it (the binding's shutdown
 * hook releases the environment under the running call); see {@code NativeShutdown}.
 *
 * <p>Thread-safety: safe for concurrent use.
 */
public final class NativeGate {
    private static final ReentrantLock LOCK = new ReentrantLock();
    private static final Condition IDLE = LOCK.newCondition();
    private static int inside;
    private static boolean stopped;

    /**
     * One thread's passage through native code; closing it leaves the gate.
     *
     * <p>Thread-safety: close it on the thread that entered, once.
     */
    @FunctionalInterface
    public interface Permit extends AutoCloseable {
        @Override
        void close();
    }

    private NativeGate() {}

    /**
     * Enters native code. After {@link #stopAndAwait} this never returns: the process is exiting
     * and the calling thread waits for the exit instead of touching ONNX Runtime.
     */
    public static Permit enter() {
        boolean park;
        LOCK.lock();
        try {
            park = stopped;
            if (!park) {
                inside++;
            }
        } finally {
            LOCK.unlock();
        }
        if (park) {
            parkForever();
        }
        return NativeGate::leave;
    }

    private static void leave() {
        boolean park;
        LOCK.lock();
        try {
            inside--;
            if (inside == 0) {
                IDLE.signalAll();
            }
            park = stopped;
        } finally {
            LOCK.unlock();
        }
        if (park) {
            parkForever();
        }
    }

    /**
     * Stops all further native work in this process and waits until no thread is inside ONNX
     * Runtime, at most {@code timeout}. For shutdown hooks only: afterwards every thread that
     * reaches the gate waits forever.
     *
     * @return true when no thread was inside ONNX Runtime on return
     */
    public static boolean stopAndAwait(Duration timeout) {
        long nanos = timeout.toNanos();
        LOCK.lock();
        try {
            stopped = true;
            while (inside > 0) {
                if (nanos <= 0) {
                    return false;
                }
                nanos = IDLE.awaitNanos(nanos);
            }
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return inside == 0;
        } finally {
            LOCK.unlock();
        }
    }

    private static void parkForever() {
        while (true) {
            LockSupport.parkNanos(TimeUnit.SECONDS.toNanos(60));
        }
    }
}
