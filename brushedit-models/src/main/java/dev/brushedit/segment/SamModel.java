package dev.brushedit.segment;

import ai.onnxruntime.TensorInfo;
import dev.brushedit.core.Checks;
import dev.brushedit.core.InvalidInputException;
import dev.brushedit.core.ModelException;
import dev.brushedit.core.image.Mask;
import dev.brushedit.core.image.RgbImage;
import dev.brushedit.core.tensor.Tensor;
import dev.brushedit.models.ExecutionOptions;
import dev.brushedit.models.SessionFactory;
import dev.brushedit.models.internal.ContractCheck;
import dev.brushedit.models.internal.GraphSession;
import dev.brushedit.models.internal.GraphSession.Feed;
import dev.brushedit.segment.internal.Letterbox;
import dev.brushedit.segment.internal.MaskLogits;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Segment Anything over ONNX: {@code encoder.onnx} (the image encoder) and {@code decoder.onnx} (the
 * prompt decoder in the layout of segment-anything's {@code scripts/export_onnx_model.py}) in one
 * folder; see {@code tools/exporter/segment/SEGMENT_CONTRACT.md}.
 *
 * <p>{@link #embed} scales the image so its longest side is the encoder's input size (1024 for the
 * released models) with Pillow's bilinear resize (as segment-anything's {@code ResizeLongestSide}), normalises with SAM's pixel mean and standard deviation and pads to a square;
 * {@link #predict} maps the prompt into that frame, runs the decoder (which scales the masks back to
 * the image) and thresholds the logits at 0.
 *
 * <p>Thread-safety: safe for concurrent use (each session serialises its calls). Close it once,
 * after all users are done.
 */
public final class SamModel implements AutoCloseable {
    /** File name of the image encoder inside the folder. */
    public static final String ENCODER_FILE = "encoder.onnx";
    /** File name of the prompt decoder inside the folder. */
    public static final String DECODER_FILE = "decoder.onnx";
    private static final float[] MEAN = {123.675f / 255f, 116.28f / 255f, 103.53f / 255f};
    private static final float[] STD = {58.395f / 255f, 57.12f / 255f, 57.375f / 255f};

    private final GraphSession encoder;
    private final GraphSession decoder;
    private final Letterbox letterbox;
    private final int[] maskInputShape;

    private SamModel(GraphSession encoder, GraphSession decoder) {
        this.encoder = encoder;
        this.decoder = decoder;
        TensorInfo image = ContractCheck.input(encoder, "image").rank(4).floats().dim(1, 3).check();
        ContractCheck.output(encoder, "image_embeddings").rank(4).floats().check();
        long side = image.getShape()[3];
        if (side <= 0 || image.getShape()[2] != side) {
            throw new ModelException(encoder.label() + ": input 'image' expected a fixed square size [1, 3, S, S], found "
                    + java.util.Arrays.toString(image.getShape()));
        }
        this.letterbox = new Letterbox((int) side, MEAN, STD, Float.NaN, true);
        ContractCheck.input(decoder, "image_embeddings").rank(4).floats().check();
        ContractCheck.input(decoder, "point_coords").rank(3).floats().check();
        ContractCheck.input(decoder, "point_labels").rank(2).floats().check();
        TensorInfo maskInput = ContractCheck.input(decoder, "mask_input").rank(4).floats().dim(1, 1).check();
        ContractCheck.input(decoder, "has_mask_input").rank(1).floats().check();
        ContractCheck.input(decoder, "orig_im_size").rank(1).floats().check();
        ContractCheck.output(decoder, "masks").rank(4).floats().check();
        ContractCheck.output(decoder, "iou_predictions").rank(2).floats().check();
        long[] ms = maskInput.getShape();
        int lowRes = (int) side / 4;
        this.maskInputShape = new int[] {1, 1, ms[2] > 0 ? (int) ms[2] : lowRes, ms[3] > 0 ? (int) ms[3] : lowRes};
    }

    /** Opens {@code folder} with default execution options. */
    public static SamModel open(Path folder) {
        return open(folder, ExecutionOptions.defaults());
    }

    /**
     * Opens {@code folder}'s {@value #ENCODER_FILE} and {@value #DECODER_FILE} and checks their
     * inputs and outputs; throws {@link ModelException} naming the file and what differs.
     */
    public static SamModel open(Path folder, ExecutionOptions options) {
        Checks.notNull("folder", folder);
        Checks.notNull("options", options);
        SessionFactory factory = new SessionFactory(options);
        GraphSession enc = session(factory, folder, ENCODER_FILE);
        try {
            GraphSession dec = session(factory, folder, DECODER_FILE);
            try {
                return new SamModel(enc, dec);
            } catch (RuntimeException e) {
                dec.close();
                throw e;
            }
        } catch (RuntimeException e) {
            enc.close();
            throw e;
        }
    }

    private static GraphSession session(SessionFactory factory, Path folder, String file) {
        Path path = folder.resolve(file);
        String label = "sam/" + file;
        if (!Files.isRegularFile(path)) {
            throw new ModelException(label + ": file " + path + " is missing; export SAM with"
                    + " tools/exporter/segment/export_sam.py");
        }
        return new GraphSession(factory.open(path, label, null), label);
    }

