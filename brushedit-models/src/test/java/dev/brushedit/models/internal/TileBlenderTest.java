package dev.brushedit.models.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.brushedit.core.tensor.Tensor;
import java.util.Random;
import org.junit.jupiter.api.Test;

class TileBlenderTest {
    @Test
    void tileStartsCoverTheAxisWithAtLeastTheOverlap() {
        assertThat(TileBlender.starts(10, 16, 4)).containsExactly(0);
        assertThat(TileBlender.starts(64, 32, 8)).containsExactly(0, 24, 32);
        assertThat(TileBlender.starts(100, 40, 10)).containsExactly(0, 30, 60);
        assertThat(TileBlender.starts(256, 64, 16)).containsExactly(0, 48, 96, 144, 192);
    }

    @Test
    void tilesOfALocalOperationBlendBackToTheWholeImage() {
        // a "decoder" that upsamples each latent pixel into a 2x2 block (no receptive field beyond one pixel):
        // any blend of exact tiles must reproduce the untiled result
        Random r = new Random(3);
        int b = 1;
        int h = 20;
        int w = 28;
        Tensor latents = Tensor.zeros(b, 4, h, w);
        for (int i = 0; i < latents.size(); i++) {
            latents.setFlat(i, r.nextFloat());
        }
        Tensor whole = upsample(latents);
        int tile = 8;
        int overlap = 3;
        TileBlender blender = new TileBlender(b, 3, h, w, 2, overlap);
        for (int y0 : TileBlender.starts(h, tile, overlap)) {
            for (int x0 : TileBlender.starts(w, tile, overlap)) {
                Tensor t = upsample(TileBlender.crop(latents, y0, x0, tile, tile));
                blender.add(t, y0, x0, y0 > 0, x0 > 0, y0 + tile < h, x0 + tile < w);
            }
        }
        assertThat(blender.result().maxAbsDiff(whole)).isLessThan(1e-6f);
    }

    @Test
    void overlapsAreAWeightedMeanRampingFromOneTileToTheNext() {
        // two constant tiles 0 and 1 overlapping by 4 latent pixels: the seam ramps monotonically from 0 to 1
        TileBlender blender = new TileBlender(1, 1, 1, 12, 1, 4);
        blender.add(Tensor.zeros(1, 1, 1, 8), 0, 0, false, false, false, true);
        blender.add(Tensor.full(1f, 1, 1, 1, 8), 0, 4, false, true, false, false);
        Tensor out = blender.result();
        assertThat(out.get(0, 0, 0, 3)).isZero();
        assertThat(out.get(0, 0, 0, 8)).isEqualTo(1f);
        for (int x = 4; x < 8; x++) {
            assertThat(out.get(0, 0, 0, x)).isBetween(0.01f, 0.99f).isGreaterThan(out.get(0, 0, 0, x - 1));
        }
        assertThat(out.get(0, 0, 0, 4) + out.get(0, 0, 0, 7)).isEqualTo(1f, org.assertj.core.data.Offset.offset(1e-6f));
    }

    private static Tensor upsample(Tensor lat) {
        int b = lat.dim(0);
        int h = lat.dim(2);
        int w = lat.dim(3);
        Tensor out = Tensor.zeros(b, 3, 2 * h, 2 * w);
        for (int n = 0; n < b; n++) {
            for (int c = 0; c < 3; c++) {
                for (int y = 0; y < 2 * h; y++) {
                    for (int x = 0; x < 2 * w; x++) {
                        out.set(lat.get(n, c, y / 2, x / 2) - 0.5f * lat.get(n, 3, y / 2, x / 2), n, c, y, x);
                    }
                }
            }
        }
        return out;
    }
}
