package dev.brushedit.inpaint;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.Arrays;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Test hooks (clock, seed source, deterministic condition latents) are not on the public builder. */
class InpainterBuilderApiTest {

    @Test
    void publicBuilderSettersAreTheDocumentedOnesOnly() {
        Set<String> setters = Arrays.stream(Inpainter.Builder.class.getDeclaredMethods())
                .filter(m -> Modifier.isPublic(m.getModifiers()))
                .map(Method::getName)
                .collect(Collectors.toCollection(TreeSet::new));
        assertThat(setters).containsExactly("backend", "brushnet", "build", "checkpoint", "defaults", "executionOptions",
                "limits", "patchMatch");
    }

    @Test
    void theHooksStillWorkThroughTheTestRoute() {
        Inpainter.Builder b = InpainterTestHooks.seeds(Inpainter.builder(), () -> 5L);
        try (Inpainter inpainter = b.build()) {
            assertThat(inpainter.backendName()).isEqualTo("patchmatch");
        }
    }
}
