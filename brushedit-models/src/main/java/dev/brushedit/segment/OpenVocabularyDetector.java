package dev.brushedit.segment;

import ai.onnxruntime.OnnxJavaType;
import ai.onnxruntime.TensorInfo;
import dev.brushedit.core.Checks;
import dev.brushedit.core.InvalidInputException;
import dev.brushedit.core.ModelException;
import dev.brushedit.core.image.Box;
import dev.brushedit.core.image.RgbImage;
import dev.brushedit.core.tensor.Tensor;
import dev.brushedit.models.ExecutionOptions;
import dev.brushedit.models.SessionFactory;
import dev.brushedit.models.internal.ContractCheck;
import dev.brushedit.models.internal.GraphSession;
import dev.brushedit.models.internal.GraphSession.Feed;
import dev.brushedit.models.text.ClipTokenizer;
import dev.brushedit.segment.internal.BoxOps;
import dev.brushedit.segment.internal.Letterbox;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Open-vocabulary object detection over ONNX: an OWLv2 graph exported by
 * {@code tools/exporter/segment/export_detector.py} (contract in
 * {@code tools/exporter/segment/SEGMENT_CONTRACT.md}) finds boxes for free-text queries.
 *
 * <p>The image is padded at the bottom and right to a square with black, scaled to the graph's
 * input size and normalised with CLIP's mean and standard deviation (transformers'
 * {@code Owlv2ImageProcessor}; the image is scaled before padding, so only the seam between image
 * and padding can differ, and transformers' anti-aliased resize differs slightly from ours when
 * scaling down). Boxes are relative to the padded square. Queries are
 * tokenised with CLIP's BPE into the graph's sequence length (start id, ids, end id, padding 0). Each
 * predicted box takes its best query; boxes scoring at least the threshold survive non-maximum
 * suppression and are returned highest score first.
 *
 * <p>Thread-safety: safe for concurrent use (the session serialises its calls; the tokenizer is
 * thread-safe). Close it once, after all users are done.
 */
public final class OpenVocabularyDetector implements ObjectDetector, AutoCloseable {
    /** Default IoU above which the lower-scoring of two boxes is suppressed. */
    public static final float DEFAULT_NMS_IOU = 0.5f;
    private static final float[] CLIP_MEAN = {0.48145466f, 0.4578275f, 0.40821073f};
    private static final float[] CLIP_STD = {0.26862954f, 0.26130258f, 0.27577711f};

    private final GraphSession graph;
    private final ClipTokenizer tokenizer;
    private final Letterbox letterbox;
    private final int sequenceLength;

    private OpenVocabularyDetector(GraphSession graph, ClipTokenizer tokenizer) {
        this.graph = graph;
        this.tokenizer = tokenizer;
        TensorInfo ids = ContractCheck.input(graph, "input_ids").rank(2).type(OnnxJavaType.INT64, OnnxJavaType.INT32).check();
        ContractCheck.input(graph, "attention_mask").rank(2).type(OnnxJavaType.INT64, OnnxJavaType.INT32).check();
        TensorInfo pixels = ContractCheck.input(graph, "pixel_values").rank(4).floats().dim(1, 3).check();
        ContractCheck.output(graph, "logits").rank(3).floats().check();
        ContractCheck.output(graph, "pred_boxes").rank(3).floats().dim(2, 4).check();
        long side = pixels.getShape()[3];
        if (side <= 0 || pixels.getShape()[2] != side) {
            throw new ModelException(graph.label() + ": input 'pixel_values' expected a fixed square size [1, 3, S, S], found "
                    + Arrays.toString(pixels.getShape()));
        }
        this.letterbox = new Letterbox((int) side, CLIP_MEAN, CLIP_STD, 0f, false);
        long seq = ids.getShape()[1];
        this.sequenceLength = seq > 0 ? (int) seq : 16;
    }

    /**
     * Opens the detector graph {@code modelFile}, tokenising queries with {@code tokenizer} (CLIP's
     * BPE, as OWLv2 uses); throws {@link ModelException} when the graph breaks the contract.
     */
    public static OpenVocabularyDetector open(Path modelFile, ClipTokenizer tokenizer, ExecutionOptions options) {
        Checks.notNull("modelFile", modelFile);
        Checks.notNull("tokenizer", tokenizer);
        Checks.notNull("options", options);
        String label = "detector/" + modelFile.getFileName();
        if (!Files.isRegularFile(modelFile)) {
            throw new ModelException(label + ": file " + modelFile + " is missing; export OWLv2 with"
                    + " tools/exporter/segment/export_detector.py");
        }
        GraphSession g = new GraphSession(new SessionFactory(options).open(modelFile, label, null), label);
        try {
            return new OpenVocabularyDetector(g, tokenizer);
        } catch (RuntimeException e) {
            g.close();
            throw e;
        }
    }

