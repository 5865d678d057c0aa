package dev.brushedit.edit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.brushedit.core.InvalidInputException;
import dev.brushedit.core.image.RgbImage;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Random word salads from the grammar's own vocabulary: a plan or an InvalidInputException, nothing else. */
class OfflineInstructorRobustnessTest {
    private static final List<String> WORDS = List.of("remove", "add", "put", "make", "change", "replace", "turn", "give",
            "apply", "get", "rid", "of", "take", "out", "the", "a", "an", "it", "this", "image", "background", "to", "into",
            "with", "for", "by", "on", "in", "left", "top", "corner", "red", "blue", "dog", "cat", "hat", "look", "like",
            "should", "be", "please", "style", "time", "day", "winter", "color", "'s", "him", "made", "one", "all", "teh",
            "-", "'", "?", "!", ",", "  ");

    @Test
    void randomInstructionsNeverThrowAnythingButInvalidInput() {
        OfflineInstructor instructor = OfflineInstructor.create();
        RgbImage image = RgbImage.filled(17, 9, 0, 0, 0);
        Random random = new Random(20261121L);
        int planned = 0;
        for (int i = 0; i < 20_000; i++) {
            StringBuilder b = new StringBuilder();
            int n = 1 + random.nextInt(7);
            for (int k = 0; k < n; k++) {
                b.append(WORDS.get(random.nextInt(WORDS.size()))).append(random.nextInt(5) == 0 ? "" : " ");
            }
            String instruction = b.toString();
            try {
                EditPlan plan = instructor.plan(image, instruction.isBlank() ? "x" : instruction);
                assertThat(plan.category()).isNotNull();
                plan.box().ifPresent(box -> assertThat(box.x1()).isLessThanOrEqualTo(17));
                planned++;
            } catch (InvalidInputException expected) {
                assertThat(expected.getMessage()).isNotBlank();
            } catch (RuntimeException e) {
                throw new AssertionError("\"" + instruction + "\" threw " + e, e);
            }
        }
        assertThat(planned).isGreaterThan(1000);
    }
}
