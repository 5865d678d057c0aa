package dev.brushedit.segment;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.brushedit.core.image.RgbImage;
import dev.brushedit.models.ExecutionOptions;
import dev.brushedit.models.StandIns;
import dev.brushedit.models.text.ClipTokenizer;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;

/** Stand-ins, reference vectors and the test image shared by the segment tests. Thread-safety: lazy fields load under the class lock. */
public final class SegmentFixtures {
    private static JsonNode reference;
    private static ClipTokenizer tokenizer;

    private SegmentFixtures() {}

    /** The stand-in SAM folder. */
    static Path samFolder() {
        return StandIns.folder("segment-tiny").resolve("sam");
    }

    /** The stand-in OWLv2 graph. */
    static Path detectorFile() {
        return StandIns.folder("segment-tiny").resolve("detector").resolve("model.onnx");
    }

    public static SamModel sam() {
        return SamModel.open(samFolder(), ExecutionOptions.defaults());
    }

    static synchronized ClipTokenizer tokenizer() {
        if (tokenizer == null) {
            tokenizer = ClipTokenizer.fromDirectory(StandIns.folder(StandIns.TINY).resolve("tokenizer"));
        }
        return tokenizer;
    }

    public static OpenVocabularyDetector detector() {
        return OpenVocabularyDetector.open(detectorFile(), tokenizer(), ExecutionOptions.defaults());
    }

    /** tools/parity/segment_reference.py's output. */
    public static synchronized JsonNode reference() {
        if (reference == null) {
            try (InputStream in = SegmentFixtures.class.getResourceAsStream("/segment/reference.json")) {
                reference = new ObjectMapper().readTree(in);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return reference;
    }

    /** The reference script's test image: channel c of (x, y) is (x*7 + y*13 + c*50 + (x*y)%31) % 256. */
    public static RgbImage pattern(int w, int h) {
        byte[] rgb = new byte[w * h * 3];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                for (int c = 0; c < 3; c++) {
                    rgb[(y * w + x) * 3 + c] = (byte) ((x * 7 + y * 13 + c * 50 + (x * y) % 31) % 256);
                }
            }
        }
        return RgbImage.of(w, h, rgb);
    }
}