    /** The side of the encoder's square input (1024 for the released SAM models). */
    public int inputSize() {
        return letterbox.target();
    }

    /** Runs the image encoder once for {@code image}. */
    public SamEmbedding embed(RgbImage image) {
        Checks.notNull("image", image);
        Tensor input = letterbox.apply(image);
        Tensor emb = encoder.run(Map.of("image", Feed.of(input)), List.of("image_embeddings"), "image encoder")
                .get("image_embeddings");
        return new SamEmbedding(emb, image.width(), image.height(), this);
    }

    /**
     * The best mask for {@code prompt}. With the usual four decoder outputs: for a box without points,
     * the single-mask output (segment-anything's {@code SamPredictor} with
     * {@code multimask_output=False}, as BrushEdit segments detected boxes); otherwise the choice of
     * segment-anything's ONNX {@code SamOnnxModel.select_masks}: the single-mask output when the
     * decoder gets three or more points, else (one click) the multimask output with the highest
     * predicted IoU.
     */
    public SamPrediction predict(SamEmbedding embedding, SamPrompt prompt) {
        Decoded d = decode(embedding, prompt);
        int best = prompt.isBoxOnly() ? 0 : bestIndex(d.iou, prompt.decoderPointCount());
        return new SamPrediction(Mask.of(d.width, d.height, MaskLogits.binary(d.logits, best * d.plane(), d.plane(), 0f)),
                d.iou[best]);
    }

    /** Every mask the decoder returns for {@code prompt}, in the decoder's order. */
    public List<SamPrediction> predictAll(SamEmbedding embedding, SamPrompt prompt) {
        Decoded d = decode(embedding, prompt);
        List<SamPrediction> out = new ArrayList<>();
        for (int k = 0; k < d.count; k++) {
            out.add(new SamPrediction(Mask.of(d.width, d.height, MaskLogits.binary(d.logits, k * d.plane(), d.plane(), 0f)),
                    d.iou[k]));
        }
        return out;
    }

    static int bestIndex(float[] iou, int decoderPoints) {
        int best = 0;
        double bestScore = Double.NEGATIVE_INFINITY;
        for (int k = 0; k < iou.length; k++) {
            double score = iou[k] + (iou.length == 4 && k == 0 ? (decoderPoints - 2.5) * 1000.0 : 0.0);
            if (score > bestScore) {
                bestScore = score;
                best = k;
            }
        }
        return best;
    }

    /** Raw decoder output: {@code count} logit planes of {@code height x width} and their IoU estimates. */
    Decoded decode(SamEmbedding embedding, SamPrompt prompt) {
        Checks.notNull("embedding", embedding);
        Checks.notNull("prompt", prompt);
        if (embedding.owner() != this) {
            throw new InvalidInputException("the embedding was made by another SamModel; embed the image with this one");
        }
        int w = embedding.width();
        int h = embedding.height();
        float[][] pts = prompt.decoderPoints();
        int n = pts[1].length;
        float[] coords = new float[2 * n];
        for (int i = 0; i < n; i++) {
            float[] c = letterbox.toInput(pts[0][2 * i], pts[0][2 * i + 1], h, w);
            coords[2 * i] = c[0];
            coords[2 * i + 1] = c[1];
        }
        Map<String, Feed> feeds = Map.of(
                "image_embeddings", Feed.of(embedding.embeddings()),
                "point_coords", Feed.of(Tensor.of(coords, 1, n, 2)),
                "point_labels", Feed.of(Tensor.of(pts[1], 1, n)),
                "mask_input", Feed.of(Tensor.zeros(maskInputShape)),
                "has_mask_input", Feed.of(Tensor.zeros(1)),
                "orig_im_size", Feed.of(Tensor.of(new float[] {h, w}, 2)));
        Map<String, Tensor> out = decoder.runUnpinned(feeds, List.of("masks", "iou_predictions"), "prompt decoder");
        Tensor masks = out.get("masks");
        Tensor iou = out.get("iou_predictions");
        if (masks.dim(0) != 1 || masks.dim(2) != h || masks.dim(3) != w || iou.size() != masks.dim(1)) {
            throw new ModelException(decoder.label() + ": output 'masks' expected [1, K, " + h + ", " + w
                    + "] with K iou_predictions, found " + java.util.Arrays.toString(masks.shape()) + " and "
                    + java.util.Arrays.toString(iou.shape()));
        }
        return new Decoded(masks.toArray(), iou.toArray(), masks.dim(1), w, h);
    }

    /** Closes both sessions. */
    @Override
    public void close() {
        try {
            encoder.close();
        } finally {
            decoder.close();
        }
    }

    /** Decoder output in image pixels. */
    static final class Decoded {
        final float[] logits;
        final float[] iou;
        final int count;
        final int width;
        final int height;

        Decoded(float[] logits, float[] iou, int count, int width, int height) {
            this.logits = logits;
            this.iou = iou;
            this.count = count;
            this.width = width;
            this.height = height;
        }

        int plane() {
            return width * height;
        }
    }
}
