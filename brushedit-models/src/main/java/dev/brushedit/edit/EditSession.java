package dev.brushedit.edit;

import dev.brushedit.core.Checks;
import dev.brushedit.core.InvalidInputException;
import dev.brushedit.core.image.RgbImage;
import java.util.ArrayList;
import java.util.List;

/**
 * Multi-turn editing: each turn edits the previous turn's output with an {@link InstructionEditor}.
 * {@link #undo()} steps back one turn and {@link #redo()} forward again; a new edit after an undo
 * discards the undone turns. Every turn is kept with its input, instruction, overrides, plan, mask
 * and output ({@link #history()}), and any applied turn can be re-run with corrections
 * ({@link #rerun(int, EditOverrides)}), which discards the turns that followed it, since they were
 * made from its old output.
 *
 * <p>The session holds no native memory (the editor's inpainter is the caller's to close).
 *
 * <p>Thread-safety: safe for concurrent use; calls are serialised, so turns run one at a time.
 */
public final class EditSession {
    private final InstructionEditor editor;
    private final RgbImage original;
    private final List<EditTurn> turns = new ArrayList<>();
    private int applied;

    private EditSession(InstructionEditor editor, RgbImage original) {
        this.editor = editor;
        this.original = original;
    }

    /** A session editing {@code image} with {@code editor}. */
    public static EditSession start(InstructionEditor editor, RgbImage image) {
        return new EditSession(Checks.notNull("editor", editor), Checks.notNull("image", image));
    }

    /** The image the session started from. */
    public RgbImage original() {
        return original;
    }

    /** The current image: the last applied turn's output, or the original. */
    public synchronized RgbImage current() {
        return applied == 0 ? original : turns.get(applied - 1).output();
    }

    /** Edits the current image. */
    public EditTurn edit(String instruction) {
        return edit(instruction, EditOverrides.none());
    }

    /** Edits the current image with {@code overrides}; undone turns are discarded. */
    public synchronized EditTurn edit(String instruction, EditOverrides overrides) {
        Checks.notNull("overrides", overrides);
        RgbImage input = current();
        EditResult result = editor.edit(input, instruction, overrides);
        turns.subList(applied, turns.size()).clear();
        EditTurn turn = new EditTurn(applied + 1, input, instruction, overrides, result);
        turns.add(turn);
        applied++;
        return turn;
    }

    /**
     * Re-runs applied turn {@code number} (from 1) on its original input with its instruction and
     * {@code overrides} (e.g. a corrected plan or mask, another seed). The new turn replaces it and
     * becomes the current one; the turns after it, applied or undone, are discarded.
     *
     * @throws InvalidInputException when no applied turn has that number
     */
    public synchronized EditTurn rerun(int number, EditOverrides overrides) {
        Checks.notNull("overrides", overrides);
        if (number < 1 || number > applied) {
            throw new InvalidInputException("turn must be between 1 and " + applied + " (the applied turns), was " + number);
        }
        EditTurn old = turns.get(number - 1);
        EditResult result = editor.edit(old.input(), old.instruction(), overrides);
        EditTurn turn = new EditTurn(number, old.input(), old.instruction(), overrides, result);
        turns.subList(number - 1, turns.size()).clear();
        turns.add(turn);
        applied = number;
        return turn;
    }

    /** True when a turn can be undone. */
    public synchronized boolean canUndo() {
        return applied > 0;
    }

    /** True when an undone turn can be redone. */
    public synchronized boolean canRedo() {
        return applied < turns.size();
    }

    /**
     * Steps back one turn and returns the new current image.
     *
     * @throws InvalidInputException when there is nothing to undo
     */
    public synchronized RgbImage undo() {
        if (applied == 0) {
            throw new InvalidInputException("nothing to undo: the session has no applied turn");
        }
        applied--;
        return current();
    }

    /**
     * Re-applies the last undone turn and returns the new current image.
     *
     * @throws InvalidInputException when there is nothing to redo
     */
    public synchronized RgbImage redo() {
        if (applied == turns.size()) {
            throw new InvalidInputException("nothing to redo: no turn has been undone since the last edit");
        }
        applied++;
        return current();
    }

    /** The applied turns, oldest first. */
    public synchronized List<EditTurn> history() {
        return List.copyOf(turns.subList(0, applied));
    }

    /** The undone turns that {@link #redo()} would re-apply, next first. */
    public synchronized List<EditTurn> undone() {
        return List.copyOf(turns.subList(applied, turns.size()));
    }
}
