package dev.brushedit.zone;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.brushedit.blend.FftEdgeSmoother;
import dev.brushedit.blend.MaskOps;
import dev.brushedit.blend.MaskRefiner;
import dev.brushedit.blend.SegmentSource;
import dev.brushedit.blend.SmoothedEdit;
import dev.brushedit.blend.StructuringElement;
import dev.brushedit.blend.ZoneMode;
import dev.brushedit.core.InvalidInputException;
import dev.brushedit.core.ModelException;
import dev.brushedit.core.image.Box;
import dev.brushedit.core.image.Mask;
import dev.brushedit.core.image.RgbImage;
import dev.brushedit.edit.EditCategory;
import dev.brushedit.inpaint.InpaintResult;
import dev.brushedit.inpaint.LargeImageStrategy;
import dev.brushedit.inpaint.ProgressListener;
import dev.brushedit.models.StandIns;
import dev.brushedit.pix2pix.FusedInstructPix2Pix;
import dev.brushedit.pix2pix.Pix2PixRequest;
import dev.brushedit.pix2pix.ZoneAction;
import dev.brushedit.segment.SamAutomaticMasks;
import dev.brushedit.segment.SamModel;
import dev.brushedit.segment.SegmentFixtures;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** ZONE end to end: on the stand-ins (ip2p-tiny, magicbrush-tiny, segment-tiny) and with stub stages. */
class ZoneEditorTest {
    static final Box SQUARE = new Box(20, 16, 44, 40);
    static FusedInstructPix2Pix fused;
    static SamModel sam;
    static SamAutomaticMasks auto;

    @BeforeAll
    static void open() {
        fused = FusedInstructPix2Pix.builder().checkpoint(StandIns.folder("ip2p-tiny")).magicBrush(StandIns.folder("magicbrush-tiny"))
                .defaults(FusedInstructPix2Pix.zoneDefaults().toBuilder().steps(2).seed(11).strategy(LargeImageStrategy.original())
                        .build()).build();
        sam = SegmentFixtures.sam();
        // a coarse grid with the thresholds off, so that the random-weight SAM proposes candidates
        auto = SamAutomaticMasks.builder(sam).pointsPerSide(4).predIouThreshold(-1f).stabilityScoreThreshold(0f).stabilityScoreOffset(0.1f)
                .boxNmsThreshold(1f).build();
    }

    @AfterAll
    static void close() {
        fused.close();
        sam.close();
    }

