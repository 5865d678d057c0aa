package dev.brushedit.examples;

import dev.brushedit.core.image.Box;
import dev.brushedit.core.image.ImageFiles;
import dev.brushedit.core.image.Mask;
import dev.brushedit.core.image.RgbImage;
import dev.brushedit.edit.EditOverrides;
import dev.brushedit.edit.EditSession;
import dev.brushedit.edit.EditTurn;
import dev.brushedit.edit.InstructionEditor;
import dev.brushedit.inpaint.Inpainter;
import java.nio.file.Path;

/**
 * Multi-turn instruction editing: two Remove turns (objects given as boxes), an undo, a redo, and a
 * re-run of the first turn with a corrected box (which drops the turns after it). Uses the weight-free PatchMatch inpainter, so it
 * runs without models; give a checkpoint to {@code Inpainter.builder()} for BrushNet.
 *
 * <pre>
 * java -cp brushedit-examples/target/brushedit-examples-*-all.jar dev.brushedit.examples.EditSessionExample samples/rocket.jpg out.png
 * </pre>
 *
 * <p>Thread-safety: a program, run once.
 */
public final class EditSessionExample {
    private EditSessionExample() {}

    /** Runs the example. */
    public static void main(String[] args) {
        ExampleArgs.require(args.length == 2, EditSessionExample.class, "IMAGE OUT.png");
        RgbImage image = ImageFiles.read(Path.of(args[0]));
        try (Inpainter inpainter = Inpainter.builder().build()) {
            InstructionEditor editor = InstructionEditor.builder().inpainter(inpainter).build();
            EditSession session = EditSession.start(editor, image);
            Box right = new Box(image.width() * 2 / 3, 0, image.width() * 3 / 4, image.height());
            Box left = new Box(image.width() / 4, 0, image.width() / 3, image.height());
            session.edit("remove the tower on the right", EditOverrides.builder().objectMask(Mask.ofBox(image.width(), image.height(), right)).build());
            session.edit("remove the tower on the left", EditOverrides.builder().objectMask(Mask.ofBox(image.width(), image.height(), left)).build());
            session.undo();
            session.redo();
            Box narrower = new Box(right.x0() + right.width() / 4, 0, right.x1() - right.width() / 4, image.height());
            session.rerun(1, EditOverrides.builder().objectMask(Mask.ofBox(image.width(), image.height(), narrower)).build());
            for (EditTurn turn : session.history()) {
                System.out.println("turn " + turn.number() + ": " + turn.result().plan().category() + " \""
                        + turn.result().plan().targetObject() + "\"");
            }
            ImageFiles.write(session.current(), Path.of(args[1]));
        }
    }
}
