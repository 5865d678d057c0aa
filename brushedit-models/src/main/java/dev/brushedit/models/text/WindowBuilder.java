package dev.brushedit.models.text;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Splits weighted segments into 77-id windows the way the AUTOMATIC1111 web UI does (its
 * {@code tokenize_line} with the default "comma padding backtrack" of 20):
 * <ul>
 *   <li>each segment's text is encoded on its own and every id takes the segment's weight;</li>
 *   <li>a window takes up to 75 ids; when it is full and the next id is not a comma, and a comma
 *       ({@code ",</w>"}) is among the window's last 20 ids, the ids after that comma move to the next
 *       window so that a phrase is not cut in two; otherwise the window is simply cut at 75;</li>
 *   <li>a comma that arrives when the window is full starts the next window and does not count as
 *       a comma there (A1111's behaviour);</li>
 *   <li>a {@code BREAK} closes the current window, even an empty one;</li>
 *   <li>each window is laid out as start id, its ids, end id, then padding up to 77, with weight 1
 *       on the start, end and padding; a prompt without ids gives one window.</li>
 * </ul>
 *
 * <p>Thread-safety: stateless; safe for concurrent use.
 */
final class WindowBuilder {
    /** How far back from a full window a comma is looked for. */
    static final int COMMA_BACKTRACK = 20;

    private WindowBuilder() {}

    static TokenizedPrompt build(ClipTokenizer tokenizer, List<WeightedSegment> segments) {
        State s = new State(tokenizer);
        for (WeightedSegment segment : segments) {
            if (segment.isBreak()) {
                s.closeWindow();
                continue;
            }
            for (int id : tokenizer.encode(segment.text())) {
                s.add(id, segment.weight());
            }
        }
        if (s.size > 0 || s.windows.isEmpty()) {
            s.closeWindow();
        }
        return new TokenizedPrompt(s.windows, s.windowWeights, s.tokenCount, tokenizer.startId(), tokenizer.endId(),
                tokenizer.padId());
    }

    /** The window being filled and the windows closed so far. */
    private static final class State {
        private final ClipTokenizer tokenizer;
        private final int comma;
        private final List<int[]> windows = new ArrayList<>();
        private final List<float[]> windowWeights = new ArrayList<>();
        private int[] ids = new int[ClipTokenizer.WINDOW_LENGTH];
        private float[] weights = new float[ClipTokenizer.WINDOW_LENGTH];
        private int size;
        private int lastComma = -1;
        private int tokenCount;

        State(ClipTokenizer tokenizer) {
            this.tokenizer = tokenizer;
            this.comma = tokenizer.commaId();
        }

        void add(int id, float weight) {
            if (id == comma) {
                lastComma = size;
            } else if (size == ClipTokenizer.WINDOW_LENGTH && lastComma != -1
                    && size - lastComma <= COMMA_BACKTRACK) {
                int keep = lastComma + 1;
                int[] movedIds = Arrays.copyOfRange(ids, keep, size);
                float[] movedWeights = Arrays.copyOfRange(weights, keep, size);
                size = keep;
                closeWindow();
                System.arraycopy(movedIds, 0, ids, 0, movedIds.length);
                System.arraycopy(movedWeights, 0, weights, 0, movedWeights.length);
                size = movedIds.length;
            }
            if (size == ClipTokenizer.WINDOW_LENGTH) {
                closeWindow();
            }
            ids[size] = id;
            weights[size] = weight;
            size++;
        }

        void closeWindow() {
            int[] window = new int[ClipTokenizer.MAX_LENGTH];
            float[] w = new float[ClipTokenizer.MAX_LENGTH];
            Arrays.fill(window, tokenizer.padId());
            Arrays.fill(w, 1f);
            window[0] = tokenizer.startId();
            System.arraycopy(ids, 0, window, 1, size);
            System.arraycopy(weights, 0, w, 1, size);
            window[size + 1] = tokenizer.endId();
            windows.add(window);
            windowWeights.add(w);
            tokenCount += size;
            size = 0;
            lastComma = -1;
        }
    }
}
