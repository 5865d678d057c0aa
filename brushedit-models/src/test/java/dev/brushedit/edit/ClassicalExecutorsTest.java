package dev.brushedit.edit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.brushedit.blend.retouch.Adjustment;
import dev.brushedit.core.InvalidInputException;
import dev.brushedit.core.image.Box;
import dev.brushedit.core.image.ImageFiles;
import dev.brushedit.core.image.Mask;
import dev.brushedit.core.image.RgbImage;
import dev.brushedit.inpaint.Inpainter;
import dev.brushedit.inpaint.InpainterTestHooks;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** What the weight-free executors accept and refuse, and the editor running them on the sample photos. */
class ClassicalExecutorsTest {
    static Inpainter patchMatch;

    @BeforeAll
    static void open() {
        patchMatch = InpainterTestHooks.seeds(Inpainter.builder(), () -> 1L).build();
    }

    @AfterAll
    static void close() {
        patchMatch.close();
    }

    static EditPlan plan(EditCategory category, String target, String caption, String instruction) {
        return new EditPlan(category, target, caption, Optional.empty(), instruction);
    }

    static EditPlan local(String target, String caption) {
        return plan(EditCategory.LOCAL, target, caption, "make the " + target + " " + caption);
    }

    static EditPlan background(String caption, String instruction) {
        return plan(EditCategory.BACKGROUND, "main subject", caption, instruction);
    }

    static EditPlan global(String caption) {
        return plan(EditCategory.GLOBAL, "", caption, "make it " + caption);
    }

    static Path samples() {
        Path dir = Path.of("").toAbsolutePath();
        while (!Files.isDirectory(dir.resolve("samples"))) {
            dir = dir.getParent();
        }
        return dir.resolve("samples");
    }

    @Test
    void recolourAcceptsAColourOfTheTargetAndRefusesAnythingMore() {
        RecolourExecutor r = RecolourExecutor.create();
        assertThat(r.assess(local("car", "red car")).accepted()).isTrue();
        assertThat(r.assess(local("wall", "light green wall")).accepted()).isTrue();
        assertThat(r.assess(local("door", "a #3366cc door")).accepted()).isTrue();
        assertThat(r.assess(local("cup", "red and shiny cup")).reason()).contains("\"shiny\"").contains("\"red\"");
        assertThat(r.assess(local("cup", "a red car")).reason()).contains("\"car\"");
        assertThat(r.assess(local("cup", "shiny cup")).reason()).contains("found no colour").contains("\"light green\"");
        assertThat(r.assess(plan(EditCategory.LOCAL, "apple", "an orange", "replace the apple with an orange")).reason())
                .contains("replaces");
        assertThat(r.assess(plan(EditCategory.LOCAL, "apple", "an orange", "turn the apple into an orange")).reason())
                .contains("as an object");
        assertThat(r.assess(plan(EditCategory.REMOVE, "cup", "table", "remove the cup")).reason()).contains("LOCAL");
    }

    @Test
    void backgroundReadsColourBlurOrTransparencyAndRefusesScenery() {
        BackgroundExecutor b = BackgroundExecutor.create();
        assertThat(BackgroundExecutor.read(background("white background", "make the background white")).rgb()).isEqualTo(0xFFFFFF);
        assertThat(BackgroundExecutor.read(background("a plain light gray", "make the background a plain light gray")).colour())
                .isEqualTo("light gray");
        BackgroundExecutor.Reading blur = BackgroundExecutor.read(background("slightly blurred background", "x"));
        assertThat(blur.kind()).isEqualTo(BackgroundExecutor.Kind.BLUR);
        assertThat(blur.strength()).isEqualTo(0.5);
        EditPlan remove = background("a plain white background", "remove the background");
        assertThat(b.makesTransparent(remove)).isTrue();
        assertThat(b.makesTransparent(background("white background", "make the background white"))).isFalse();
        assertThat(b.assess(background("a beach", "change the background to a beach")).reason()).contains("names no plain colour");
        assertThat(b.assess(background("a white beach", "put it on a white beach")).reason()).contains("\"beach\"");
        assertThat(b.assess(local("car", "red car")).accepted()).isFalse();
        assertThat(BackgroundExecutor.read(background("the background", "blur the background")).kind())
                .as("a blur named only by the instruction").isEqualTo(BackgroundExecutor.Kind.BLUR);
        assertThat(b.assess(background("the background", "blur the background and add snow")).reason())
                .contains("the caption \"the background\"");
    }

