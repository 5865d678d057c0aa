package dev.brushedit.cli;

import dev.brushedit.core.ModelException;
import dev.brushedit.edit.DetectorSamMaskSource;
import dev.brushedit.edit.MaskSource;
import dev.brushedit.models.ExecutionOptions;
import dev.brushedit.models.text.ClipTokenizer;
import dev.brushedit.segment.OpenVocabularyDetector;
import dev.brushedit.segment.SamModel;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The detector and SAM graphs of a segmentation folder ({@code sam/encoder.onnx},
 * {@code sam/decoder.onnx}, {@code detector/model.onnx}, and {@code tokenizer/} unless given
 * apart), opened together and closed together.
 */
final class SegmentModels implements AutoCloseable {
    private final SamModel sam;
    private final OpenVocabularyDetector detector;
    private final DetectorSamMaskSource source;

    private SegmentModels(SamModel sam, OpenVocabularyDetector detector) {
        this.sam = sam;
        this.detector = detector;
        this.source = DetectorSamMaskSource.builder(detector, sam).build();
    }

    static SegmentModels open(Path folder, Path tokenizerDir, ExecutionOptions options) {
        if (!Files.isDirectory(folder)) {
            throw new ModelException("--segment-models " + folder + " is not a directory; expected a folder with "
                    + "sam/ and detector/ (see tools/exporter/segment)");
        }
        Path tokenizer = tokenizerDir != null ? tokenizerDir : folder.resolve("tokenizer");
        if (!Files.isDirectory(tokenizer)) {
            throw new ModelException("no tokenizer for the detector: " + folder + " has no tokenizer/ folder; "
                    + "give --tokenizer DIR (a folder with CLIP's vocab.json and merges.txt)");
        }
        SamModel sam = SamModel.open(folder.resolve("sam"), options);
        try {
            return new SegmentModels(sam, OpenVocabularyDetector.open(folder.resolve("detector").resolve("model.onnx"),
                    ClipTokenizer.fromDirectory(tokenizer), options));
        } catch (RuntimeException e) {
            sam.close();
            throw e;
        }
    }

    MaskSource maskSource() {
        return source;
    }

    @Override
    public void close() {
        try {
            detector.close();
        } finally {
            sam.close();
        }
    }
}
