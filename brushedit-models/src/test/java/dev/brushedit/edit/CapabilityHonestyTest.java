package dev.brushedit.edit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.brushedit.core.image.Box;
import dev.brushedit.core.image.ImageFiles;
import dev.brushedit.core.image.Mask;
import dev.brushedit.core.image.RgbImage;
import dev.brushedit.core.scheduler.SchedulerType;
import dev.brushedit.inpaint.Capabilities;
import dev.brushedit.inpaint.InpaintRequest;
import dev.brushedit.inpaint.Inpainter;
import dev.brushedit.inpaint.InpainterTestHooks;
import dev.brushedit.inpaint.LargeImageStrategy;
import dev.brushedit.models.StandIns;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Issue 11's failures, reproduced with the PatchMatch inpainter and no model: each instruction must
 * be honoured by an executor that can do it or refused before any work, never inpainted by
 * PatchMatch into an image that ignores it. Runs on the committed photo samples/rocket.jpg.
 */
class CapabilityHonestyTest {
    /** The instructions of the issue that exited 0 with an image that ignored them. */
    static final List<String> IGNORED_BEFORE = List.of("add a hat on the woman", "make the saucer blue",
            "change the background to a beach", "replace the cup with a glass of milk", "make it look like a watercolor painting");

    static Inpainter patchMatch;
    static RgbImage photo;

    @BeforeAll
    static void open() {
        patchMatch = InpainterTestHooks.seeds(Inpainter.builder(), () -> 5L).build();
        photo = ImageFiles.read(Path.of("..", "samples", "rocket.jpg"));
    }

    @AfterAll
    static void close() {
        patchMatch.close();
    }

    /** A mask source that counts its calls: a refusal must come before it is asked. */
    static final class CountingSource implements MaskSource {
        final AtomicInteger calls = new AtomicInteger();

        @Override
        public Mask mask(RgbImage image, EditPlan plan) {
            calls.incrementAndGet();
            return Mask.ofBox(image.width(), image.height(), new Box(200, 100, 400, 300));
        }
    }

    @Test
    void backendsStateWhatTheyCanHonour() {
        Capabilities pm = patchMatch.capabilities();
        assertThat(pm.followsPrompt()).isFalse();
        assertThat(pm.needsSourcePixels()).isTrue();
        assertThat(pm.paintsNewObjects()).isFalse();
        assertThat(pm.repaintsWholeImage()).isFalse();
        assertThat(pm.describe()).contains("ignores the prompt");
        try (Inpainter brushnet = Inpainter.builder().checkpoint(StandIns.folder(StandIns.BRUSHNET)).build()) {
            assertThat(brushnet.capabilities()).isEqualTo(Capabilities.diffusion());
            assertThat(brushnet.capabilities().followsPrompt()).isTrue();
            assertThat(brushnet.capabilities().paintsNewObjects()).isTrue();
        }
    }

    @Test
    void withOnlyPatchMatchEveryEditButRemoveIsRefusedBeforeAnyWork() {
        CountingSource source = new CountingSource();
        InstructionEditor editor = InstructionEditor.builder().inpainter(patchMatch).maskSource(source)
                .executors(List.of()).build();
        for (String instruction : IGNORED_BEFORE) {
            EditPlan plan = editor.plan(photo, instruction);
            assertThatThrownBy(() -> editor.edit(photo, instruction)).as(instruction)
                    .isInstanceOf(UnsupportedEditException.class)
                    .hasMessageContaining(plan.category().name())
                    .hasMessageContaining("patchmatch inpainter")
                    .hasMessageContaining("checkpoint(folder)")
                    .satisfies(e -> {
                        UnsupportedEditException u = (UnsupportedEditException) e;
                        assertThat(u.category()).contains(plan.category());
                        assertThat(u.remedy()).isEqualTo(UnsupportedEditException.Remedy.DIFFUSION_MODEL);
                    });
        }
        assertThat(source.calls.get()).as("the mask source was asked before the refusal").isZero();
        // a removal is what PatchMatch does honestly
        EditResult removed = editor.edit(photo, "remove the tower");
        assertThat(removed.executor()).isEqualTo("inpainter/patchmatch");
        assertThat(removed.image().samePixels(photo)).isFalse();
    }

    @Test
    void theReasonSaysWhatPatchMatchWouldHaveDoneInstead() {
        InstructionEditor editor = InstructionEditor.builder().inpainter(patchMatch).maskSource(new CountingSource())
                .executors(List.of()).build();
        assertThatThrownBy(() -> editor.edit(photo, "add a hat on the woman")).hasMessageContaining("cannot paint new objects");
        assertThatThrownBy(() -> editor.edit(photo, "replace the cup with a glass of milk"))
                .hasMessageContaining("would erase \"cup\"").hasMessageContaining("glass of milk");
        assertThatThrownBy(() -> editor.edit(photo, "change the background to a beach"))
                .hasMessageContaining("background").hasMessageContaining("beach");
        assertThatThrownBy(() -> editor.edit(photo, "make it look like a watercolor painting"))
                .hasMessageContaining("GLOBAL").hasMessageContaining("cannot repaint the whole image")
                .hasMessageNotContaining("smaller mask");
    }