    @Test
    void adjustReadsEveryNamedAdjustmentInOrderAndRefusesTheRest() {
        AdjustExecutor a = AdjustExecutor.create();
        assertThat(AdjustExecutor.read(global("black and white")).adjustments()).containsExactly(Adjustment.GRAYSCALE);
        assertThat(AdjustExecutor.read(global("a sepia tone")).adjustments()).containsExactly(Adjustment.SEPIA);
        AdjustExecutor.Reading two = AdjustExecutor.read(global("slightly warmer and more contrast"));
        assertThat(two.adjustments()).containsExactly(Adjustment.WARMER, Adjustment.MORE_CONTRAST);
        assertThat(two.strength()).isEqualTo(0.5);
        assertThat(AdjustExecutor.read(global("less saturated")).adjustments()).containsExactly(Adjustment.LESS_SATURATED);
        assertThat(a.assess(global("winter")).reason()).contains("names no colour adjustment");
        assertThat(a.assess(global("sepia and snowy")).reason()).contains("\"snowy\"").contains("sepia");
        assertThat(a.assess(global("brighter")).accepted()).isTrue();
        assertThat(AdjustExecutor.read(plan(EditCategory.GLOBAL, "", "increased the contrast", "increase the contrast"))
                .adjustments()).containsExactly(Adjustment.MORE_CONTRAST);
        assertThat(AdjustExecutor.read(plan(EditCategory.GLOBAL, "", "a vintage look", "make it sepia")).adjustments())
                .as("the instruction when the caption names none").containsExactly(Adjustment.SEPIA);
        assertThat(a.assess(plan(EditCategory.GLOBAL, "", "winter", "make it winter")).reason()).contains("\"winter\"");
    }

    @Test
    void theEditorRecoloursTheCupWithoutAModelAndRecordsTheExecutor() {
        RgbImage coffee = ImageFiles.read(samples().resolve("coffee.png"));
        Mask cup = Mask.fromImage(ImageFiles.read(samples().resolve("coffee-cup-saucer-mask.png")), 128);
        InstructionEditor editor = InstructionEditor.builder().inpainter(patchMatch).maskSource(MaskSource.of(cup)).build();
        EditResult r = editor.edit(coffee, "make the cup blue");
        assertThat(r.executor()).isEqualTo("recolour");
        assertThat(r.provenance().backend()).isEqualTo("recolour");
        assertThat(r.provenance().workRegion()).contains("blue (#0000ff)");
        assertThat(r.mask().sameValues(cup)).isTrue();
        int x = 130;
        int y = 250;
        assertThat(cup.get(x, y)).isEqualTo(1f);
        assertThat(r.image().channel(x, y, 2)).isGreaterThan(r.image().channel(x, y, 0));
        assertThat(coffee.channel(x, y, 2)).isLessThan(coffee.channel(x, y, 0));
        assertThat(r.image().rgb(590, 10)).isEqualTo(coffee.rgb(590, 10));
    }

    @Test
    void theEditorCutsOutTheBackgroundAndRefusesSceneryUnderClassical() {
        RgbImage astronaut = ImageFiles.read(samples().resolve("astronaut.png"));
        Mask subject = Mask.fromImage(ImageFiles.read(samples().resolve("astronaut-subject-mask.png")), 128);
        InstructionEditor editor = InstructionEditor.builder().inpainter(patchMatch).maskSource(MaskSource.of(subject))
                .executorPreference(ExecutorPreference.CLASSICAL).build();
        EditResult r = editor.edit(astronaut, "remove the background");
        assertThat(r.executor()).isEqualTo("background");
        assertThat(r.image().samePixels(astronaut)).isTrue();
        Mask alpha = r.alpha().orElseThrow();
        assertThat(alpha.get(220, 100)).as("face").isEqualTo(1f);
        assertThat(alpha.get(470, 30)).as("backdrop").isEqualTo(0f);
        assertThatThrownBy(() -> editor.edit(astronaut, "change the background to a beach"))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("background: the caption \"a beach\"");
    }

    @Test
    void globalAdjustmentsRunOnTheWholeImage() {
        RgbImage coffee = ImageFiles.read(samples().resolve("coffee.png"));
        InstructionEditor editor = InstructionEditor.builder().inpainter(patchMatch).build();
        EditResult r = editor.edit(coffee, "make it black and white");
        assertThat(r.executor()).isEqualTo("adjust");
        for (int[] p : List.of(new int[] {10, 10}, new int[] {300, 150}, new int[] {599, 399})) {
            int rgb = r.image().rgb(p[0], p[1]);
            assertThat(rgb >> 16 & 0xff).isEqualTo(rgb & 0xff).isEqualTo(rgb >> 8 & 0xff);
        }
        EditResult noExecutors = editor.toBuilder().executors(List.of()).build().edit(coffee.crop(new Box(0, 0, 64, 64)),
                "remove the cup", EditOverrides.builder().mask(Mask.ofBox(64, 64, new Box(20, 20, 40, 40))).build());
        assertThat(noExecutors.executor()).isEqualTo("inpainter/patchmatch");
    }
}
