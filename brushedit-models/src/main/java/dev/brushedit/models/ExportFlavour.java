package dev.brushedit.models;

/**
 * Which exporter wrote a checkpoint, as told by the graphs themselves (never by file names).
 *
 * <p>Thread-safety: immutable.
 */
public enum ExportFlavour {
    /**
     * diffusers' legacy {@code convert_stable_diffusion_checkpoint_to_onnx.py}: the VAE encoder samples
     * inside the graph and outputs 4-channel {@code latent_sample}; the UNet's timestep is a float
     * {@code [batch]} tensor.
     */
    LEGACY_DIFFUSERS,
    /**
     * Hugging Face optimum: the VAE encoder outputs 8-channel {@code latent_parameters} (mean and
     * log-variance) and sampling happens outside the graph.
     */
    OPTIMUM,
    /** The folder holds no graph that tells the flavours apart. */
    UNKNOWN
}
