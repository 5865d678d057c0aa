package dev.brushedit.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.brushedit.core.CancelledException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The bounded queue: 429 past its capacity, cancellation of queued and running jobs, events in order. */
class JobQueueTest {

    @Test
    void aFullQueueRefusesWith429AndCancellationEndsQueuedAndRunningJobs() throws Exception {
        CountDownLatch started = new CountDownLatch(1);
        try (JobQueue queue = new JobQueue(1, 1, 8)) {
            Job running = queue.submit("edit", job -> {
                started.countDown();
                while (!job.token().isCancelled()) {
                    Thread.onSpinWait();
                }
                throw new CancelledException("stopped at a step boundary");
            });
            assertThat(started.await(10, TimeUnit.SECONDS)).isTrue();
            Job waiting = queue.submit("edit", job -> Fields.response().put("ran", true));
            assertThat(waiting.state()).isEqualTo(Job.State.QUEUED);
            assertThatThrownBy(() -> queue.submit("edit", job -> Fields.response()))
                    .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.status()).isEqualTo(429));

            List<String> events = new ArrayList<>();
            waiting.subscribe(e -> events.add(e.name()));
            queue.cancel(waiting.id());
            assertThat(waiting.state()).isEqualTo(Job.State.CANCELLED);
            assertThat(events).containsExactly("queued", "cancelled");

            queue.cancel(running.id());
            assertThatThrownBy(running::await).isInstanceOfSatisfying(ApiException.class,
                    e -> assertThat(e.status()).isEqualTo(Errors.CANCELLED));
            assertThat(running.state()).isEqualTo(Job.State.CANCELLED);

            Job next = queue.submit("edit", job -> Fields.response().put("ran", true));
            assertThat(next.await().get("ran").asBoolean()).isTrue();
            assertThat(waiting.status().has("result")).isFalse();
        }
    }

    @Test
    void aCancelledQueuedJobFreesItsPlaceAtOnce() throws Exception {
        CountDownLatch started = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        try (JobQueue queue = new JobQueue(1, 1, 8)) {
            Job busy = queue.submit("edit", job -> {
                started.countDown();
                try {
                    release.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return Fields.response().put("ran", "busy");
            });
            assertThat(started.await(10, TimeUnit.SECONDS)).isTrue();
            try {
                Job waiting = queue.submit("edit", job -> Fields.response().put("ran", "waiting"));
                queue.cancel(waiting.id());
                assertThat(waiting.state()).isEqualTo(Job.State.CANCELLED);
                assertThat(queue.waiting()).isZero();
                Job next = queue.submit("edit", job -> Fields.response().put("ran", "next"));
                assertThat(queue.waiting()).isEqualTo(1);
                release.countDown();
                assertThat(busy.await().get("ran").asText()).isEqualTo("busy");
                assertThat(next.await().get("ran").asText()).isEqualTo("next");
            } finally {
                release.countDown();
            }
        }
    }

    @Test
    void progressIsToldToSubscribersInOrderAndTheStreamEndsWithTheLastEvent() throws Exception {
        try (JobQueue queue = new JobQueue(1, 4, 8)) {
            CountDownLatch go = new CountDownLatch(1);
            Job job = queue.submit("inpaint", j -> {
                try {
                    go.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                for (int i = 1; i <= 3; i++) {
                    j.listener().onStep(i, 3, null);
                }
                return Fields.response().put("image", "x");
            });
            List<String> events = java.util.Collections.synchronizedList(new ArrayList<>());
            CountDownLatch last = new CountDownLatch(1);
            job.subscribe(e -> {
                events.add(e.name() + (e.name().equals("progress") ? e.data().replaceAll(".*\"step\":(\\d).*", "$1") : ""));
                if (e.last()) {
                    last.countDown();
                }
            });
            go.countDown();
            assertThat(last.await(10, TimeUnit.SECONDS)).isTrue();
            assertThat(events).endsWith("progress1", "progress2", "progress3", "done");
            assertThat(job.status().get("total").asInt()).isEqualTo(3);
        }
    }
}
