package dev.brushedit.models;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.brushedit.core.InvalidInputException;
import dev.brushedit.core.ModelException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ModelFolderTest {
    @TempDir
    Path tmp;

    @Test
    void findsTheStandardPartsAndTellsTheFlavourFromTheGraphs() {
        try (ModelFolder f = ModelFolder.open(StandIns.folder(StandIns.TINY));
                ModelFolder legacy = ModelFolder.open(StandIns.folder(StandIns.LEGACY))) {
            assertThat(f.parts()).contains(ModelPart.TEXT_ENCODER, ModelPart.UNET, ModelPart.VAE_ENCODER, ModelPart.VAE_DECODER)
                    .doesNotContain(ModelPart.BRUSHNET);
            assertThat(f.missingStandardParts()).isEmpty();
            assertThat(f.flavour()).isEqualTo(ExportFlavour.OPTIMUM);
            assertThat(legacy.flavour()).isEqualTo(ExportFlavour.LEGACY_DIFFUSERS);
            assertThat(f.precision()).isEqualTo(Precision.FP32);
            assertThat(f.textEncoder().int64Ids()).isTrue();
            assertThat(legacy.textEncoder().int64Ids()).isFalse();
            ModelIndex index = f.modelIndex().orElseThrow();
            assertThat(index.pipelineClass()).isEqualTo("ORTStableDiffusionPipeline");
            assertThat(index.diffusersVersion()).isNotEmpty();
            assertThat(index.components()).containsEntry("unet", "diffusers.UNet2DConditionModel")
                    .containsEntry("text_encoder", "transformers.CLIPTextModel").doesNotContainKey("safety_checker");
            assertThat(index.exporter()).containsEntry("contract", "1").containsEntry("flavour", "optimum");
        }
    }

    @Test
    void schedulerConfigJsonIsTheFilesStrippedTextOrAModelError() throws Exception {
        try (ModelFolder f = ModelFolder.open(StandIns.folder(StandIns.TINY))) {
            String text = f.schedulerConfigJson();
            assertThat(text).isEqualTo(Files.readString(f.schedulerConfig()).strip()).startsWith("{").endsWith("}");
        }
        Path copy = tmp.resolve("no-scheduler");
        Path source = StandIns.folder(StandIns.TINY);
        try (var files = Files.walk(source)) {
            for (Path p : (Iterable<Path>) files::iterator) {
                Path target = copy.resolve(source.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else if (!p.getFileName().toString().equals("scheduler_config.json")) {
                    Files.copy(p, target);
                }
            }
        }
        try (ModelFolder f = ModelFolder.open(copy)) {
            assertThatThrownBy(f::schedulerConfigJson).isInstanceOf(ModelException.class)
                    .hasMessageStartingWith("cannot read " + f.schedulerConfig());
        }
    }

    @Test
    void signatureDescribesAGraphWithPublicTypes() {
        try (ModelFolder f = ModelFolder.open(StandIns.folder(StandIns.BRUSHNET))) {
            GraphSignature s = f.signature(ModelPart.BRUSHNET);
            assertThat(s.part()).isEqualTo(ModelPart.BRUSHNET);
            assertThat(s.inputs().keySet()).containsExactly("sample", "timestep", "brushnet_cond", "conditioning_scale");
            assertThat(s.inputs().get("brushnet_cond").elementType()).isEqualTo("float32");
            assertThat(s.inputs().get("brushnet_cond").shape()).hasSize(4).element(1).isEqualTo(5L);
            assertThat(s.outputs()).hasSize(f.brushNet().featureNames().size());
        }
    }

    @Test
    void brushNetFolderListsItsOptionalParts() {
        try (ModelFolder f = ModelFolder.open(StandIns.folder(StandIns.BRUSHNET))) {
            assertThat(f.parts()).contains(ModelPart.BRUSHNET, ModelPart.BRUSHNET_UNET);
            assertThat(f.session(ModelPart.BRUSHNET).inputs()).containsKeys("sample", "timestep", "brushnet_cond", "conditioning_scale");
            assertThat(f.session(ModelPart.BRUSHNET)).isSameAs(f.session(ModelPart.BRUSHNET));
            var raw = f.session(ModelPart.UNET);
            f.unet();
            assertThat(f.session(ModelPart.UNET)).as("typed and raw use share one session").isSameAs(raw);
        }
    }

    @Test
    void readsTheScalingFactorFromTheVaeConfigOrFallsBackToSd15() throws Exception {
        Path dir = StandIns.copy(StandIns.TINY, tmp.resolve("f"));
        Files.writeString(dir.resolve("vae_decoder/config.json"), "{\"scaling_factor\": 0.13025}");
        Files.deleteIfExists(dir.resolve("vae_encoder/config.json"));
        try (ModelFolder f = ModelFolder.open(dir)) {
            assertThat(f.vaeScalingFactor()).isEqualTo(0.13025f);
            assertThat(f.vaeDecoder().scalingFactor()).isEqualTo(0.13025f);
        }
        Files.delete(dir.resolve("vae_decoder/config.json"));
        try (ModelFolder f = ModelFolder.open(dir)) {
            assertThat(f.vaeScalingFactor()).isEqualTo(0.18215f);
        }
        Files.writeString(dir.resolve("vae_decoder/config.json"), "{\"scaling_factor\": -1}");
        assertThatThrownBy(() -> ModelFolder.open(dir)).isInstanceOf(ModelException.class)
                .hasMessageContaining("vae_decoder/config.json: scaling_factor expected a positive number, found -1");
    }

    @Test
    void hashesEachModelFileWithSha256() throws Exception {
        Path dir = StandIns.folder(StandIns.TINY);
        MessageDigest md = MessageDigest.getInstance("SHA-256");
        md.update(Files.readAllBytes(dir.resolve("unet/model.onnx")));
        Path data = dir.resolve("unet/model.onnx_data");
        if (Files.exists(data)) {
            md.update(Files.readAllBytes(data));
        }
        try (ModelFolder f = ModelFolder.open(dir)) {
            assertThat(f.sha256(ModelPart.UNET)).isEqualTo(HexFormat.of().formatHex(md.digest()));
            assertThat(f.sha256(ModelPart.UNET)).isNotEqualTo(f.sha256(ModelPart.VAE_DECODER));
        }
    }

    @Test
    void aMissingPartSaysWhichFileAndHowToProduceIt() throws Exception {
        Path dir = StandIns.copy(StandIns.TINY, tmp.resolve("f"));
        Files.delete(dir.resolve("unet/model.onnx"));
        try (ModelFolder f = ModelFolder.open(dir)) {
            assertThat(f.missingStandardParts()).containsExactly(ModelPart.UNET);
            assertThatThrownBy(f::unet).isInstanceOf(ModelException.class)
                    .hasMessageContaining("checkpoint " + dir + " is missing unet/model.onnx; export")
                    .hasMessageContaining("brushedit_export");
            assertThatThrownBy(() -> f.session(ModelPart.BRUSHNET)).isInstanceOf(ModelException.class)
                    .hasMessageContaining("is missing brushnet/model.onnx");
        }
    }

    @Test
    void rejectsBadFolders() throws Exception {
        assertThatThrownBy(() -> ModelFolder.open(tmp.resolve("nope"))).isInstanceOf(ModelException.class)
                .hasMessageContaining("is not a directory");
        assertThatThrownBy(() -> ModelFolder.open(null)).isInstanceOf(InvalidInputException.class);
        Path dir = StandIns.copy(StandIns.TINY, tmp.resolve("g"));
        Files.writeString(dir.resolve("model_index.json"), "{not json");
        assertThatThrownBy(() -> ModelFolder.open(dir)).isInstanceOf(ModelException.class)
                .hasMessageContaining("model_index.json: expected valid JSON");
    }

    @Test
    void aGraphInTheWrongPlaceFailsTheContractCheckNamingFileInputExpectedAndFound() throws Exception {
        Path dir = StandIns.copy(StandIns.TINY, tmp.resolve("f"));
        // the VAE encoder where the UNet belongs: 'sample' has 3 channels
        Files.copy(dir.resolve("vae_encoder/model.onnx"), dir.resolve("unet/model.onnx"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        Files.deleteIfExists(dir.resolve("unet/model.onnx_data"));
        // the UNet where the text encoder belongs: no input_ids
        Files.copy(StandIns.folder(StandIns.TINY).resolve("unet/model.onnx"), dir.resolve("text_encoder/model.onnx"),
                java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        // the text encoder where the VAE decoder belongs
        Files.copy(StandIns.folder(StandIns.TINY).resolve("text_encoder/model.onnx"), dir.resolve("vae_decoder/model.onnx"),
                java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        try (ModelFolder f = ModelFolder.open(dir)) {
            assertThatThrownBy(f::unet).isInstanceOf(ModelException.class)
                    .hasMessageStartingWith("unet/model.onnx: input 'sample' expected rank 4 float32/float16 with 4 or 8 or 9 channels, "
                            + "found rank 4 float32 [-1, 3, -1, -1]");
            assertThatThrownBy(f::textEncoder).isInstanceOf(ModelException.class)
                    .hasMessageContaining("text_encoder/model.onnx: missing input 'input_ids'; found inputs [sample, timestep, encoder_hidden_states]");
            assertThatThrownBy(f::vaeDecoder).isInstanceOf(ModelException.class)
                    .hasMessageContaining("vae_decoder/model.onnx: missing input 'latent_sample'");
            assertThatThrownBy(f::openAll).isInstanceOf(ModelException.class);
        }
    }

    @Test
    void concurrentFirstUseOpensEachModelOnce() throws Exception {
        try (ModelFolder f = ModelFolder.open(StandIns.folder(StandIns.TINY))) {
            java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(4);
            try {
                java.util.List<java.util.concurrent.Future<Unet>> futures = new java.util.ArrayList<>();
                for (int i = 0; i < 8; i++) {
                    futures.add(pool.submit(f::unet));
                }
                for (java.util.concurrent.Future<Unet> u : futures) {
                    assertThat(u.get()).isSameAs(f.unet());
                }
            } finally {
                pool.shutdownNow();
            }
        }
    }

    @Test
    void closedFolderRefusesNewSessions() {
        ModelFolder f = ModelFolder.open(StandIns.folder(StandIns.TINY));
        f.close();
        f.close();
        assertThatThrownBy(f::unet).isInstanceOf(ModelException.class).hasMessageContaining("is closed");
    }
}
