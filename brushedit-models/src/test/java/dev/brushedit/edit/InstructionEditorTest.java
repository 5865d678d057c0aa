package dev.brushedit.edit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.brushedit.core.InvalidInputException;
import dev.brushedit.core.image.Box;
import dev.brushedit.core.image.Mask;
import dev.brushedit.core.image.RgbImage;
import dev.brushedit.inpaint.InpaintRequest;
import dev.brushedit.inpaint.Inpainter;
import dev.brushedit.inpaint.InpainterTestHooks;
import dev.brushedit.inpaint.LargeImageStrategy;
import dev.brushedit.core.scheduler.SchedulerType;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The editor end to end with the offline instructor, over PatchMatch and the BrushNet stand-in. */
class InstructionEditorTest {
    static final Box RED = new Box(24, 20, 40, 36);
    static Inpainter patchMatch;
    /** The BrushNet stand-in, for the edits PatchMatch refuses (it follows no prompt). */
    static Inpainter brushnet;
    static final InpaintRequest FAST = InpaintRequest.builder().steps(2).seed(3).scheduler(SchedulerType.DDIM)
            .strategy(LargeImageStrategy.original()).build();

    @BeforeAll
    static void open() {
        patchMatch = InpainterTestHooks.seeds(Inpainter.builder(), () -> 7L).build();
        brushnet = Inpainter.builder().checkpoint(Path.of("src/test/resources/standins/sd15-tiny-brushnet")).build();
    }

    @AfterAll
    static void close() {
        patchMatch.close();
        brushnet.close();
    }

    /** An editor over the BrushNet stand-in with two fast steps. */
    static InstructionEditor diffusionEditor(MaskSource source) {
        return InstructionEditor.builder().inpainter(brushnet).request(FAST).maskSource(source).build();
    }