    /** Token sequence length of each query (16 for OWLv2). */
    public int sequenceLength() {
        return sequenceLength;
    }

    /** {@link #detect(RgbImage, List, float, float)} for one query with {@link #DEFAULT_NMS_IOU}. */
    public List<Detection> detect(RgbImage image, String query, float scoreThreshold) {
        return detect(image, List.of(Checks.notNull("query", query)), scoreThreshold, DEFAULT_NMS_IOU);
    }

    @Override
    public List<Detection> detect(RgbImage image, List<String> queries, float scoreThreshold, float nmsIou) {
        Checks.notNull("image", image);
        Checks.notNull("queries", queries);
        Checks.inRange("scoreThreshold", scoreThreshold, 0.0, 1.0);
        Checks.inRange("nmsIou", nmsIou, 0.0, 1.0);
        if (queries.isEmpty()) {
            throw new InvalidInputException("queries must name at least one object, was empty");
        }
        int q = queries.size();
        float[] ids = new float[q * sequenceLength];
        float[] mask = new float[q * sequenceLength];
        for (int i = 0; i < q; i++) {
            tokenize(Checks.notBlank("query", queries.get(i)), ids, mask, i * sequenceLength);
        }
        Map<String, Feed> feeds = Map.of(
                "input_ids", Feed.of(Tensor.of(ids, q, sequenceLength)),
                "attention_mask", Feed.of(Tensor.of(mask, q, sequenceLength)),
                "pixel_values", Feed.of(letterbox.apply(image)));
        Map<String, Tensor> out = graph.run(feeds, List.of("logits", "pred_boxes"), "detection");
        Tensor logits = out.get("logits");
        Tensor boxes = out.get("pred_boxes");
        int p = boxes.dim(1);
        if (logits.dim(1) != p || logits.dim(2) != q) {
            throw new ModelException(graph.label() + ": output 'logits' expected [1, " + p + ", " + q + "], found "
                    + Arrays.toString(logits.shape()));
        }
        return select(image, queries, logits.toArray(), boxes.toArray(), p, scoreThreshold, nmsIou);
    }

    private void tokenize(String query, float[] ids, float[] mask, int at) {
        int[] bpe = tokenizer.encode(query);
        int n = Math.min(bpe.length, sequenceLength - 2);
        ids[at] = tokenizer.startId();
        for (int i = 0; i < n; i++) {
            ids[at + 1 + i] = bpe[i];
        }
        ids[at + n + 1] = tokenizer.endId();
        Arrays.fill(mask, at, at + n + 2, 1f);
    }

    private static List<Detection> select(RgbImage image, List<String> queries, float[] logits, float[] boxes, int p,
            float threshold, float nmsIou) {
        int q = queries.size();
        double side = Math.max(image.width(), image.height());
        List<float[]> kept = new ArrayList<>();
        List<Float> scores = new ArrayList<>();
        List<String> labels = new ArrayList<>();
        for (int i = 0; i < p; i++) {
            int bestQ = 0;
            for (int j = 1; j < q; j++) {
                if (logits[i * q + j] > logits[i * q + bestQ]) {
                    bestQ = j;
                }
            }
            float score = (float) (1.0 / (1.0 + Math.exp(-logits[i * q + bestQ])));
            if (score < threshold) {
                continue;
            }
            float[] b = pixelBox(boxes, 4 * i, side, image.width(), image.height());
            if (b == null) {
                continue;
            }
            kept.add(b);
            scores.add(score);
            labels.add(queries.get(bestQ));
        }
        List<Detection> out = new ArrayList<>();
        for (int i : BoxOps.nms(kept, scores, nmsIou)) {
            float[] b = kept.get(i);
            out.add(new Detection(new Box((int) Math.floor(b[0]), (int) Math.floor(b[1]), (int) Math.ceil(b[2]),
                    (int) Math.ceil(b[3])), scores.get(i), labels.get(i)));
        }
        return out;
    }

    /**
     * The relative {@code (cx, cy, w, h)} box at {@code at} as pixel corners {@code [x0, y0, x1, y1]}
     * on the padded square of side {@code side}, clamped to the image; null when nothing is left.
     */
    static float[] pixelBox(float[] boxes, int at, double side, int width, int height) {
        double cx = boxes[at] * side;
        double cy = boxes[at + 1] * side;
        double hw = boxes[at + 2] * side / 2;
        double hh = boxes[at + 3] * side / 2;
        double x0 = Math.max(0, cx - hw);
        double y0 = Math.max(0, cy - hh);
        double x1 = Math.min(width, cx + hw);
        double y1 = Math.min(height, cy + hh);
        if (!(x1 - x0 >= 0.5 && y1 - y0 >= 0.5)) {
            return null;
        }
        return new float[] {(float) x0, (float) y0, (float) x1, (float) y1};
    }

    /** Closes the session. */
    @Override
    public void close() {
        graph.close();
    }
}
