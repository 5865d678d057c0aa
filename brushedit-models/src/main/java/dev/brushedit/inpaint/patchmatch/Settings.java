package dev.brushedit.inpaint.patchmatch;

/**
 * The solver's settings, copied from the {@link PatchMatchInpainter} builder.
 *
 * <p>Thread-safety: immutable.
 *
 * @param patchSize patch side length (odd)
 * @param minLevelSize smallest pyramid level side, 0 for automatic
 * @param maxLevels largest number of pyramid levels
 * @param emIterations search + vote iterations per level
 * @param sweeps PatchMatch sweeps per EM iteration
 * @param weightedVoting whether votes are weighted by patch similarity
 * @param sourceDistanceWeight added cost per patch channel value of a source one image diagonal away
 * @param sharpFill whether the finest level ends with a best-patch vote instead of the mean
 * @param blendSeams whether a sharp fill is blended into the border in the gradient domain
 * @param seed random seed
 */
record Settings(int patchSize, int minLevelSize, int maxLevels, int emIterations, int sweeps, boolean weightedVoting,
        double sourceDistanceWeight, boolean sharpFill, boolean blendSeams, long seed) {}
