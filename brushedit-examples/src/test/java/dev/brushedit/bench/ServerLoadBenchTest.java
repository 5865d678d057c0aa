package dev.brushedit.bench;

import static org.assertj.core.api.Assertions.assertThat;

import dev.brushedit.core.image.RgbImage;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** A small load run: a few concurrent clients, and no answer lost, failed or mixed up. */
class ServerLoadBenchTest {

    @Test
    void everyClientGetsItsOwnResultUnderConcurrentLoad() throws Exception {
        ServerLoadBench.Report r = ServerLoadBench.run(4, 3, 64, 2, 16, Duration.ofMinutes(2));
        assertThat(r.sent()).isEqualTo(12);
        assertThat(r.ok()).as(r.toString()).isEqualTo(12);
        assertThat(r.mismatched()).isZero();
        assertThat(r.failed()).isZero();
        assertThat(r.lost()).isZero();
        assertThat(r.latenciesMs()).hasSize(12);
    }

    @Test
    void clientsInputsDifferSoAMixUpWouldBeSeen() {
        for (int a = 0; a < 8; a++) {
            for (int b = a + 1; b < 8; b++) {
                RgbImage pa = ServerLoadBench.picture(a, 64, ServerLoadBench.squareOf(a, 64));
                RgbImage pb = ServerLoadBench.picture(b, 64, ServerLoadBench.squareOf(b, 64));
                assertThat(pa.samePixels(pb)).as("clients %d and %d", a, b).isFalse();
            }
        }
    }

    @Test
    void quantilesAreNearestRank() {
        java.util.List<Double> v = java.util.List.of(1.0, 2.0, 3.0, 4.0, 5.0, 6.0, 7.0, 8.0, 9.0, 10.0);
        assertThat(ServerLoadBench.Report.quantile(v, 0.5)).isEqualTo(5.0);
        assertThat(ServerLoadBench.Report.quantile(v, 0.99)).isEqualTo(10.0);
        assertThat(ServerLoadBench.Report.quantile(v, 0.1)).isEqualTo(1.0);
    }
}
