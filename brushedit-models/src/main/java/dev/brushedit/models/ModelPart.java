package dev.brushedit.models;

/**
 * The graphs a checkpoint folder may hold, each at {@code <folder>/<dir>/model.onnx} (weights inline
 * or in {@code model.onnx_data} beside it).
 *
 * <p>Thread-safety: immutable.
 */
public enum ModelPart {
    /** CLIP text encoder: token ids to hidden states. */
    TEXT_ENCODER("text_encoder", true),
    /** Denoising UNet: 4-channel, 9-channel inpainting, or with BrushNet feature inputs. */
    UNET("unet", true),
    /** VAE encoder: image to latents. */
    VAE_ENCODER("vae_encoder", true),
    /** VAE decoder: latents to image. */
    VAE_DECODER("vae_decoder", true),
    /** BrushNet branch (optional, variant a of the contract). */
    BRUSHNET("brushnet", false),
    /** Fused UNet and BrushNet graph (optional, variant b of the contract). */
    BRUSHNET_UNET("brushnet_unet", false),
    /** MimicBrush's reference and imitative UNets fused for one denoising step (optional). */
    MIMICBRUSH_UNET("mimicbrush_unet", false),
    /** MimicBrush's image-prompt encoder: CLIP vision features and their projection (optional). */
    IMAGE_ENCODER("image_encoder", false),
    /** MimicBrush's depth branch: depth estimator and depth guider (optional). */
    DEPTH("depth", false);

    private final String directory;
    private final boolean standard;

    ModelPart(String directory, boolean standard) {
        this.directory = directory;
        this.standard = standard;
    }

    /** The sub-directory name, e.g. {@code "unet"}. */
    public String directory() {
        return directory;
    }

    /** The model file relative to the folder, e.g. {@code "unet/model.onnx"}. */
    public String relativePath() {
        return directory + "/model.onnx";
    }

    /** True for the four parts of every Stable Diffusion export; false for the optional BrushNet and MimicBrush graphs. */
    public boolean standard() {
        return standard;
    }
}
