package dev.brushedit.segment.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

class BoxOpsTest {
    @Test
    void iouOfOverlappingDisjointAndEmptyBoxes() {
        assertThat(BoxOps.iou(new float[] {0, 0, 2, 2}, new float[] {1, 1, 3, 3})).isCloseTo(1.0 / 7, within(1e-12));
        assertThat(BoxOps.iou(new float[] {0, 0, 1, 1}, new float[] {2, 2, 3, 3})).isZero();
        assertThat(BoxOps.iou(new float[4], new float[4])).isZero();
        assertThat(BoxOps.iou(new float[] {0, 0, 4, 4}, new float[] {0, 0, 4, 4})).isEqualTo(1.0);
    }

    @Test
    void nmsKeepsTheBestOfEachOverlappingGroupInScoreOrder() {
        List<float[]> boxes = List.of(new float[] {0, 0, 10, 10}, new float[] {1, 1, 10, 10}, new float[] {20, 20, 30, 30},
                new float[] {0, 0, 10, 9});
        List<Float> scores = List.of(0.5f, 0.9f, 0.7f, 0.5f);
        assertThat(BoxOps.nms(boxes, scores, 0.5)).containsExactly(1, 2);
        assertThat(BoxOps.nms(boxes, scores, 1.0)).containsExactly(1, 2, 0, 3);
        assertThat(BoxOps.nms(List.of(), List.of(), 0.5)).isEmpty();
    }
}
