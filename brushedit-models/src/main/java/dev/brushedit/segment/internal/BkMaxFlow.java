package dev.brushedit.segment.internal;

import java.util.Arrays;

/**
 * Maximum flow / minimum s-t cut by Boykov and Kolmogorov's algorithm ("An experimental comparison of
 * min-cut/max-flow algorithms for energy minimization in vision", 2004): a search tree grows from the
 * source and one from the sink over non-saturated edges; where they meet, flow is pushed along the path;
 * nodes cut off by saturated edges (orphans) look for a new parent in their tree, preferring the one
 * closest to the terminal, or become free. Node terminal capacities are stored as one signed residual
 * (positive: from the source, negative: to the sink), so a node's opposing terminal edges cancel first.
 *
 * <p>Add all nodes' terminal weights and all edges, call {@link #maxFlow()} once, then read
 * {@link #inSourceSegment(int)}.
 *
 * <p>Thread-safety: not thread-safe; one per cut.
 */
public final class BkMaxFlow {
    private static final int TERMINAL = -1;
    private static final int ORPHAN = -2;
    private static final int NONE = 0;
    private static final int INACTIVE = -1;
    private static final int INFINITE_DISTANCE = Integer.MAX_VALUE;

    private final int nodes;
    // per node
    private final int[] firstEdge;
    private final double[] terminal;
    /** Per node: at 2v the edge from v to its parent in its tree (or TERMINAL, ORPHAN, NONE), at 2v + 1 that parent. */
    private final int[] link;
    private final int[] nextActive;
    private final int[] stamp;
    private final int[] distance;
    private final byte[] tree;
    // per edge; edges 0 and 1 are unused so that 0 means "no edge", and e ^ 1 is e's reverse
    private int[] target;
    private int[] nextEdge;
    private double[] residual;
    private int edges = 2;
    private double flow;

    /** A graph of {@code nodes} nodes with room for {@code edgePairs} pairs of opposite edges (it grows if needed). */
    public BkMaxFlow(int nodes, int edgePairs) {
        this.nodes = nodes;
        firstEdge = new int[nodes];
        terminal = new double[nodes];
        link = new int[2 * nodes];
        nextActive = new int[nodes + 1];
        stamp = new int[nodes];
        distance = new int[nodes];
        tree = new byte[nodes];
        int capacity = 2 + 2 * Math.max(0, edgePairs);
        target = new int[capacity];
        nextEdge = new int[capacity];
        residual = new double[capacity];
    }

    /** Adds capacities from the source and to the sink of node {@code i} (both non-negative). */
    public void addTerminalWeights(int i, double fromSource, double toSink) {
        double old = terminal[i];
        if (old > 0) {
            fromSource += old;
        } else {
            toSink -= old;
        }
        flow += Math.min(fromSource, toSink);
        terminal[i] = fromSource - toSink;
    }

    /** Adds an edge {@code i -> j} of capacity {@code forward} and {@code j -> i} of {@code backward}. */
    public void addEdges(int i, int j, double forward, double backward) {
        if (edges + 2 > target.length) {
            int grown = target.length * 2;
            target = Arrays.copyOf(target, grown);
            nextEdge = Arrays.copyOf(nextEdge, grown);
            residual = Arrays.copyOf(residual, grown);
        }
        int e = edges;
        target[e] = j;
        nextEdge[e] = firstEdge[i];
        residual[e] = forward;
        firstEdge[i] = e;
        target[e + 1] = i;
        nextEdge[e + 1] = firstEdge[j];
        residual[e + 1] = backward;
        firstEdge[j] = e + 1;
        edges += 2;
    }

