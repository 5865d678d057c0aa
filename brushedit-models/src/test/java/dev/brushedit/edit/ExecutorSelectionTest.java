package dev.brushedit.edit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.brushedit.core.InvalidInputException;
import dev.brushedit.core.image.Mask;
import dev.brushedit.core.image.RgbImage;
import dev.brushedit.core.scheduler.SchedulerType;
import dev.brushedit.inpaint.InpaintRequest;
import dev.brushedit.inpaint.InpaintResult;
import dev.brushedit.inpaint.Inpainter;
import dev.brushedit.inpaint.InpainterTestHooks;
import dev.brushedit.inpaint.LargeImageStrategy;
import dev.brushedit.inpaint.Provenance;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** How the editor picks an {@link EditExecutor} and records it. */
class ExecutorSelectionTest {
    static Inpainter patchMatch;

    @BeforeAll
    static void open() {
        patchMatch = InpainterTestHooks.seeds(Inpainter.builder(), () -> 7L).build();
    }

    @AfterAll
    static void close() {
        patchMatch.close();
    }

    /** Accepts LOCAL plans only; paints the mask white and makes it transparent. */
    static final class WhiteLocal implements EditExecutor {
        final AtomicInteger runs = new AtomicInteger();

        @Override
        public String name() {
            return "white-local";
        }

        @Override
        public boolean weightFree() {
            return true;
        }

        @Override
        public Verdict assess(EditPlan plan) {
            return plan.category() == EditCategory.LOCAL ? Verdict.accept() : Verdict.refuse("only LOCAL edits");
        }

        @Override
        public Output execute(Job job) {
            runs.incrementAndGet();
            RgbImage in = job.image();
            byte[] px = in.toRgbBytes();
            for (int y = 0; y < in.height(); y++) {
                for (int x = 0; x < in.width(); x++) {
                    if (job.mask().get(x, y) > 0.5f) {
                        int i = (y * in.width() + x) * 3;
                        px[i] = px[i + 1] = px[i + 2] = (byte) 255;
                    }
                }
            }
            RgbImage out = RgbImage.of(in.width(), in.height(), px);
            Provenance p = new Provenance(name(), Map.of(), "", "", job.request().toBuilder().seed(0).build(), "whole image",
                    Map.of(), Instant.EPOCH);
            return new Output(new InpaintResult(List.of(out), job.mask(), p), Optional.of(job.mask().invert()));
        }
    }

    @Test
    void withoutADiffusionModelAnAcceptingWeightFreeExecutorRunsAndIsRecorded() {
        WhiteLocal white = new WhiteLocal();
        InstructionEditor editor = InstructionEditor.builder().inpainter(patchMatch).executors(List.of(white))
                .maskSource(MaskSource.ofBox(InstructionEditorTest.RED)).build();
        EditResult r = editor.edit(InstructionEditorTest.scene(), "make the square blue");
        assertThat(r.executor()).isEqualTo("white-local");
        assertThat(r.provenance().backend()).isEqualTo("white-local");
        assertThat(r.alpha()).isPresent();
        assertThat(r.image().channel(30, 30, 1)).isEqualTo(255);
        assertThat(white.runs.get()).isEqualTo(1);
    }

    @Test
    void aPlanNoExecutorAcceptsFallsBackToTheInpainterUnderAuto() {
        WhiteLocal white = new WhiteLocal();
        InstructionEditor editor = InstructionEditor.builder().inpainter(patchMatch).executors(List.of(white))
                .maskSource(MaskSource.ofBox(InstructionEditorTest.RED)).build();
        EditResult r = editor.edit(InstructionEditorTest.scene(), "remove the red square");
        assertThat(r.executor()).isEqualTo("inpainter/patchmatch");
        assertThat(r.alpha()).isEmpty();
        assertThat(white.runs.get()).isZero();
    }