    /** A grey-green gradient with a red square at {@link #RED}. */
    static RgbImage scene() {
        int w = 64;
        int h = 56;
        byte[] px = new byte[w * h * 3];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int i = (y * w + x) * 3;
                boolean red = x >= RED.x0() && x < RED.x1() && y >= RED.y0() && y < RED.y1();
                px[i] = (byte) (red ? 230 : 90 + x);
                px[i + 1] = (byte) (red ? 10 : 120 + y);
                px[i + 2] = (byte) (red ? 10 : 100);
            }
        }
        return RgbImage.of(w, h, px);
    }

    static int redPixels(RgbImage img, Box box) {
        int n = 0;
        for (int y = box.y0(); y < box.y1(); y++) {
            for (int x = box.x0(); x < box.x1(); x++) {
                if (img.channel(x, y, 0) > 200 && img.channel(x, y, 1) < 60) {
                    n++;
                }
            }
        }
        return n;
    }

    static InstructionEditor editor(MaskSource source) {
        return InstructionEditor.builder().inpainter(patchMatch).maskSource(source).build();
    }

    @Test
    void removeEndToEndRepaintsTheDilatedObjectAndKeepsTheRest() {
        RgbImage image = scene();
        EditResult r = editor(MaskSource.ofBox(RED)).edit(image, "Please remove the red square.");
        assertThat(r.plan().category()).isEqualTo(EditCategory.REMOVE);
        assertThat(r.plan().targetObject()).isEqualTo("red square");
        assertThat(r.mask().boundingBox()).isEqualTo(new Box(RED.x0() - 9, RED.y0() - 9, RED.x1() + 10, RED.y1() + 10));
        assertThat(redPixels(image, RED)).isEqualTo(RED.width() * RED.height());
        assertThat(redPixels(r.image(), RED)).isZero();
        assertThat(r.image().channel(0, 0, 0)).isEqualTo(image.channel(0, 0, 0));
        assertThat(r.image().channel(63, 55, 1)).isEqualTo(image.channel(63, 55, 1));
        assertThat(r.provenance().backend()).isEqualTo("patchmatch");
        assertThat(r.provenance().request().prompt()).isEqualTo("empty background");
        assertThat(r.provenance().request().negativePrompt()).endsWith(", red square")
                .startsWith(InstructionEditor.DEFAULT_NEGATIVE_PROMPT);
        assertThat(r.inpaint().maskUsed().sameValues(r.mask())).isTrue();
    }

    @Test
    void additionNeedsNoMaskSourceAndUsesThePlannedBox() {
        InstructionEditor editor = InstructionEditor.builder().inpainter(brushnet).request(FAST).build();
        EditResult r = editor.edit(scene(), "add a bird in the top left corner");
        assertThat(r.plan().category()).isEqualTo(EditCategory.ADDITION);
        Box box = r.plan().box().orElseThrow();
        assertThat(r.mask().boundingBox()).isEqualTo(box);
        assertThat(box.x1()).isLessThanOrEqualTo(32);
        assertThat(box.y1()).isLessThanOrEqualTo(28);
        assertThat(r.provenance().request().prompt()).isEqualTo("a bird");
    }

    @Test
    void overridesReplaceThePlanTheMaskAndTheRequest() {
        InstructionEditor editor = diffusionEditor(MaskSource.ofBox(RED));
        RgbImage image = scene();
        EditResult first = editor.edit(image, "make the square blue");
        assertThat(first.plan().category()).isEqualTo(EditCategory.LOCAL);
        assertThat(first.plan().targetCaption()).isEqualTo("blue square");
        assertThat(first.mask().boundingBox()).isEqualTo(RED);

        EditPlan corrected = first.plan().withCategory(EditCategory.REMOVE).withTargetCaption("grass");
        Mask hand = Mask.ofBox(64, 56, new Box(20, 16, 44, 40));
        EditResult second = editor.edit(image, "ignored", EditOverrides.builder().plan(corrected).mask(hand)
                .request(InpaintRequest.builder().seed(99).negativePrompt("").build()).build());
        assertThat(second.plan()).isEqualTo(corrected);
        assertThat(second.mask().sameValues(hand)).isTrue();
        assertThat(second.provenance().seed()).isEqualTo(99);
        assertThat(second.provenance().request().prompt()).isEqualTo("grass");
        assertThat(second.provenance().request().negativePrompt()).isEqualTo("square");
    }

    @Test
    void globalEditsUseTheWholeImageAndTheLowerScaleOnBrushNet() {
        InpaintRequest fast = InpaintRequest.builder().steps(2).seed(3).scheduler(SchedulerType.DDIM)
                .strategy(LargeImageStrategy.original()).build();
        try (Inpainter brushnet = Inpainter.builder().checkpoint(Path.of("src/test/resources/standins/sd15-tiny-brushnet")).build()) {
            InstructionEditor editor = InstructionEditor.builder().inpainter(brushnet).request(fast).build();
            EditResult r = editor.edit(scene(), "make it winter");
            assertThat(r.plan().category()).isEqualTo(EditCategory.GLOBAL);
            assertThat(r.mask().isFull()).isTrue();
            assertThat(r.provenance().request().preservationScale()).isEqualTo(0.4);
            assertThat(r.provenance().request().prompt()).isEqualTo("winter");
            assertThat(r.image().width()).isEqualTo(64);
            assertThat(r.image().samePixels(scene())).isFalse();
        }
    }

    @Test
    void globalEditsGoToInstructPix2PixWhenConfiguredAndOtherCategoriesStayWithTheInpainter() {
        dev.brushedit.pix2pix.Pix2PixRequest ip2pFast = dev.brushedit.pix2pix.Pix2PixRequest.builder().steps(2)
                .strategy(LargeImageStrategy.original()).build();
        try (dev.brushedit.pix2pix.InstructPix2Pix ip2p = dev.brushedit.pix2pix.InstructPix2Pix.builder()
                .checkpoint(Path.of("src/test/resources/standins/ip2p-tiny")).defaults(ip2pFast).build()) {
            InstructionEditor editor = InstructionEditor.builder().inpainter(patchMatch).maskSource(MaskSource.ofBox(RED))
                    .instructPix2Pix(ip2p).request(InpaintRequest.builder().seed(5).build()).build();
            EditResult r = editor.edit(scene(), "make it winter");
            assertThat(r.plan().category()).isEqualTo(EditCategory.GLOBAL);
            assertThat(r.provenance().backend()).isEqualTo(dev.brushedit.pix2pix.InstructPix2Pix.BACKEND);
            assertThat(r.provenance().request().prompt()).isEqualTo("make it winter");
            assertThat(r.provenance().request().steps()).isEqualTo(2);
            assertThat(r.provenance().seed()).isEqualTo(5);
            assertThat(r.mask().isFull()).isTrue();
            assertThat(r.image().samePixels(scene())).isFalse();
            // the same run through InstructPix2Pix directly gives the same image
            RgbImage direct = ip2p.edit(scene(), ip2pFast.toBuilder().instruction("make it winter").seed(5).build()).image();
            assertThat(r.image().samePixels(direct)).isTrue();
            // a REMOVE edit still goes to the inpainter (PatchMatch here)
            EditResult remove = editor.edit(scene(), "remove the red square");
            assertThat(remove.provenance().backend()).isEqualTo("patchmatch");
            // a repaint-mask override keeps GLOBAL with the executors, which refuse it over PatchMatch
            Mask half = Mask.ofBox(64, 56, new Box(0, 0, 32, 56));
            assertThatThrownBy(() -> editor.edit(scene(), "make it winter", EditOverrides.builder().mask(half).build()))
                    .hasMessageContaining("cannot carry out the GLOBAL edit");
            // without InstructPix2Pix, GLOBAL stays BrushNet with an all-ones mask: globalEditsUseTheWholeImage...
        }
    }

    @Test
    void backgroundRepaintsEverythingButTheForeground() {
        EditResult r = diffusionEditor(MaskSource.ofBox(RED)).edit(scene(), "change the background to a beach");
        assertThat(r.plan().category()).isEqualTo(EditCategory.BACKGROUND);
        assertThat(r.plan().targetObject()).isEqualTo("main subject");
        assertThat(r.mask().area()).isEqualTo(64L * 56 - RED.area());
        assertThat(r.mask().get(30, 30)).isZero();
        assertThat(r.provenance().request().prompt()).isEqualTo("a beach");
        assertThat(r.executor()).isEqualTo("inpainter/brushnet-fused");
    }

    @Test
    void blendStageIsApplied() {
        RgbImage marker = RgbImage.filled(64, 56, 1, 2, 3);
        InstructionEditor editor = InstructionEditor.builder().inpainter(patchMatch).maskSource(MaskSource.ofBox(RED))
                .blendStage((original, inpainted, mask) -> marker).build();
        assertThat(editor.edit(scene(), "remove the square").image()).isSameAs(marker);
        InstructionEditor bad = editor.toBuilder().blendStage((o, i, m) -> RgbImage.filled(2, 2, 0, 0, 0)).build();
        assertThatThrownBy(() -> bad.edit(scene(), "remove the square")).hasMessageContaining("64x56");
    }

    @Test
    void emptyOrBlankInstructionsAreRejected() {
        InstructionEditor editor = editor(MaskSource.ofBox(RED));
        assertThatThrownBy(() -> editor.edit(scene(), "")).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("instruction must not be empty");
        assertThatThrownBy(() -> editor.edit(scene(), "   \t")).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("instruction");
        assertThatThrownBy(() -> editor.edit(scene(), null)).isInstanceOf(InvalidInputException.class);
    }

    @Test
    void unsupportedLanguagesGetAClearError() {
        InstructionEditor editor = editor(MaskSource.ofBox(RED));
        assertThatThrownBy(() -> editor.edit(scene(), "elimina el cuadrado rojo")).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("only English instructions are supported by the offline instructor")
                .hasMessageContaining("Spanish").hasMessageContaining("OpenAiInstructor");
        assertThatThrownBy(() -> editor.edit(scene(), "去掉红色方块")).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("OpenAiInstructor");
    }

    @Test
    void nothingDetectedNamesTheObjectAndSuggestsAManualMask() {
        InstructionEditor editor = editor((image, plan) -> Mask.empty(image.width(), image.height()));
        assertThatThrownBy(() -> editor.edit(scene(), "remove the giraffe")).isInstanceOf(ObjectNotFoundException.class)
                .hasMessageContaining("nothing detected for \"giraffe\"").hasMessageContaining("by hand");
        InstructionEditor none = InstructionEditor.builder().inpainter(patchMatch).build();
        assertThatThrownBy(() -> none.edit(scene(), "remove the giraffe")).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("no MaskSource is configured").hasMessageContaining("\"giraffe\"");
    }

    @Test
    void aBoxOutsideTheImageIsRejected() {
        InstructionEditor editor = InstructionEditor.builder().inpainter(brushnet).build();
        EditPlan plan = new EditPlan(EditCategory.ADDITION, "hat", "a hat", Optional.of(new Box(100, 100, 140, 140)), "add a hat");
        assertThatThrownBy(() -> editor.edit(scene(), "add a hat", EditOverrides.builder().plan(plan).build()))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("outside the 64x56 image");
    }

    @Test
    void aMaskOverrideOfTheWrongSizeIsRejected() {
        InstructionEditor editor = editor(MaskSource.ofBox(RED));
        assertThatThrownBy(() -> editor.edit(scene(), "remove the square", EditOverrides.builder().mask(Mask.full(8, 8)).build()))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("8x8");
    }

    @Test
    void builderNeedsAnInpainterAndDefaultsToTheOfflineInstructor() {
        assertThatThrownBy(() -> InstructionEditor.builder().build()).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("inpainter");
        assertThatThrownBy(() -> InstructionEditor.builder().maskSource(null)).isInstanceOf(InvalidInputException.class);
        InstructionEditor editor = InstructionEditor.builder().inpainter(patchMatch).build();
        assertThat(editor.instructor()).isInstanceOf(OfflineInstructor.class);
        assertThat(editor.request().negativePrompt()).isEqualTo(InstructionEditor.DEFAULT_NEGATIVE_PROMPT);
        assertThat(editor.maskPolicy().removeDilation()).isEqualTo(20);
    }
}
