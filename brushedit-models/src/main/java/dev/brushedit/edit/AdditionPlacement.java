package dev.brushedit.edit;

import dev.brushedit.core.image.Box;
import java.util.List;

/**
 * Where the offline instructor puts an added object, since it cannot see the image: a box of
 * {@code fraction} of the image's width and height, centred at (0.5, 0.5) of the image, moved to
 * 0.25 / 0.75 horizontally by "left" / "right" and vertically by "top", "upper", "above", "sky",
 * "ceiling" (up) or "bottom", "lower", "below", "under", "ground", "floor", "foreground" (down);
 * a "corner" with no vertical word goes to the bottom. Thread-safety: stateless.
 */
final class AdditionPlacement {
    private AdditionPlacement() {}

    static Box place(int width, int height, double fraction, List<String> where) {
        double cx = 0.5;
        double cy = 0.5;
        boolean vertical = false;
        boolean corner = false;
        for (String w : where) {
            switch (w) {
                case "left":
                    cx = 0.25;
                    break;
                case "right":
                    cx = 0.75;
                    break;
                case "top": case "upper": case "above": case "sky": case "ceiling": case "up":
                    cy = 0.25;
                    vertical = true;
                    break;
                case "bottom": case "lower": case "below": case "under": case "underneath": case "ground": case "floor":
                case "foreground": case "down":
                    cy = 0.75;
                    vertical = true;
                    break;
                case "corner":
                    corner = true;
                    break;
                default:
                    break;
            }
        }
        if (corner && !vertical) {
            cy = 0.75;
        }
        int bw = Math.max(1, (int) Math.round(width * fraction));
        int bh = Math.max(1, (int) Math.round(height * fraction));
        int x0 = (int) Math.round(width * cx - bw / 2.0);
        int y0 = (int) Math.round(height * cy - bh / 2.0);
        x0 = Math.max(0, Math.min(width - bw, x0));
        y0 = Math.max(0, Math.min(height - bh, y0));
        return new Box(x0, y0, x0 + bw, y0 + bh);
    }
}
