package dev.brushedit.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.brushedit.core.image.Box;
import dev.brushedit.core.image.ImageFiles;
import dev.brushedit.core.image.Mask;
import dev.brushedit.core.image.RgbImage;
import dev.brushedit.edit.DetectorSamMaskSource;
import dev.brushedit.inpaint.Inpainter;
import dev.brushedit.models.ExecutionOptions;
import dev.brushedit.models.text.ClipTokenizer;
import dev.brushedit.segment.OpenVocabularyDetector;
import dev.brushedit.segment.SamModel;
import java.nio.file.Path;
import java.util.Base64;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code /api/segment}, {@code /api/jobs/segment} and {@code /api/edit} without a mask, on a server
 * started with the random-weight detector and SAM stand-ins (segment-tiny). A second server whose
 * detector threshold no box can pass shows what a request gets when nothing is found.
 */
class ServerSegmentTest {
    static final Path STANDINS = Path.of("..", "brushedit-models", "src", "test", "resources", "standins");
    static final int W = 80;
    static final int H = 60;

    static SamModel sam;
    static OpenVocabularyDetector detector;
    static Inpainter inpainter;
    static BrushEditServer server;
    static BrushEditServer blind;
    static ApiClient api;
    static ApiClient blindApi;

    @BeforeAll
    static void start() {
        Path folder = STANDINS.resolve("segment-tiny");
        sam = SamModel.open(folder.resolve("sam"), ExecutionOptions.defaults());
        detector = OpenVocabularyDetector.open(folder.resolve("detector").resolve("model.onnx"),
                ClipTokenizer.fromDirectory(STANDINS.resolve("sd15-tiny").resolve("tokenizer")), ExecutionOptions.defaults());
        inpainter = Inpainter.builder().backend(Inpainter.Backend.PATCHMATCH).build();
        server = BrushEditServer.builder().host("127.0.0.1").port(0).inpainter(inpainter)
                .segmenter(DetectorSamMaskSource.builder(detector, sam).build()).build().start();
        blind = BrushEditServer.builder().host("127.0.0.1").port(0).inpainter(inpainter)
                .segmenter(DetectorSamMaskSource.builder(detector, sam).thresholds(1f).build()).build().start();
        api = new ApiClient(server.port());
        blindApi = new ApiClient(blind.port());
    }

    @AfterAll
    static void stop() {
        server.close();
        blind.close();
        inpainter.close();
        detector.close();
        sam.close();
    }

    /** A non-square picture (so a transposed mask would show) with a varied pattern. */
    static RgbImage picture() {
        byte[] px = new byte[W * H * 3];
        for (int i = 0; i < px.length; i++) {
            px[i] = (byte) (i * 7 % 251);
        }
        return RgbImage.of(W, H, px);
    }

    static ObjectNode segmentBody(String object) {
        return Fields.response().put("image", ImageCodec.png(picture())).put("object", object);
    }

    static RgbImage decode(String base64) {
        return ImageFiles.read(Base64.getDecoder().decode(base64));
    }

    /** Checks a segment answer's shape (image-sized binary mask; area and box agree with it) and returns the mask. */
    static Mask checkedMask(JsonNode answer) {
        RgbImage image = decode(answer.get("mask").asText());
        assertThat(image.width()).isEqualTo(W);
        assertThat(image.height()).isEqualTo(H);
        for (int y = 0; y < H; y++) {
            for (int x = 0; x < W; x++) {
                int p = image.rgb(x, y);
                assertThat(p == 0 || p == 0xFFFFFF).as("pixel (%d, %d) is black or white, was %06x", x, y, p).isTrue();
            }
        }
        Mask mask = Mask.fromImage(image, 128);
        assertThat(mask.isEmpty()).isFalse();
        assertThat(answer.get("area").asLong()).isEqualTo(mask.area());
        Box box = mask.boundingBox();
        assertThat(answer.get("box").toString()).isEqualTo("[" + box.x0() + "," + box.y0() + "," + box.x1() + "," + box.y1() + "]");
        return mask;
    }

    @Test
    void infoSaysTheServerCanSegment() throws Exception {
        assertThat(api.get("/api/info").json().get("segmentation").asBoolean()).isTrue();
    }

    @Test
    void segmentAnswersAnImageSizedBinaryMaskTheSameEachTime() throws Exception {
        ApiClient.Answer a = api.post("/api/segment", segmentBody("dog"));
        assertThat(a.status()).as(a.text()).isEqualTo(200);
        Mask mask = checkedMask(a.json());
        ApiClient.Answer again = api.post("/api/segment", segmentBody("  dog "));
        assertThat(again.status()).as(again.text()).isEqualTo(200);
        assertThat(checkedMask(again.json()).sameValues(mask)).isTrue();
    }

    @Test
    void segmentJobsStreamTheirEventsAndKeepTheMask() throws Exception {
        Mask direct = checkedMask(api.post("/api/segment", segmentBody("dog")).json());
        ApiClient.Answer started = api.post("/api/jobs/segment", segmentBody("dog"));
        assertThat(started.status()).as(started.text()).isEqualTo(202);
        String id = started.json().get("id").asText();
        assertThat(started.json().get("kind").asText()).isEqualTo("segment");
        String events = api.events("/api/jobs/" + id + "/events");
        assertThat(events).contains("event: done").doesNotContain("event: failed");
        assertThat(events.indexOf("event: done")).isEqualTo(events.lastIndexOf("event: "));
        ApiClient.Answer status = api.get("/api/jobs/" + id);
        assertThat(status.json().get("state").asText()).isEqualTo("done");
        assertThat(checkedMask(status.json().get("result")).sameValues(direct)).isTrue();
    }

