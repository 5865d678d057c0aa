package dev.brushedit.inpaint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.brushedit.core.CancelledException;
import org.junit.jupiter.api.Test;

class CancellationTokenTest {

    @Test
    void aFreshTokenIsNotCancelledAndCancelIsIdempotent() {
        CancellationToken token = new CancellationToken();
        assertThat(token.isCancelled()).isFalse();
        token.cancel();
        token.cancel();
        assertThat(token.isCancelled()).isTrue();
    }

    @Test
    void throwIfCancelledNamesTheOperationAndTheBoundary() {
        CancellationToken token = new CancellationToken();
        token.cancel();
        assertThatThrownBy(() -> CancellationToken.throwIfCancelled(token, "ZONE edit", "step 3 of 20"))
                .isInstanceOf(CancelledException.class).hasMessage("ZONE edit cancelled before step 3 of 20");
    }

    @Test
    void throwIfCancelledDoesNothingForALiveOrAbsentToken() {
        assertThatCode(() -> CancellationToken.throwIfCancelled(new CancellationToken(), "ZONE edit", "segmentation"))
                .doesNotThrowAnyException();
        assertThatCode(() -> CancellationToken.throwIfCancelled(null, "ZONE edit", "segmentation"))
                .doesNotThrowAnyException();
    }
}