    /** A gradient 64x64 with a red square at {@link #SQUARE}. */
    static RgbImage scene() {
        int w = 64;
        int h = 64;
        byte[] px = new byte[w * h * 3];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int i = (y * w + x) * 3;
                boolean red = x >= SQUARE.x0() && x < SQUARE.x1() && y >= SQUARE.y0() && y < SQUARE.y1();
                px[i] = (byte) (red ? 230 : 60 + 2 * x);
                px[i + 1] = (byte) (red ? 10 : 80 + 2 * y);
                px[i + 2] = (byte) (red ? 10 : 120);
            }
        }
        return RgbImage.of(w, h, px);
    }

    static void assertSameMasks(List<Mask> actual, List<Mask> expected) {
        assertThat(actual).hasSameSizeAs(expected);
        for (int i = 0; i < actual.size(); i++) {
            assertThat(actual.get(i).sameValues(expected.get(i))).as("segment %d", i).isTrue();
        }
    }

    @Test
    void changeOnTheStandInsRunsZonesStagesInOrderAndExposesEveryIntermediate() {
        ZoneEditor zone = ZoneEditor.builder().fused(fused).segmentSource(auto).build();
        RgbImage source = scene();
        ZoneResult r = zone.edit(source, "make the square blue");
        assertThat(r.plan().category()).isEqualTo(EditCategory.LOCAL);
        assertThat(r.action()).isEqualTo(ZoneAction.CHANGE);
        // stage 1: the fused edit and its coarse mask, exactly as the fused model gives them alone
        FusedInstructPix2Pix.Localised direct = fused.editAndLocalise(source,
                fused.defaults().toBuilder().instruction("make the square blue").build(), ZoneAction.CHANGE, ProgressListener.NONE, null);
        assertThat(r.editedImage().samePixels(direct.edit().image())).isTrue();
        assertThat(r.editedImage().samePixels(source)).isFalse();
        assertThat(r.coarseMask().sameValues(direct.coarseMask())).isTrue();
        // stage 2: SAM on the edited image for CHANGE
        assertThat(r.segments()).isNotEmpty();
        assertSameMasks(r.segments(), auto.segments(r.editedImage()));
        // stages 3-6
        Mask fine = zone.refiner().refine(r.coarseMask(), r.segments());
        assertThat(r.fineMask().sameValues(fine)).isTrue();
        assertThat(r.fineMask().isEmpty()).isFalse();
        Mask dilated = MaskOps.dilate(fine, StructuringElement.square(3), 4);
        assertThat(r.dilatedMask().sameValues(dilated)).isTrue();
        assertThat(r.composite().samePixels(ZoneCompositor.paste(source, r.editedImage(), fine))).isTrue();
        SmoothedEdit smoothed = FftEdgeSmoother.builder().build().smooth(source, r.editedImage(), fine);
        assertThat(r.smoothed().mask().sameValues(smoothed.mask())).isTrue();
        assertThat(r.image().samePixels(smoothed.image())).isTrue();
        // provenance: the fused edit's models and request, every stage's time, the ZONE settings
        assertThat(r.provenance().backend()).isEqualTo(ZoneEditor.BACKEND);
        assertThat(r.provenance().modelHashes()).containsKeys("unet/model.onnx", "magicbrush/unet/model.onnx");
        assertThat(r.provenance().settings()).containsEntry("action", "CHANGE").containsEntry("editBackend", FusedInstructPix2Pix.BACKEND)
                .containsEntry("dilateIterations", "4").containsEntry("zoneMode", "CORRECTED");
        assertThat(r.provenance().stageTimings()).containsKeys("unet", "unet-partner", "segment", "refine", "dilate", "composite", "smooth");
        assertThat(r.provenance().request().prompt()).isEqualTo("make the square blue");
        assertThat(r.provenance().seed()).isEqualTo(11);
    }

    @Test
    void removeSegmentsTheSourceAndCompositesOverTheDilatedMask() {
        ZoneEditor zone = ZoneEditor.builder().fused(fused).segmentSource(auto).mode(ZoneMode.REFERENCE).dilateIterations(2).build();
        RgbImage source = scene();
        ZoneResult r = zone.edit(source, "remove the red square");
        assertThat(r.action()).isEqualTo(ZoneAction.REMOVE);
        assertThat(r.edited().provenance().settings()).containsEntry("blendBeta", "0.2");
        assertSameMasks(r.segments(), auto.segments(source));
        assertThat(r.fineMask().sameValues(zone.refiner().refine(r.coarseMask(), r.segments()))).isTrue();
        assertThat(r.dilatedMask().sameValues(MaskOps.dilate(r.fineMask(), StructuringElement.square(3), 2))).isTrue();
        assertThat(r.composite().samePixels(ZoneCompositor.paste(source, r.editedImage(), r.dilatedMask()))).isTrue();
        SmoothedEdit reference = FftEdgeSmoother.builder().mode(ZoneMode.REFERENCE).dilateIterations(2).build()
                .smooth(source, r.editedImage(), r.fineMask());
        assertThat(r.image().samePixels(reference.image())).isTrue();
        assertThat(zone.smoother().mode()).isEqualTo(ZoneMode.REFERENCE);
        assertThat(r.provenance().settings()).containsEntry("zoneMode", "REFERENCE").containsEntry("dilateIterations", "2");
    }

    /** Stub stages with known outputs: the edit inverts the image, the coarse mask is a box. */
    static final class Stubs {
        final AtomicInteger edits = new AtomicInteger();
        final List<RgbImage> segmented = new ArrayList<>();
        final Box coarse = new Box(22, 18, 42, 38);
        /** Two candidates: one barely overlapping the coarse box, one matching it closely. */
        final List<Box> candidates = List.of(new Box(0, 0, 24, 20), new Box(20, 16, 44, 40));

        LocalisedEditor editor() {
            return (image, request, action, listener, cancel) -> {
                edits.incrementAndGet();
                byte[] px = image.toRgbBytes();
                for (int i = 0; i < px.length; i++) {
                    px[i] = (byte) (255 - (px[i] & 0xff));
                }
                RgbImage out = RgbImage.of(image.width(), image.height(), px);
                InpaintResult result = new InpaintResult(List.of(out), Mask.full(image.width(), image.height()), fusedProvenance(request));
                return new FusedInstructPix2Pix.Localised(result, Mask.ofBox(image.width(), image.height(), coarse));
            };
        }

        SegmentSource segments() {
            return image -> {
                segmented.add(image);
                return candidates.stream().map(b -> Mask.ofBox(image.width(), image.height(), b)).toList();
            };
        }
    }

    static dev.brushedit.inpaint.Provenance fusedProvenance(Pix2PixRequest request) {
        return new dev.brushedit.inpaint.Provenance("stub", java.util.Map.of(), "", "", dev.brushedit.inpaint.InpaintRequest.builder()
                .prompt(request.instruction()).seed(1).build(), "whole image", java.util.Map.of(), java.time.Instant.EPOCH);
    }

    @Test
    void stubStagesGiveTheExpectedMasksAndZonesCompositeRulePerAction() {
        RgbImage source = scene();
        for (String instruction : List.of("make the square blue", "add a hat", "remove the red square")) {
            Stubs s = new Stubs();
            ZoneResult r = ZoneEditor.builder().localisedEditor(s.editor()).segmentSource(s.segments()).build().edit(source, instruction);
            Mask best = Mask.ofBox(64, 64, s.candidates.get(1));
            assertThat(r.fineMask().sameValues(best)).as(instruction).isTrue();
            Mask grown = Mask.ofBox(64, 64, new Box(16, 12, 48, 44));
            assertThat(r.dilatedMask().sameValues(grown)).as(instruction).isTrue();
            // SAM sees the edited image, the source for REMOVE
            assertThat(s.segmented).hasSize(1);
            boolean remove = r.action() == ZoneAction.REMOVE;
            assertThat(s.segmented.get(0).samePixels(remove ? source : r.editedImage())).as(instruction).isTrue();
            // composite: edited pixels inside the fine mask (dilated for REMOVE), the source elsewhere
            Mask pasted = remove ? grown : best;
            for (int y = 0; y < 64; y++) {
                for (int x = 0; x < 64; x++) {
                    RgbImage from = pasted.get(x, y) > 0 ? r.editedImage() : source;
                    assertThat(r.composite().rgb(x, y)).as("%s at %d,%d", instruction, x, y).isEqualTo(from.rgb(x, y));
                }
            }
            assertThat(r.provenance().settings()).containsEntry("editBackend", "stub");
        }
    }

    @Test
    void anInstructionWhoseActionCannotBeDeterminedIsRefusedBeforeAnyWork() {
        Stubs s = new Stubs();
        ZoneEditor zone = ZoneEditor.builder().localisedEditor(s.editor()).segmentSource(s.segments()).build();
        assertThatThrownBy(() -> zone.edit(scene(), "change the background to a beach")).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("cannot be determined for ZONE").hasMessageContaining("BACKGROUND");
        assertThatThrownBy(() -> zone.edit(scene(), "move the red square to the left")).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("cannot be determined for ZONE").hasMessageContaining("MOVE");
        ZoneEditor nullAction = zone.toBuilder().actions(plan -> null).build();
        assertThatThrownBy(() -> nullAction.edit(scene(), "make the square blue")).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("cannot be determined");
        assertThatThrownBy(() -> zone.edit(scene(), " ")).isInstanceOf(InvalidInputException.class);
        assertThat(s.edits.get()).isZero();
        assertThat(s.segmented).isEmpty();
    }

    @Test
    void badModelFoldersAreRefusedWhenTheFusedModelIsBuilt() {
        // a 4-channel UNet as the MagicBrush half, and as the InstructPix2Pix half
        assertThatThrownBy(() -> FusedInstructPix2Pix.builder().checkpoint(StandIns.folder("ip2p-tiny"))
                .magicBrush(StandIns.folder(StandIns.TINY)).build()).isInstanceOf(ModelException.class)
                .hasMessageContaining("has 4 input channels");
        assertThatThrownBy(() -> FusedInstructPix2Pix.builder().checkpoint(StandIns.folder(StandIns.TINY))
                .magicBrush(StandIns.folder("magicbrush-tiny")).build()).isInstanceOf(ModelException.class)
                .hasMessageContaining("8-channel UNet");
        // an 8-channel UNet of another family (text-embedding width 16, not 8)
        assertThatThrownBy(() -> FusedInstructPix2Pix.builder().checkpoint(StandIns.folder("ip2p-tiny"))
                .magicBrush(StandIns.folder("magicbrush-tiny-mismatched")).build()).isInstanceOf(ModelException.class)
                .hasMessageContaining("different families").hasMessageContaining("text-embedding width 8 vs 16");
    }

    @Test
    void buildersValidateAndToBuilderKeepsWhatWasGiven() {
        Stubs s = new Stubs();
        assertThatThrownBy(() -> ZoneEditor.builder().segmentSource(s.segments()).build()).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("fused(");
        assertThatThrownBy(() -> ZoneEditor.builder().localisedEditor(s.editor()).build()).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("sam(");
        assertThatThrownBy(() -> ZoneEditor.builder().dilateIterations(-1)).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("dilateIterations");
        assertThatThrownBy(() -> ZoneEditor.builder().sam(null)).isInstanceOf(InvalidInputException.class);
        ZoneEditor zone = ZoneEditor.builder().localisedEditor(s.editor()).segmentSource(s.segments()).build();
        assertThat(zone.request().scheduler()).isEqualTo(FusedInstructPix2Pix.zoneDefaults().scheduler());
        assertThat(zone.dilateIterations()).isEqualTo(4);
        ZoneEditor reference = zone.toBuilder().mode(ZoneMode.REFERENCE).dilateIterations(1).build();
        assertThat(reference.smoother().mode()).isEqualTo(ZoneMode.REFERENCE);
        assertThat(reference.dilateIterations()).isEqualTo(1);
        MaskRefiner mine = MaskRefiner.builder().minRegion(3).build();
        assertThat(zone.toBuilder().refiner(mine).build().refiner()).isSameAs(mine);
        assertThat(ZoneEditor.builder().fused(fused).segmentSource(s.segments()).build().request().steps()).isEqualTo(2);
    }
}
