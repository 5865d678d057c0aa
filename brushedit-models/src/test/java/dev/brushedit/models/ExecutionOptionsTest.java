package dev.brushedit.models;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.brushedit.core.InvalidInputException;
import dev.brushedit.core.tensor.Tensor;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExecutionOptionsTest {
    @TempDir
    Path tmp;

    @Test
    void builderValidatesAndRoundTrips() {
        ExecutionOptions o = ExecutionOptions.builder().cudaDevice(2).intraOpThreads(3).interOpThreads(1)
                .optimization(GraphOptimization.BASIC).optimizedModelCacheDir(tmp).build();
        assertThat(o.provider()).isEqualTo(ExecutionProvider.CUDA);
        assertThat(o.deviceId()).isEqualTo(2);
        assertThat(o.toBuilder().build()).isEqualTo(o).hasSameHashCodeAs(o);
        assertThat(o.toBuilder().cpu().build().provider()).isEqualTo(ExecutionProvider.CPU);
        assertThat(ExecutionOptions.defaults().optimizedModelCacheDir()).isEmpty();
        assertThatThrownBy(() -> ExecutionOptions.builder().cudaDevice(-1)).isInstanceOf(InvalidInputException.class)
                .hasMessage("CUDA device id must be between 0 and 63, was -1");
        assertThatThrownBy(() -> ExecutionOptions.builder().intraOpThreads(-2)).isInstanceOf(InvalidInputException.class)
                .hasMessage("intraOpThreads must be between 0 and 1024, was -2");
        assertThatThrownBy(() -> ExecutionOptions.builder().optimization(null)).isInstanceOf(InvalidInputException.class);
    }

    @Test
    void lowMemoryIsOffByDefaultAndRoundTrips() {
        assertThat(ExecutionOptions.defaults().lowMemory()).isFalse();
        ExecutionOptions low = ExecutionOptions.builder().lowMemory(true).build();
        assertThat(low.lowMemory()).isTrue();
        assertThat(low.toBuilder().build()).isEqualTo(low).hasSameHashCodeAs(low);
        assertThat(low).isNotEqualTo(ExecutionOptions.defaults());
        assertThat(low.toString()).contains("lowMemory");
    }

    @Test
    void keepStepMemoryIsOffByDefaultRoundTripsAndRefusesLowMemory() {
        assertThat(ExecutionOptions.defaults().keepStepMemory()).isFalse();
        ExecutionOptions keep = ExecutionOptions.builder().keepStepMemory(true).build();
        assertThat(keep.keepStepMemory()).isTrue();
        assertThat(keep.toBuilder().build()).isEqualTo(keep).hasSameHashCodeAs(keep);
        assertThat(keep).isNotEqualTo(ExecutionOptions.defaults());
        assertThat(keep.toString()).contains("keepStepMemory");
        assertThatThrownBy(() -> ExecutionOptions.builder().lowMemory(true).keepStepMemory(true).build())
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("keepStepMemory")
                .hasMessageContaining("lowMemory");
    }

    @Test
    void onlyTheOncePerJobSessionsReleaseTheirMemoryUnlessLowMemoryIsOn() {
        try (ModelFolder folder = ModelFolder.open(StandIns.folder(StandIns.BRUSHNET))) {
            assertThat(folder.session(ModelPart.VAE_DECODER).releasesMemoryAfterEveryRun()).isTrue();
            assertThat(folder.session(ModelPart.VAE_ENCODER).releasesMemoryAfterEveryRun()).isTrue();
            assertThat(folder.session(ModelPart.TEXT_ENCODER).releasesMemoryAfterEveryRun()).isTrue();
            assertThat(folder.session(ModelPart.BRUSHNET_UNET).releasesMemoryAfterEveryRun()).isFalse();
        }
        try (ModelFolder folder = ModelFolder.open(StandIns.folder(StandIns.BRUSHNET), ExecutionOptions.builder().lowMemory(true).build())) {
            assertThat(folder.session(ModelPart.BRUSHNET_UNET).releasesMemoryAfterEveryRun()).isTrue();
            VaeDecoder first = folder.vaeDecoder();
            assertThat(folder.isLoaded(ModelPart.VAE_DECODER)).isTrue();
            folder.release(ModelPart.VAE_DECODER);
            assertThat(folder.isLoaded(ModelPart.VAE_DECODER)).isFalse();
            assertThat(folder.vaeDecoder()).as("reopened on use").isNotSameAs(first);
            assertThat(folder.isLoaded(ModelPart.VAE_DECODER)).isTrue();
        }
    }

    @Test
    void cudaFallsBackToCpuWhenTheRuntimeHasNoCuda() {
        // the test class path has the CPU build of ONNX Runtime, which lacks the CUDA provider
        ExecutionOptions o = ExecutionOptions.builder().cudaDevice(0).build();
        try (ModelFolder f = ModelFolder.open(StandIns.folder(StandIns.TINY), o)) {
            Tensor img = f.vaeDecoder().decode(Tensor.zeros(1, 4, 2, 2));
            assertThat(img.shape()).containsExactly(1, 3, 16, 16);
            assertThat(f.effectiveProvider()).isEqualTo(ExecutionProvider.CPU);
            f.textEncoder();
        }
    }

    @Test
    void optimizedModelsAreCachedOnDiskAndReusedWithIdenticalResults() throws Exception {
        Path cache = tmp.resolve("cache");
        ExecutionOptions o = ExecutionOptions.builder().optimizedModelCacheDir(cache).intraOpThreads(1).build();
        Tensor latents = StandIns.uniform(4, -1, 1, 1, 4, 4, 4);
        Tensor first;
        try (ModelFolder f = ModelFolder.open(StandIns.folder(StandIns.TINY), o)) {
            first = f.vaeDecoder().decode(latents);
        }
        try (Stream<Path> files = Files.list(cache)) {
            assertThat(files.map(p -> p.getFileName().toString())).anyMatch(n -> n.startsWith("vae_decoder-") && n.endsWith("-cpu-all.onnx"));
        }
        try (ModelFolder f = ModelFolder.open(StandIns.folder(StandIns.TINY), o)) {
            assertThat(f.vaeDecoder().decode(latents).maxAbsDiff(first)).isLessThan(1e-5f);
        }
        try (ModelFolder f = ModelFolder.open(StandIns.folder(StandIns.TINY), o.toBuilder().optimizedModelCacheDir(null)
                .optimization(GraphOptimization.NONE).build())) {
            assertThat(f.vaeDecoder().decode(latents).maxAbsDiff(first)).isLessThan(1e-4f);
        }
    }
}
