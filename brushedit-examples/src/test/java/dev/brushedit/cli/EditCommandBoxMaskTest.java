package dev.brushedit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.brushedit.blend.retouch.Matte;
import dev.brushedit.core.image.Box;
import dev.brushedit.core.image.ImageFiles;
import dev.brushedit.core.image.Mask;
import dev.brushedit.core.image.RgbImage;
import dev.brushedit.segment.GrabCut;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code brushedit edit --box} without segmentation models: the object GrabCut finds inside the box by
 * default, the whole box with {@code --box-mask rect}, the whole box (said so) when GrabCut finds nothing.
 */
class EditCommandBoxMaskTest {
    private static final String COFFEE = EditCommandExecutorTest.COFFEE;
    /** The cup (and its saucer's near rim) on coffee.png, as drawn for the GrabCut reference set. */
    private static final Box CUP_BOX = new Box(170, 15, 412, 305);

    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        return BrushEditCli.commandLine(new PrintWriter(out, true), new PrintWriter(err, true)).execute(args);
    }

    private static String box(Box b) {
        return b.x0() + "," + b.y0() + "," + b.x1() + "," + b.y1();
    }

    /** Pixels of the box farther than {@code margin} (Chebyshev) from every pixel of {@code object}. */
    private static boolean[] farFrom(Mask object, Box box, int margin) {
        int w = object.width();
        boolean[] far = new boolean[w * object.height()];
        for (int y = box.y0(); y < box.y1(); y++) {
            for (int x = box.x0(); x < box.x1(); x++) {
                boolean near = false;
                for (int dy = -margin; dy <= margin && !near; dy++) {
                    for (int dx = -margin; dx <= margin && !near; dx++) {
                        int nx = x + dx;
                        int ny = y + dy;
                        near = nx >= 0 && ny >= 0 && nx < w && ny < object.height() && object.get(nx, ny) >= 0.5f;
                    }
                }
                far[y * w + x] = !near;
            }
        }
        return far;
    }

    private static long changed(RgbImage a, RgbImage b, boolean[] where) {
        long n = 0;
        for (int i = 0; i < where.length; i++) {
            if (where[i] && a.rgb(i % a.width(), i / a.width()) != b.rgb(i % a.width(), i / a.width())) {
                n++;
            }
        }
        return n;
    }

    private static long count(boolean[] v) {
        long n = 0;
        for (boolean b : v) {
            n += b ? 1 : 0;
        }
        return n;
    }

    @Test
    void aRecolourWithABoxPaintsTheObjectInsideItNotTheRectangle() {
        RgbImage before = ImageFiles.read(Path.of(COFFEE));
        Mask cup = GrabCut.builder().build().segment(before, CUP_BOX);
        Path output = dir.resolve("blue.png");
        int code = run("edit", "make the cup blue", "-i", COFFEE, "--box", box(CUP_BOX), "-o", output.toString());
        assertThat(code).as(err.toString()).isZero();
        assertThat(out.toString()).contains("executor: recolour")
                .contains("object mask: the object inside --box found by colour (GrabCut), " + cup.area() + " px");
        RgbImage after = ImageFiles.read(output);
        boolean[] inside = new boolean[cup.width() * cup.height()];
        float[] v = cup.toArray();
        for (int i = 0; i < v.length; i++) {
            inside[i] = v[i] >= 0.5f;
        }
        assertThat(changed(before, after, inside)).as("cup pixels recoloured").isGreaterThan(count(inside) * 8 / 10);
        // the recolour feathers the mask's edge: pixels beyond the feather's reach must keep their colour
        int reach = Matte.reach(Matte.defaultSigma(before.width(), before.height()));
        boolean[] rest = farFrom(cup, CUP_BOX, reach);
        assertThat(count(rest)).as("box pixels away from the cup (table, saucer)").isGreaterThan(10_000);
        assertThat(changed(before, after, rest)).as("box pixels away from the cup that changed").isZero();
    }

    @Test
    void boxMaskRectRecoloursTheWholeBox() {
        RgbImage before = ImageFiles.read(Path.of(COFFEE));
        Mask cup = GrabCut.builder().build().segment(before, CUP_BOX);
        Path output = dir.resolve("blue-rect.png");
        int code = run("edit", "make the cup blue", "-i", COFFEE, "--box", box(CUP_BOX), "--box-mask", "rect", "-o",
                output.toString());
        assertThat(code).as(err.toString()).isZero();
        assertThat(out.toString()).contains("object mask: the whole --box (" + CUP_BOX.area() + " px), as --box-mask rect asks");
        boolean[] rest = farFrom(cup, CUP_BOX, Matte.reach(Matte.defaultSigma(before.width(), before.height())));
        assertThat(changed(before, ImageFiles.read(output), rest)).as("box pixels away from the cup that changed")
                .isGreaterThan(count(rest) / 2);
    }

    @Test
    void aBoxWithNothingToSeparateFallsBackToTheRectangleAndSaysSo() {
        int w = 64;
        byte[] px = new byte[w * w * 3];
        for (int i = 0; i < w * w; i++) {
            int x = i % w;
            int y = i / w;
            byte g = (byte) (((x / 4 + y / 4) % 2 == 0) ? 30 : 220);
            px[3 * i] = g;
            px[3 * i + 1] = g;
            px[3 * i + 2] = g;
        }
        Path image = dir.resolve("checks.png");
        ImageFiles.write(RgbImage.of(w, w, px), image);
        Path maskOut = dir.resolve("used.png");
        int code = run("edit", "make the square blue", "-i", image.toString(), "--box", "16,16,48,48", "-o",
                dir.resolve("o.png").toString(), "--mask-out", maskOut.toString());
        assertThat(code).as(err.toString()).isZero();
        assertThat(out.toString()).contains("object mask: the whole --box (1024 px): GrabCut found no object inside it");
        Mask used = Mask.fromImage(ImageFiles.read(maskOut), 128);
        assertThat(used.get(17, 17)).isEqualTo(1f);
        assertThat(used.get(46, 46)).isEqualTo(1f);
    }

    @Test
    void aBoxOverTheWholeImageUsesTheRectangleAndSaysWhy() {
        Path output = dir.resolve("o.png");
        int code = run("edit", "make the cup blue", "-i", COFFEE, "--box", "0,0,600,400", "-o", output.toString());
        assertThat(code).as(err.toString()).isZero();
        assertThat(out.toString()).contains("object mask: the whole --box (240000 px): it covers the whole image");
    }

    @Test
    void boxMaskIsCheckedAndNeedsABox() {
        Path o = dir.resolve("o.png");
        assertThat(run("edit", "make the cup blue", "-i", COFFEE, "--box", box(CUP_BOX), "--box-mask", "circle", "-o",
                o.toString())).isEqualTo(BrushEditCli.EXIT_USAGE);
        assertThat(err.toString()).contains("--box-mask must be object or rect, was circle");
        assertThat(run("edit", "make the cup blue", "-i", COFFEE, "--mask", EditCommandExecutorTest.CUP, "--box-mask", "rect",
                "-o", o.toString())).isEqualTo(BrushEditCli.EXIT_USAGE);
        assertThat(err.toString()).contains("--box-mask applies to --box");
        assertThat(o).doesNotExist();
    }
}