    @Test
    void classicalPreferenceRefusesBeforeAnyWorkNamingEachReason() {
        WhiteLocal white = new WhiteLocal();
        AtomicInteger maskCalls = new AtomicInteger();
        InstructionEditor editor = InstructionEditor.builder().inpainter(patchMatch).executors(List.of(white))
                .executorPreference(ExecutorPreference.CLASSICAL).maskSource((image, plan) -> {
                    maskCalls.incrementAndGet();
                    return Mask.ofBox(image.width(), image.height(), InstructionEditorTest.RED);
                }).build();
        assertThatThrownBy(() -> editor.edit(InstructionEditorTest.scene(), "remove the red square"))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("REMOVE").hasMessageContaining("white-local: only LOCAL edits");
        assertThat(maskCalls.get()).isZero();
    }

    @Test
    void diffusionPreferenceWithPatchMatchRefusesAndSaysNoModelIsConfigured() {
        InstructionEditor editor = InstructionEditor.builder().inpainter(patchMatch)
                .maskSource(MaskSource.ofBox(InstructionEditorTest.RED)).build();
        assertThatThrownBy(() -> editor.edit(InstructionEditorTest.scene(), "make the square blue",
                EditOverrides.builder().executor(ExecutorPreference.DIFFUSION).build()))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("no diffusion model");
    }

    @Test
    void withADiffusionModelAutoRunsItAndClassicalIsChosenExplicitly() {
        InpaintRequest fast = InpaintRequest.builder().steps(2).seed(3).scheduler(SchedulerType.DDIM)
                .strategy(LargeImageStrategy.original()).build();
        try (Inpainter brushnet = Inpainter.builder().checkpoint(Path.of("src/test/resources/standins/sd15-tiny-brushnet")).build()) {
            InstructionEditor editor = InstructionEditor.builder().inpainter(brushnet).request(fast)
                    .maskSource(MaskSource.ofBox(InstructionEditorTest.RED)).build();
            RgbImage scene = InstructionEditorTest.scene();
            EditResult diffusion = editor.edit(scene, "make the square blue");
            assertThat(diffusion.executor()).startsWith("inpainter/brushnet");
            EditResult classical = editor.edit(scene, "make the square blue",
                    EditOverrides.builder().executor(ExecutorPreference.CLASSICAL).build());
            assertThat(classical.executor()).isEqualTo("recolour");
            int x = InstructionEditorTest.RED.x0() + 8;
            int y = InstructionEditorTest.RED.y0() + 8;
            assertThat(classical.image().channel(x, y, 2)).isGreaterThan(classical.image().channel(x, y, 0));
            assertThat(editor.toBuilder().executorPreference(ExecutorPreference.CLASSICAL).build()
                    .executorFor(diffusion.plan(), ExecutorPreference.DIFFUSION).name()).startsWith("inpainter/brushnet");
        }
    }

    @Test
    void anOverridePreferenceBeatsTheEditorsAndAnEmptyListLeavesTheInpainter() {
        WhiteLocal white = new WhiteLocal();
        InstructionEditor editor = InstructionEditor.builder().inpainter(patchMatch).executors(List.of(white))
                .maskSource(MaskSource.ofBox(InstructionEditorTest.RED)).build();
        EditPlan plan = editor.plan(InstructionEditorTest.scene(), "make the square blue");
        assertThat(editor.executorFor(plan, ExecutorPreference.AUTO).name()).isEqualTo("white-local");
        assertThat(editor.executorFor(plan, ExecutorPreference.CLASSICAL).name()).isEqualTo("white-local");
        InstructionEditor bare = editor.toBuilder().executors(List.of()).build();
        // PatchMatch follows no prompt, so it refuses the recolour (issue 11) but takes a removal
        assertThatThrownBy(() -> bare.executorFor(plan, ExecutorPreference.AUTO)).isInstanceOf(UnsupportedEditException.class)
                .hasMessageContaining("ignores the prompt");
        assertThat(bare.executorFor(plan.withCategory(EditCategory.REMOVE), ExecutorPreference.AUTO).name())
                .isEqualTo("inpainter/patchmatch");
        assertThatThrownBy(() -> bare.executorFor(plan, ExecutorPreference.CLASSICAL))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("none is registered");
    }
}
