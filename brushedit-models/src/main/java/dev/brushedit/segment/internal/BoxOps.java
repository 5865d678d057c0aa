package dev.brushedit.segment.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * Box arithmetic shared by the detector and SAM's automatic masks: intersection over union of
 * {@code [x0, y0, x1, y1]} float boxes (area {@code (x1 - x0) * (y1 - y0)}, as torchvision's
 * {@code box_iou}) and greedy non-maximum suppression (torchvision's {@code nms}: highest score
 * first, a box is dropped when its IoU with a kept box exceeds the threshold).
 *
 * <p>Thread-safety: stateless.
 */
public final class BoxOps {
    private BoxOps() {}

    /** IoU of two {@code [x0, y0, x1, y1]} boxes; 0 when both are empty. */
    public static double iou(float[] a, float[] b) {
        double iw = Math.min(a[2], b[2]) - Math.max(a[0], b[0]);
        double ih = Math.min(a[3], b[3]) - Math.max(a[1], b[1]);
        double inter = iw > 0 && ih > 0 ? iw * ih : 0;
        double union = area(a) + area(b) - inter;
        return union <= 0 ? 0 : inter / union;
    }

    private static double area(float[] b) {
        return Math.max(0.0, (double) b[2] - b[0]) * Math.max(0.0, (double) b[3] - b[1]);
    }

    /**
     * Indices of the boxes kept by non-maximum suppression, in descending score order (ties keep the
     * lower index first).
     */
    public static List<Integer> nms(List<float[]> boxes, List<Float> scores, double iouThreshold) {
        Integer[] order = new Integer[boxes.size()];
        Arrays.setAll(order, i -> i);
        Arrays.sort(order, Comparator.comparingDouble((Integer i) -> -scores.get(i)).thenComparingInt(i -> i));
        List<Integer> kept = new ArrayList<>();
        for (int i : order) {
            boolean keep = true;
            for (int k : kept) {
                if (iou(boxes.get(i), boxes.get(k)) > iouThreshold) {
                    keep = false;
                    break;
                }
            }
            if (keep) {
                kept.add(i);
            }
        }
        return kept;
    }
}
