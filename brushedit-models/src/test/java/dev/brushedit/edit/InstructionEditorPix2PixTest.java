package dev.brushedit.edit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.brushedit.core.image.RgbImage;
import dev.brushedit.inpaint.Inpainter;
import dev.brushedit.models.StandIns;
import dev.brushedit.pix2pix.InstructPix2Pix;
import dev.brushedit.pix2pix.Pix2PixRequest;
import dev.brushedit.inpaint.LargeImageStrategy;
import org.junit.jupiter.api.Test;

/**
 * GLOBAL edits go to InstructPix2Pix when a folder is configured, even beside a diffusion inpainter
 * (BrushNet), and fall back to BrushNet with an all-ones mask without one; other categories stay with
 * BrushNet either way.
 */
class InstructionEditorPix2PixTest {

    @Test
    void globalEditsPreferInstructPix2PixOverBrushNetAndFallBackToBrushNetsAllOnesMask() {
        RgbImage scene = InstructionEditorTest.scene();
        Pix2PixRequest fast = Pix2PixRequest.builder().steps(2).strategy(LargeImageStrategy.original()).build();
        try (Inpainter brushnet = Inpainter.builder().checkpoint(StandIns.folder(StandIns.BRUSHNET)).build();
                InstructPix2Pix ip2p = InstructPix2Pix.builder().checkpoint(StandIns.folder("ip2p-tiny")).defaults(fast).build()) {
            InstructionEditor withIp2p = InstructionEditor.builder().inpainter(brushnet).instructPix2Pix(ip2p)
                    .request(InstructionEditorTest.FAST).maskSource(MaskSource.ofBox(InstructionEditorTest.RED)).build();
            EditResult global = withIp2p.edit(scene, "make it winter");
            assertThat(global.plan().category()).isEqualTo(EditCategory.GLOBAL);
            assertThat(global.executor()).isEqualTo(InstructPix2Pix.BACKEND);
            assertThat(global.provenance().backend()).isEqualTo(InstructPix2Pix.BACKEND);
            assertThat(global.provenance().request().prompt()).isEqualTo("make it winter");
            assertThat(global.mask().isFull()).isTrue();
            EditResult local = withIp2p.edit(scene, "make the red square blue");
            assertThat(local.plan().category()).isEqualTo(EditCategory.LOCAL);
            assertThat(local.executor()).startsWith(InpainterExecutor.PREFIX + "brushnet");

            InstructionEditor without = InstructionEditor.builder().inpainter(brushnet).request(InstructionEditorTest.FAST)
                    .maskSource(MaskSource.ofBox(InstructionEditorTest.RED)).build();
            EditResult fallback = without.edit(scene, "make it winter");
            assertThat(fallback.executor()).startsWith(InpainterExecutor.PREFIX + "brushnet");
            assertThat(fallback.mask().isFull()).isTrue();
            assertThat(fallback.provenance().request().prompt()).isEqualTo("winter");
            assertThat(fallback.image().samePixels(global.image())).isFalse();
        }
    }
}
