package dev.brushedit.segment.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayDeque;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The Boykov-Kolmogorov max-flow against a plain Edmonds-Karp on random graphs, and its cut against the flow value. */
class BkMaxFlowTest {

    @Test
    void agreesWithEdmondsKarpAndItsCutCostsTheFlow() {
        SplittableRandom rnd = new SplittableRandom(11);
        for (int trial = 0; trial < 300; trial++) {
            int n = 2 + rnd.nextInt(12);
            double[][] cap = new double[n + 2][n + 2];
            int s = n;
            int t = n + 1;
            BkMaxFlow bk = new BkMaxFlow(n, 1);
            for (int i = 0; i < n; i++) {
                double a = rnd.nextInt(4) == 0 ? 0 : rnd.nextInt(1, 20);
                double b = rnd.nextInt(4) == 0 ? 0 : rnd.nextInt(1, 20);
                bk.addTerminalWeights(i, a, b);
                cap[s][i] += a;
                cap[i][t] += b;
            }
            for (int i = 0; i < n; i++) {
                for (int j = i + 1; j < n; j++) {
                    if (rnd.nextInt(3) == 0) {
                        double f = rnd.nextInt(0, 15);
                        double r = rnd.nextInt(0, 15);
                        bk.addEdges(i, j, f, r);
                        cap[i][j] += f;
                        cap[j][i] += r;
                    }
                }
            }
            double expected = edmondsKarp(cap, s, t);
            double flow = bk.maxFlow();
            assertThat(flow).as("trial %d", trial).isCloseTo(expected, within(1e-9));
            double cut = 0;
            for (int i = 0; i < n + 2; i++) {
                for (int j = 0; j < n + 2; j++) {
                    if (side(bk, i, s, t) && !side(bk, j, s, t)) {
                        cut += cap[i][j];
                    }
                }
            }
            assertThat(cut).as("cut capacity, trial %d", trial).isCloseTo(expected, within(1e-9));
        }
    }

    private static boolean side(BkMaxFlow bk, int i, int s, int t) {
        return i == s || (i != t && bk.inSourceSegment(i));
    }

    private static double edmondsKarp(double[][] capacity, int s, int t) {
        int n = capacity.length;
        double[][] r = new double[n][];
        for (int i = 0; i < n; i++) {
            r[i] = capacity[i].clone();
        }
        double flow = 0;
        while (true) {
            int[] prev = new int[n];
            java.util.Arrays.fill(prev, -1);
            prev[s] = s;
            ArrayDeque<Integer> q = new ArrayDeque<>();
            q.add(s);
            while (!q.isEmpty() && prev[t] < 0) {
                int u = q.poll();
                for (int v = 0; v < n; v++) {
                    if (prev[v] < 0 && r[u][v] > 0) {
                        prev[v] = u;
                        q.add(v);
                    }
                }
            }
            if (prev[t] < 0) {
                return flow;
            }
            double b = Double.MAX_VALUE;
            for (int v = t; v != s; v = prev[v]) {
                b = Math.min(b, r[prev[v]][v]);
            }
            for (int v = t; v != s; v = prev[v]) {
                r[prev[v]][v] -= b;
                r[v][prev[v]] += b;
            }
            flow += b;
        }
    }
}
