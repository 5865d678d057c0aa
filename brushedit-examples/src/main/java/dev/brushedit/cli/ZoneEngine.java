package dev.brushedit.cli;

import dev.brushedit.blend.ZoneMode;
import dev.brushedit.core.InputLimits;
import dev.brushedit.core.InvalidInputException;
import dev.brushedit.core.ModelException;
import dev.brushedit.core.image.RgbImage;
import dev.brushedit.edit.EditPlan;
import dev.brushedit.edit.Instructor;
import dev.brushedit.edit.ZoneActions;
import dev.brushedit.inpaint.ProgressListener;
import dev.brushedit.models.ExecutionOptions;
import dev.brushedit.pix2pix.FusedInstructPix2Pix;
import dev.brushedit.pix2pix.Pix2PixRequest;
import dev.brushedit.pix2pix.ZoneAction;
import dev.brushedit.segment.SamAutomaticMasks;
import dev.brushedit.segment.SamModel;
import dev.brushedit.zone.ZoneEditor;
import dev.brushedit.zone.ZoneResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * {@code edit --engine zone}: ZONE's pipeline ({@link ZoneEditor}) with the folders and settings the command's
 * flags name. Everything that can be checked is checked before any model is opened: the flags, the plan and its
 * action.
 *
 * <p>Thread-safety: runs once, on one thread.
 */
final class ZoneEngine {
    /** What the command gives ZONE. */
    record Settings(Path ip2pModel, Path magicBrushModel, Path segmentModels, String mode, int dilate, int samPoints,
            Pix2PixRequest request, ExecutionOptions options, InputLimits limits) {
    }

    private final Settings s;
    private final ZoneMode mode;

    private ZoneEngine(Settings s, ZoneMode mode) {
        this.s = s;
        this.mode = mode;
    }

    /** Checks the settings (usage errors name the flag; a missing folder is a model error naming it). */
    static ZoneEngine check(Settings s) {
        if (s.ip2pModel() == null || s.magicBrushModel() == null || s.segmentModels() == null) {
            throw new UsageException("--engine zone needs --ip2p-model DIR (InstructPix2Pix), --magicbrush-model DIR (MagicBrush) "
                    + "and --segment-models DIR (a folder with sam/), all made by tools/exporter");
        }
        requireFolder(s.ip2pModel(), "--ip2p-model");
        requireFolder(s.magicBrushModel(), "--magicbrush-model");
        requireFolder(s.segmentModels().resolve("sam"), "--segment-models");
        ZoneMode mode = switch (s.mode().toLowerCase(Locale.ROOT)) {
            case "corrected" -> ZoneMode.CORRECTED;
            case "reference" -> ZoneMode.REFERENCE;
            default -> throw new UsageException("--zone-mode must be corrected or reference, was " + s.mode());
        };
        Usage.option("--dilate", s.dilate(), () -> ZoneEditor.builder().dilateIterations(s.dilate()));
        if (s.samPoints() < 1 || s.samPoints() > 256) {
            throw new UsageException("--sam-points must be between 1 and 256, was " + s.samPoints());
        }
        return new ZoneEngine(s, mode);
    }

    private static void requireFolder(Path folder, String flag) {
        if (!Files.isDirectory(folder)) {
            throw new ModelException(flag + " " + folder + " is not a directory; expected a model folder made by tools/exporter");
        }
    }

    /**
     * The action of {@code plan}, before any model is opened.
     *
     * @throws InvalidInputException naming what ZONE can do when the action cannot be determined
     */
    static ZoneAction action(EditPlan plan) {
        return ZoneActions.of(plan);
    }

    /** Opens the models, runs ZONE on {@code image} as {@code plan} says, closes the models. */
    ZoneResult run(RgbImage image, String instruction, EditPlan plan, Instructor instructor, ProgressListener listener) {
        FusedInstructPix2Pix fused = openFused();
        try (fused; SamModel sam = SamModel.open(s.segmentModels().resolve("sam"), s.options())) {
            ZoneEditor zone = ZoneEditor.builder().instructor(instructor).fused(fused).mode(mode).dilateIterations(s.dilate())
                    .segmentSource(SamAutomaticMasks.builder(sam).pointsPerSide(s.samPoints()).build()).build();
            return zone.edit(image, plan, s.request().toBuilder().instruction(instruction).build(), listener, null);
        }
    }

    private FusedInstructPix2Pix openFused() {
        try {
            return FusedInstructPix2Pix.builder().checkpoint(s.ip2pModel()).magicBrush(s.magicBrushModel())
                    .executionOptions(s.options()).limits(s.limits()).defaults(s.request()).build();
        } catch (ModelException e) {
            throw new ModelException("--ip2p-model " + s.ip2pModel() + " / --magicbrush-model " + s.magicBrushModel() + ": "
                    + e.getMessage(), e);
        }
    }
}