    /** Computes the maximum flow and returns its value. */
    public double maxFlow() {
        final int nil = nodes;
        Arrays.fill(nextActive, INACTIVE);
        int first = nil;
        int last = nil;
        for (int v = 0; v < nodes; v++) {
            stamp[v] = 0;
            if (terminal[v] != 0) {
                nextActive[last] = v;
                last = v;
                nextActive[v] = nil;
                distance[v] = 1;
                link[2 * v] = TERMINAL;
                tree[v] = (byte) (terminal[v] < 0 ? 1 : 0);
            } else {
                link[2 * v] = NONE;
            }
        }
        first = nextActive[nil];
        nextActive[nil] = INACTIVE;
        if (first == INACTIVE) {
            first = nil;
        }
        int time = 0;
        int[] orphans = new int[16];
        while (true) {
            int meeting = 0;
            int v = -1;
            // grow both trees until they touch
            while (first != nil) {
                v = first;
                if (link[2 * v] != NONE) {
                    int vt = tree[v];
                    for (int e = firstEdge[v]; e != 0; e = nextEdge[e]) {
                        if (residual[e ^ vt] == 0) {
                            continue;
                        }
                        int u = target[e];
                        if (link[2 * u] == NONE) {
                            tree[u] = (byte) vt;
                            link[2 * u] = e ^ 1;
                            link[2 * u + 1] = v;
                            stamp[u] = stamp[v];
                            distance[u] = distance[v] + 1;
                            if (nextActive[u] == INACTIVE) {
                                nextActive[u] = nil;
                                nextActive[last] = u;
                                last = u;
                            }
                            continue;
                        }
                        if (tree[u] != vt) {
                            meeting = e ^ vt;
                            break;
                        }
                        if (distance[u] > distance[v] + 1 && stamp[u] <= stamp[v]) {
                            link[2 * u] = e ^ 1;
                            link[2 * u + 1] = v;
                            stamp[u] = stamp[v];
                            distance[u] = distance[v] + 1;
                        }
                    }
                    if (meeting > 0) {
                        break;
                    }
                }
                first = nextActive[first];
                nextActive[v] = INACTIVE;
            }
            if (meeting <= 0) {
                break;
            }
            // the bottleneck of the source -> ... -> meeting edge -> ... -> sink path
            double bottleneck = residual[meeting];
            for (int k = 1; k >= 0; k--) {
                int u = target[meeting ^ k];
                for (int e = link[2 * u]; e > 0; e = link[2 * u]) {
                    bottleneck = Math.min(bottleneck, residual[e ^ k]);
                    u = link[2 * u + 1];
                }
                bottleneck = Math.min(bottleneck, Math.abs(terminal[u]));
            }
            residual[meeting] -= bottleneck;
            residual[meeting ^ 1] += bottleneck;
            flow += bottleneck;
            int orphanCount = 0;
            for (int k = 1; k >= 0; k--) {
                int u = target[meeting ^ k];
                for (int e = link[2 * u]; e > 0; e = link[2 * u]) {
                    residual[e ^ (k ^ 1)] += bottleneck;
                    residual[e ^ k] -= bottleneck;
                    int next = link[2 * u + 1];
                    if (residual[e ^ k] == 0) {
                        orphans = push(orphans, orphanCount++, u);
                        link[2 * u] = ORPHAN;
                    }
                    u = next;
                }
                terminal[u] += bottleneck * (1 - 2 * k);
                if (terminal[u] == 0) {
                    orphans = push(orphans, orphanCount++, u);
                    link[2 * u] = ORPHAN;
                }
            }
            // adopt the orphans
            time++;
            while (orphanCount > 0) {
                int o = orphans[--orphanCount];
                int ot = tree[o];
                int bestDistance = INFINITE_DISTANCE;
                int bestEdge = NONE;
                for (int e = firstEdge[o]; e != 0; e = nextEdge[e]) {
                    if (residual[e ^ (ot ^ 1)] == 0) {
                        continue;
                    }
                    int u = target[e];
                    if (tree[u] != ot || link[2 * u] == NONE) {
                        continue;
                    }
                    int d = 0;
                    while (true) {
                        if (stamp[u] == time) {
                            d += distance[u];
                            break;
                        }
                        int up = link[2 * u];
                        d++;
                        if (up < 0) {
                            if (up == ORPHAN) {
                                d = INFINITE_DISTANCE - 1;
                            } else {
                                stamp[u] = time;
                                distance[u] = 1;
                            }
                            break;
                        }
                        u = link[2 * u + 1];
                    }
                    if (++d < INFINITE_DISTANCE) {
                        if (d < bestDistance) {
                            bestDistance = d;
                            bestEdge = e;
                        }
                        for (u = target[e]; stamp[u] != time; u = link[2 * u + 1]) {
                            stamp[u] = time;
                            distance[u] = --d;
                        }
                    }
                }
                link[2 * o] = bestEdge;
                if (bestEdge > 0) {
                    link[2 * o + 1] = target[bestEdge];
                    stamp[o] = time;
                    distance[o] = bestDistance;
                    continue;
                }
                // no parent found: o becomes free; its children become orphans, its neighbours active
                stamp[o] = 0;
                for (int e = firstEdge[o]; e != 0; e = nextEdge[e]) {
                    int u = target[e];
                    int up = link[2 * u];
                    if (tree[u] != ot || up == NONE) {
                        continue;
                    }
                    if (residual[e ^ (ot ^ 1)] != 0 && nextActive[u] == INACTIVE) {
                        nextActive[u] = nil;
                        nextActive[last] = u;
                        last = u;
                    }
                    if (up > 0 && link[2 * u + 1] == o) {
                        orphans = push(orphans, orphanCount++, u);
                        link[2 * u] = ORPHAN;
                    }
                }
            }
        }
        return flow;
    }

    private static int[] push(int[] stack, int size, int value) {
        int[] s = size == stack.length ? Arrays.copyOf(stack, size * 2) : stack;
        s[size] = value;
        return s;
    }

    /**
     * Whether node {@code i} is on the source side of the minimum cut (valid after {@link #maxFlow()}): every
     * node outside the sink's final tree, i.e. every node that cannot reach the sink through unsaturated edges.
     * (OpenCV reads the tree flag instead, which a node left free keeps from its last tree; that can mix free
     * nodes across the cut and cost more than the flow.)
     */
    public boolean inSourceSegment(int i) {
        return tree[i] == 0 || link[2 * i] == NONE;
    }
}
