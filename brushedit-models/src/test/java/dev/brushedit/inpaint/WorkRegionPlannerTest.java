package dev.brushedit.inpaint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.brushedit.core.InvalidInputException;
import dev.brushedit.core.image.Box;
import dev.brushedit.inpaint.internal.WorkRegion;
import org.junit.jupiter.api.Test;

class WorkRegionPlannerTest {

    @Test
    void originalKeepsTheWholeImageAndPadsToTheMultiple() {
        WorkRegion r = StrategyPlanner.plan(451, 300, new Box(10, 10, 20, 20), LargeImageStrategy.original(), 64);
        assertThat(r.source()).isEqualTo(new Box(0, 0, 451, 300));
        assertThat(r.width()).isEqualTo(451);
        assertThat(r.height()).isEqualTo(300);
        assertThat(r.paddedWidth()).isEqualTo(512);
        assertThat(r.paddedHeight()).isEqualTo(320);
        assertThat(r.unscaled()).isTrue();
        assertThat(r.padded()).isTrue();
    }

    @Test
    void resizeShrinksOnlyWhenTheLongestSideIsOverTheLimit() {
        WorkRegion big = StrategyPlanner.plan(4000, 3000, new Box(0, 0, 5, 5), LargeImageStrategy.resize(1024), 8);
        assertThat(big.width()).isEqualTo(1024);
        assertThat(big.height()).isEqualTo(768);
        assertThat(big.padded()).isFalse();
        WorkRegion small = StrategyPlanner.plan(640, 427, new Box(0, 0, 5, 5), LargeImageStrategy.resize(1024), 8);
        assertThat(small.unscaled()).isTrue();
        assertThat(small.paddedHeight()).isEqualTo(432);
    }

    @Test
    void cropOfASmallMaskInAHugePhotoCostsAboutASmallEdit() {
        WorkRegion r = StrategyPlanner.plan(4000, 3000, new Box(2000, 1500, 2100, 1580), LargeImageStrategy.crop(128, 768), 64);
        assertThat(r.source()).isEqualTo(new Box(1872, 1372, 2228, 1708));
        assertThat((long) r.paddedWidth() * r.paddedHeight()).isLessThanOrEqualTo(768L * 768L);
        assertThat(r.unscaled()).isTrue();
    }

    @Test
    void cropIsClampedToTheImageAndScaledDownWhenLarge() {
        WorkRegion r = StrategyPlanner.plan(4000, 3000, new Box(0, 0, 3000, 2000), LargeImageStrategy.crop(128, 768), 64);
        assertThat(r.source()).isEqualTo(new Box(0, 0, 3128, 2128));
        assertThat(Math.max(r.width(), r.height())).isEqualTo(768);
        assertThat(r.paddedWidth() % 64).isZero();
        assertThat(r.paddedHeight() % 64).isZero();
    }

    @Test
    void badArgumentsAreRejected() {
        assertThatThrownBy(() -> StrategyPlanner.plan(0, 10, new Box(0, 0, 1, 1), LargeImageStrategy.original(), 8))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("imageWidth");
        assertThatThrownBy(() -> StrategyPlanner.plan(10, 10, new Box(20, 20, 30, 30), LargeImageStrategy.crop(0, 512), 8))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("outside");
        assertThatThrownBy(() -> LargeImageStrategy.resize(10))
                .isInstanceOf(InvalidInputException.class).hasMessage("longestSide must be between 64 and 16384, was 10");
    }
}
