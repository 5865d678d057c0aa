package dev.brushedit.inpaint.patchmatch;

import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Multi-scale exemplar-based completion (Wexler et al. 2007, with PatchMatch search from Barnes et
 * al. 2009): build a pyramid, fill the coarsest hole by boundary diffusion, then at each level from
 * coarse to fine alternate PatchMatch sweeps and patch voting, upsampling the field and the
 * estimate between levels. Match costs include a penalty growing with the distance between target
 * and source. With a sharp fill, each finer level starts from the best-patch vote of the upsampled
 * field, the full-size level votes by best patch instead of by mean, and the result is blended into
 * the hole border in the gradient domain ({@link SeamBlend}).
 *
 * <p>Thread-safety: not thread-safe; one instance per inpainting call.
 */
final class PatchMatchSolver {
    private static final Logger LOG = LoggerFactory.getLogger(PatchMatchSolver.class);

    private final Settings settings;
    private final int maxRadius;
    private final int minLevelSize;
    private final int maxLevels;
    private final int emIterations;
    private final int sweeps;
    private final boolean weighted;
    private final long seed;
    private final Bands bands;
    private float[] matchCost;

    PatchMatchSolver(Settings settings, Bands bands) {
        this.settings = settings;
        this.maxRadius = settings.patchSize() / 2;
        this.minLevelSize = settings.minLevelSize();
        this.maxLevels = settings.maxLevels();
        this.emIterations = settings.emIterations();
        this.sweeps = settings.sweeps();
        this.weighted = settings.weightedVoting();
        this.seed = settings.seed();
        this.bands = bands;
    }

    /** The automatic smallest level side: an eighth of the shorter side, clamped to [8, 64]. */
    static int autoMinLevelSize(int width, int height) {
        return Math.max(8, Math.min(64, Math.min(width, height) / 8));
    }

    /**
     * Completes the hole of {@code finest} in place. The hole must leave at least one known pixel.
     */
    void solve(Level finest) {
        List<Level> pyramid = new ArrayList<>();
        pyramid.add(finest);
        int smallest = minLevelSize > 0 ? minLevelSize : autoMinLevelSize(finest.width, finest.height);
        while (pyramid.size() < maxLevels) {
            Level last = pyramid.get(pyramid.size() - 1);
            if (Math.min((last.width + 1) / 2, (last.height + 1) / 2) < smallest) {
                break;
            }
            Level coarse = last.downsample();
            if (!coarse.hasSources(maxRadius)) {
                break;
            }
            pyramid.add(coarse);
        }
        NearestNeighbourField previous = null;
        for (int l = pyramid.size() - 1; l >= 0; l--) {
            Level level = pyramid.get(l);
            int r = maxRadius;
            while (r > 0 && !level.hasSources(r)) {
                r--;
            }
            level.prepare(r);
            NearestNeighbourField field = new NearestNeighbourField(level, settings.sourceDistanceWeight());
            final int levelIndex = l;
            if (previous == null) {
                OnionPeel.fill(level);
                bands.run(Bands.count(level.height, 0), b -> field.randomInit(
                        Bands.start(b, 0), Bands.end(b, 0, level.height), rng(levelIndex, -1, 0, b)));
            } else {
                upsampleEstimate(pyramid.get(l + 1), level);
                NearestNeighbourField coarse = previous;
                bands.run(Bands.count(level.height, 0), b -> field.upsample(coarse,
                        Bands.start(b, 0), Bands.end(b, 0, level.height), rng(levelIndex, -1, 0, b)));
                if (settings.sharpFill()) {
                    // start from the texture the coarse matches point to, not from blurred colours
                    PatchVoting v = new PatchVoting(level, field, false);
                    v.rankTargets();
                    bands.run(Bands.count(level.height, 0), b -> v.voteBest(Bands.start(b, 0), Bands.end(b, 0, level.height)));
                    bands.run(Bands.count(level.height, 0), b -> field.refreshDistances(Bands.start(b, 0), Bands.end(b, 0, level.height)));
                }
            }
            LOG.debug("level {}: {}x{}, patch radius {}, {} targets, {} sources", l, level.width, level.height, r,
                    level.targets.length, level.sources.length);
            iterate(level, field, l);
            previous = field;
        }
    }

    /**
     * After {@link #solve}: per pixel of the finest level, the patch difference of the best match covering it
     * ({@link PatchVoting#bestCost}) for hole pixels, 0 elsewhere.
     */
    float[] matchCost() {
        return matchCost;
    }

    private void iterate(Level level, NearestNeighbourField field, int levelIndex) {
        int h = level.height;
        PatchVoting voting = new PatchVoting(level, field, weighted);
        for (int em = 0; em < emIterations; em++) {
            if (em > 0) {
                bands.run(Bands.count(h, 0), b -> field.refreshDistances(Bands.start(b, 0), Bands.end(b, 0, h)));
            }
            for (int pass = 0; pass < sweeps; pass++) {
                int offset = (pass & 1) == 0 ? 0 : Bands.HEIGHT / 2;
                boolean forward = (pass & 1) == 0;
                final int e = em;
                final int p = pass;
                bands.run(Bands.count(h, offset), b -> field.sweep(Bands.start(b, offset),
                        Bands.end(b, offset, h), forward, rng(levelIndex, e, p, b)));
            }
            voting.weigh();
            if (levelIndex == 0 && settings.sharpFill()) {
                voting.rankTargets();
                bands.run(Bands.count(h, 0), b -> voting.voteBest(Bands.start(b, 0), Bands.end(b, 0, h)));
            } else {
                bands.run(Bands.count(h, 0), b -> voting.vote(Bands.start(b, 0), Bands.end(b, 0, h)));
            }
        }
        if (levelIndex == 0 && settings.sharpFill()) {
            bands.run(Bands.count(h, 0), b -> field.refreshDistances(Bands.start(b, 0), Bands.end(b, 0, h)));
            voting.rankTargets();
            bands.run(Bands.count(h, 0), b -> voting.voteBest(Bands.start(b, 0), Bands.end(b, 0, h)));
            if (settings.blendSeams()) {
                SeamBlend.apply(level, voting::bestProposal);
            }
        }
        if (levelIndex == 0) {
            matchCost = new float[level.hole.length];
            for (int t : level.targets) {
                if (level.hole[t]) {
                    matchCost[t] = voting.bestCost(t);
                }
            }
        }
    }

    /** Hole pixels of {@code fine} take the colour of their parent pixel in {@code coarse}. */
    private static void upsampleEstimate(Level coarse, Level fine) {
        for (int y = 0; y < fine.height; y++) {
            int cy = Math.min(y / 2, coarse.height - 1);
            for (int x = 0; x < fine.width; x++) {
                int i = y * fine.width + x;
                if (fine.hole[i]) {
                    int c = cy * coarse.width + Math.min(x / 2, coarse.width - 1);
                    System.arraycopy(coarse.rgb, 3 * c, fine.rgb, 3 * i, 3);
                }
            }
        }
    }

    private SplitMix rng(int level, int em, int pass, int band) {
        return new SplitMix(SplitMix.derive(seed, level, em, pass, band));
    }
}