    @Test
    void aRefusalIsOneSentenceWithTheReasonThatMattersNotEveryExecutorsReason() {
        InstructionEditor editor = InstructionEditor.builder().inpainter(patchMatch).maskSource(new CountingSource()).build();
        // no weight-free executor does additions: the inpainter's reason, and nobody else's
        assertThatThrownBy(() -> editor.edit(photo, "add a hat on the woman"))
                .hasMessageStartingWith("cannot carry out the ADDITION edit \"add a hat on the woman\"")
                .hasMessageContaining("patchmatch inpainter cannot paint new objects")
                .hasMessageContaining("checkpoint(folder)")
                .hasMessageNotContaining("recolour").hasMessageNotContaining("adjust:").hasMessageNotContaining("background:");
        // a LOCAL edit the recolour cannot read: the recolour's reason (what would work without a model)
        assertThatThrownBy(() -> editor.edit(photo, "let the cat jump"))
                .hasMessageContaining("LOCAL").hasMessageContaining("recolour: ").hasMessageContaining("no colour")
                .hasMessageNotContaining("inpainter/patchmatch").hasMessageNotContaining("adjust:");
        // a scene background: the background executor's reason
        assertThatThrownBy(() -> editor.edit(photo, "change the background to a beach"))
                .hasMessageContaining("BACKGROUND").hasMessageContaining("background: ")
                .hasMessageNotContaining("recolour").hasMessageNotContaining("adjust:");
        // GLOBAL: the fix names both ways to repaint the whole image
        assertThatThrownBy(() -> editor.edit(photo, "make it winter"))
                .hasMessageContaining("GLOBAL").hasMessageContaining("adjust: ").hasMessageContaining("instructPix2Pix")
                .hasMessageContaining("checkpoint(folder)").hasMessageNotContaining("recolour");
        // a preference that leaves only executors of other categories says so in one clause
        assertThatThrownBy(() -> editor.edit(photo, "remove the tower",
                EditOverrides.builder().executor(ExecutorPreference.CLASSICAL).build()))
                .hasMessageContaining("no allowed executor does REMOVE edits (recolour: LOCAL only, background: BACKGROUND "
                        + "only, adjust: GLOBAL only)");
    }

    @Test
    void withTheShippedExecutorsPatchMatchNeverRunsAnEditOtherThanARemoval() {
        CountingSource source = new CountingSource();
        InstructionEditor editor = InstructionEditor.builder().inpainter(patchMatch).maskSource(source).build();
        for (String instruction : IGNORED_BEFORE) {
            EditResult r;
            try {
                r = editor.edit(photo, instruction);
            } catch (UnsupportedEditException refused) {
                continue;
            }
            assertThat(r.executor()).as(instruction).isNotEqualTo("inpainter/patchmatch");
        }
    }

    @Test
    void anAdditionGoesInTheBoxTheUserGivesAndTheDefaultPlacementOnlyWithoutOne() {
        InpaintRequest fast = InpaintRequest.builder().steps(2).seed(3).scheduler(SchedulerType.DDIM)
                .strategy(LargeImageStrategy.original()).build();
        RgbImage small = InstructionEditorTest.scene();
        Box userBox = new Box(2, 3, 20, 17);
        try (Inpainter brushnet = Inpainter.builder().checkpoint(StandIns.folder(StandIns.BRUSHNET)).build()) {
            InstructionEditor editor = InstructionEditor.builder().inpainter(brushnet).request(fast).build();
            EditResult placed = editor.edit(small, "add a hat on the woman");
            EditResult boxed = editor.edit(small, "add a hat on the woman", EditOverrides.builder().box(userBox).build());
            assertThat(placed.plan().category()).isEqualTo(EditCategory.ADDITION);
            assertThat(boxed.plan().box()).contains(userBox);
            assertThat(boxed.mask().sameValues(Mask.ofBox(small.width(), small.height(), userBox))).isTrue();
            assertThat(placed.mask().boundingBox()).isNotEqualTo(userBox);
            assertThat(boxed.image().samePixels(placed.image())).isFalse();
            // pixels outside the user's box (beyond the paste-back blur) are the original
            assertThat(boxed.image().channel(60, 50, 0)).isEqualTo(small.channel(60, 50, 0));
        }
    }

    @Test
    void aBoxOverrideIsTheObjectsBoxForEditsThatNeedTheObject() {
        InstructionEditor editor = InstructionEditor.builder().inpainter(patchMatch).executors(List.of()).build();
        Box tower = new Box(100, 50, 140, 200);
        EditResult r = editor.edit(photo, "remove the tower", EditOverrides.builder().box(tower).build());
        // the box is the object's mask, dilated by the REMOVE policy's 20-pixel square
        assertThat(r.mask().boundingBox()).isEqualTo(new Box(tower.x0() - 9, tower.y0() - 9, tower.x1() + 10, tower.y1() + 10));
        assertThatThrownBy(() -> editor.edit(photo, "remove the tower", EditOverrides.builder().box(new Box(5000, 5000, 5010, 5010))
                .build())).hasMessageContaining("outside");
    }
}