    @Test
    void anEditWithoutAMaskTakesTheObjectFromTheSegmentationModels() throws Exception {
        Mask object = checkedMask(api.post("/api/segment", segmentBody("dog")).json());
        assertThat(object.isFull()).as("the stand-in's mask of \"dog\" leaves a background").isFalse();
        ObjectNode body = Fields.response().put("image", ImageCodec.png(picture())).put("instruction", "make the background white");
        body.putObject("plan").put("category", "BACKGROUND").put("targetObject", "dog").put("targetCaption", "a white background");
        ApiClient.Answer a = api.post("/api/edit", body);
        assertThat(a.status()).as(a.text()).isEqualTo(200);
        assertThat(a.json().at("/plan/category").asText()).isEqualTo("BACKGROUND");
        assertThat(a.json().get("executor").asText()).contains("background");
        RgbImage used = decode(a.json().get("mask").asText());
        assertThat(used.width()).isEqualTo(W);
        assertThat(used.height()).isEqualTo(H);
        // A BACKGROUND edit repaints everything but the object: the inverse of /api/segment's mask.
        Mask repainted = Mask.fromImage(used, 128);
        assertThat(repainted.sameValues(object.invert())).isTrue();
        RgbImage result = decode(a.json().get("image").asText());
        RgbImage original = picture();
        long lightBefore = 0;
        long lightAfter = 0;
        for (int y = 0; y < H; y++) {
            for (int x = 0; x < W; x++) {
                if (repainted.get(x, y) > 0.5f) {
                    lightBefore += darkest(original.rgb(x, y));
                    lightAfter += darkest(result.rgb(x, y));
                }
            }
        }
        // The stand-in's background is thin and scattered, so all of it lies in the feathered edge: it turns towards
        // white (mean darkest channel 115 -> 142 when written), though not all the way.
        assertThat(result.width()).isEqualTo(W);
        assertThat(lightAfter).isGreaterThan(lightBefore + 15L * repainted.area());
    }

    /** The darkest channel of {@code rgb}: 255 only for white. */
    private static int darkest(int rgb) {
        return Math.min(rgb >> 16 & 255, Math.min(rgb >> 8 & 255, rgb & 255));
    }

    @Test
    void fieldErrorsNameTheSegmentRequestField() throws Exception {
        ApiClient.Answer empty = api.post("/api/segment", segmentBody("   "));
        assertThat(empty.status()).isEqualTo(400);
        assertThat(empty.json().at("/error/field").asText()).isEqualTo("object");

        ApiClient.Answer missing = api.post("/api/segment", Fields.response().put("image", ImageCodec.png(picture())));
        assertThat(missing.status()).isEqualTo(400);
        assertThat(missing.json().at("/error/field").asText()).isEqualTo("object");

        ApiClient.Answer image = api.post("/api/segment", Fields.response().put("image", "not base64!").put("object", "dog"));
        assertThat(image.status()).isEqualTo(400);
        assertThat(image.json().at("/error/field").asText()).isEqualTo("image");

        ApiClient.Answer unknown = api.post("/api/segment", segmentBody("dog").put("objectMask", "x"));
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.json().at("/error/field").asText()).isEqualTo("objectMask");

        ApiClient.Answer job = api.post("/api/jobs/segment", segmentBody(""));
        assertThat(job.status()).isEqualTo(400);
        assertThat(job.json().at("/error/field").asText()).isEqualTo("object");
    }

    @Test
    void nothingFoundIsA422NamingTheFieldOfEachEndpoint() throws Exception {
        ApiClient.Answer segment = blindApi.post("/api/segment", segmentBody("dog"));
        assertThat(segment.status()).as(segment.text()).isEqualTo(422);
        assertThat(segment.json().at("/error/field").asText()).isEqualTo("object");
        assertThat(segment.json().at("/error/message").asText()).contains("\"dog\"").doesNotContain("objectMask");

        ApiClient.Answer started = blindApi.post("/api/jobs/segment", segmentBody("dog"));
        assertThat(started.status()).isEqualTo(202);
        String id = started.json().get("id").asText();
        assertThat(blindApi.events("/api/jobs/" + id + "/events")).contains("event: failed").doesNotContain("event: done");
        JsonNode status = blindApi.get("/api/jobs/" + id).json();
        assertThat(status.get("state").asText()).isEqualTo("failed");
        assertThat(status.at("/error/status").asInt()).isEqualTo(422);
        assertThat(status.at("/error/field").asText()).isEqualTo("object");

        ApiClient.Answer edit = blindApi.post("/api/edit", Fields.response().put("image", ImageCodec.png(picture()))
                .put("instruction", "remove the dog"));
        assertThat(edit.status()).as(edit.text()).isEqualTo(422);
        assertThat(edit.json().at("/error/field").asText()).isEqualTo("objectMask");
        assertThat(edit.json().at("/error/message").asText()).contains("\"dog\"");
    }
}
