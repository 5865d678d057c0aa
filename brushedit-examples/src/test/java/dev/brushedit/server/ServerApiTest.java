package dev.brushedit.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.brushedit.core.image.Box;
import dev.brushedit.core.image.ImageFiles;
import dev.brushedit.core.image.RgbImage;
import dev.brushedit.inpaint.Inpainter;
import java.util.Base64;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The JSON API on the weight-free backend (PatchMatch + classical executors), over loopback. */
class ServerApiTest {
    static final int SIZE = 96;
    static final Box SQUARE = new Box(36, 36, 60, 60);
    static final int RED = 0xE01010;

    static Inpainter inpainter;
    static BrushEditServer server;
    static ApiClient api;

    @BeforeAll
    static void start() {
        inpainter = Inpainter.builder().backend(Inpainter.Backend.PATCHMATCH).build();
        server = BrushEditServer.builder().host("127.0.0.1").port(0).maxRequestBytes(256 * 1024).queueCapacity(4)
                .inpainter(inpainter).build().start();
        api = new ApiClient(server.port());
    }

    @AfterAll
    static void stop() {
        server.close();
        inpainter.close();
    }

    static String png(RgbImage image) {
        return ImageCodec.png(image);
    }

    static RgbImage decode(String base64) {
        return ImageFiles.read(Base64.getDecoder().decode(base64));
    }

    static RgbImage picture() {
        return TestImages.withSquare(SIZE, SQUARE, RED);
    }

    @Test
    void inpaintRemovesTheMaskedSquare() throws Exception {
        ObjectNode body = Fields.response().put("image", png(picture()))
                .put("mask", ImageCodec.png(TestImages.maskOf(SIZE, SQUARE, 2)));
        ApiClient.Answer a = api.post("/api/inpaint", body);
        assertThat(a.status()).as(a.text()).isEqualTo(200);
        RgbImage out = decode(a.json().get("image").asText());
        assertThat(TestImages.countNear(picture(), SQUARE, RED, 40)).isEqualTo(SQUARE.area());
        assertThat(TestImages.countNear(out, SQUARE, RED, 40)).isLessThan((int) (SQUARE.area() / 20));
        assertThat(out.rgb(2, 2)).isEqualTo(picture().rgb(2, 2));
        assertThat(a.json().get("backend").asText()).isEqualTo("patchmatch");
    }

    @Test
    void editAnswersThePlanTheMaskAndTheResultAndTakesACorrectedPlan() throws Exception {
        ObjectNode body = Fields.response().put("image", png(picture())).put("instruction", "remove the red square")
                .put("objectMask", ImageCodec.png(TestImages.maskOf(SIZE, SQUARE, 0)));
        ApiClient.Answer a = api.post("/api/edit", body);
        assertThat(a.status()).as(a.text()).isEqualTo(200);
        assertThat(a.json().at("/plan/category").asText()).isEqualTo("REMOVE");
        assertThat(a.json().at("/plan/targetObject").asText()).contains("square");
        assertThat(a.json().get("executor").asText()).isEqualTo("inpainter/patchmatch");
        RgbImage mask = decode(a.json().get("mask").asText());
        assertThat(mask.rgb(SQUARE.x0() + 5, SQUARE.y0() + 5) & 0xFF).isEqualTo(255);
        assertThat(mask.rgb(1, 1) & 0xFF).isZero();
        assertThat(TestImages.countNear(decode(a.json().get("image").asText()), SQUARE, RED, 40)).isLessThan((int) (SQUARE.area() / 20));

        ObjectNode plan = (ObjectNode) a.json().get("plan");
        plan.put("category", "BACKGROUND").put("targetObject", "red square").put("targetCaption", "a white background");
        ObjectNode rerun = Fields.response().put("image", png(picture())).put("instruction", "make the background white")
                .put("objectMask", ImageCodec.png(TestImages.maskOf(SIZE, SQUARE, 0)));
        rerun.set("plan", plan);
        ApiClient.Answer b = api.post("/api/edit", rerun);
        assertThat(b.status()).as(b.text()).isEqualTo(200);
        assertThat(b.json().at("/plan/category").asText()).isEqualTo("BACKGROUND");
        RgbImage white = decode(b.json().get("image").asText());
        assertThat(TestImages.countNear(white, new Box(0, 0, SIZE, 20), 0xFFFFFF, 10)).isEqualTo(SIZE * 20);
        assertThat(TestImages.countNear(white, SQUARE, RED, 40)).isGreaterThan((int) (SQUARE.area() * 3 / 4));
    }

    @Test
    void aBoxForAnObjectEditStandsForTheObjectInsideItUnlessBoxMaskIsRect() throws Exception {
        Box loose = new Box(26, 26, 70, 70);
        ObjectNode body = Fields.response().put("image", png(picture())).put("instruction", "remove the red square");
        body.putArray("box").add(loose.x0()).add(loose.y0()).add(loose.x1()).add(loose.y1());
        ApiClient.Answer object = api.post("/api/edit", body);
        assertThat(object.status()).as(object.text()).isEqualTo(200);
        assertThat(object.json().get("boxMask").asText()).isEqualTo("object");
        long objectArea = whiteArea(decode(object.json().get("mask").asText()));
        assertThat(objectArea).isGreaterThanOrEqualTo(SQUARE.area()).isLessThan(loose.area());
        assertThat(TestImages.countNear(decode(object.json().get("image").asText()), SQUARE, RED, 40))
                .isLessThan((int) (SQUARE.area() / 20));

        ApiClient.Answer rect = api.post("/api/edit", body.deepCopy().put("boxMask", "rect"));
        assertThat(rect.status()).as(rect.text()).isEqualTo(200);
        assertThat(rect.json().get("boxMask").asText()).isEqualTo("rect");
        assertThat(whiteArea(decode(rect.json().get("mask").asText()))).isGreaterThanOrEqualTo(loose.area());

        ApiClient.Answer wrong = api.post("/api/edit", body.deepCopy().put("boxMask", "circle"));
        assertThat(wrong.status()).isEqualTo(400);
        assertThat(wrong.json().at("/error/field").asText()).isEqualTo("boxMask");
        assertThat(wrong.json().at("/error/message").asText()).contains("object or rect");
        ObjectNode noBox = Fields.response().put("image", png(picture())).put("instruction", "remove the red square")
                .put("boxMask", "rect");
        ApiClient.Answer alone = api.post("/api/edit", noBox);
        assertThat(alone.status()).isEqualTo(400);
        assertThat(alone.json().at("/error/message").asText()).contains("needs a box");
    }

    private static long whiteArea(RgbImage mask) {
        long n = 0;
        for (int y = 0; y < mask.height(); y++) {
            for (int x = 0; x < mask.width(); x++) {
                n += (mask.rgb(x, y) & 0xFF) >= 128 ? 1 : 0;
            }
        }
        return n;
    }

    @Test
    void planEndpointSaysWhoWouldRunItOrWhyNobodyCan() throws Exception {
        ApiClient.Answer remove = api.post("/api/plan", Fields.response().put("image", png(picture())).put("instruction", "remove the cat"));
        assertThat(remove.status()).isEqualTo(200);
        assertThat(remove.json().at("/plan/category").asText()).isEqualTo("REMOVE");
        assertThat(remove.json().get("executor").asText()).isEqualTo("inpainter/patchmatch");
        ApiClient.Answer add = api.post("/api/plan", Fields.response().put("image", png(picture())).put("instruction", "add a dog"));
        assertThat(add.json().at("/plan/category").asText()).isEqualTo("ADDITION");
        assertThat(add.json().get("refusal").asText()).contains("--model");
    }

    @Test
    void whatTheWeightFreeBackendCannotDoIsRefusedBeforeAnyWork() throws Exception {
        ApiClient.Answer add = api.post("/api/edit", Fields.response().put("image", png(picture())).put("instruction", "add a dog"));
        assertThat(add.status()).isEqualTo(422);
        assertThat(add.json().at("/error/field").asText()).isEqualTo("instruction");
        assertThat(add.json().at("/error/message").asText()).contains("--model DIR");

        ObjectNode painted = Fields.response().put("image", png(picture())).put("instruction", "remove the red square")
                .put("objectMask", ImageCodec.png(TestImages.maskOf(SIZE, SQUARE, 0)));
        painted.putObject("plan").put("category", "BACKGROUND").put("targetObject", "red square")
                .put("targetCaption", "a beach at sunset");
        ApiClient.Answer beach = api.post("/api/edit", painted);
        assertThat(beach.status()).isEqualTo(422);
        assertThat(beach.json().at("/error/field").asText()).isEqualTo("plan");

        ApiClient.Answer prompt = api.post("/api/inpaint", Fields.response().put("image", png(picture()))
                .put("mask", ImageCodec.png(TestImages.maskOf(SIZE, SQUARE, 2))).put("prompt", "a cat"));
        assertThat(prompt.status()).isEqualTo(422);
        assertThat(prompt.json().at("/error/field").asText()).isEqualTo("prompt");

        ApiClient.Answer noMask = api.post("/api/edit", Fields.response().put("image", png(picture())).put("instruction", "remove the cat"));
        assertThat(noMask.status()).isEqualTo(422);
        assertThat(noMask.json().at("/error/field").asText()).isEqualTo("objectMask");

        ApiClient.Answer segment = api.post("/api/segment", Fields.response().put("image", png(picture())).put("object", "cat"));
        assertThat(segment.status()).isEqualTo(422);
        assertThat(segment.json().at("/error/message").asText()).contains("--segment-models");
    }

    @Test
    void badFieldsAreNamed() throws Exception {
        ApiClient.Answer image = api.post("/api/inpaint", Fields.response().put("image", "not base64!").put("mask", "x"));
        assertThat(image.status()).isEqualTo(400);
        assertThat(image.json().at("/error/field").asText()).isEqualTo("image");

        ApiClient.Answer unknown = api.post("/api/edit", Fields.response().put("image", png(picture())).put("instructoin", "x"));
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.json().at("/error/field").asText()).isEqualTo("instructoin");

        ApiClient.Answer size = api.post("/api/inpaint", Fields.response().put("image", png(picture()))
                .put("mask", ImageCodec.png(TestImages.maskOf(SIZE / 2, new Box(0, 0, 8, 8), 0))));
        assertThat(size.status()).isEqualTo(400);
        assertThat(size.json().at("/error/message").asText()).contains("mask").contains("96x96");

        ObjectNode badPlan = Fields.response().put("image", png(picture()));
        badPlan.putObject("plan").put("category", "EXPLODE");
        ApiClient.Answer plan = api.post("/api/edit", badPlan);
        assertThat(plan.status()).isEqualTo(400);
        assertThat(plan.json().at("/error/field").asText()).isEqualTo("plan.category");

        ApiClient.Answer steps = api.post("/api/inpaint", Fields.response().put("image", png(picture()))
                .put("mask", ImageCodec.png(TestImages.maskOf(SIZE, SQUARE, 2))).put("steps", 0));
        assertThat(steps.status()).isEqualTo(400);
        assertThat(steps.json().at("/error/field").asText()).isEqualTo("steps");

        ApiClient.Answer json = api.postRaw("/api/plan", "{not json");
        assertThat(json.status()).isEqualTo(400);
        assertThat(json.json().at("/error/message").asText()).contains("not valid JSON");
    }

    @Test
    void aBodyOverTheLimitIs413() throws Exception {
        ApiClient.Answer a = api.postRaw("/api/inpaint", "{\"image\": \"" + "A".repeat(300 * 1024) + "\"}");
        assertThat(a.status()).isEqualTo(413);
        assertThat(a.json().at("/error/message").asText()).contains("--max-request-mb");
    }

    @Test
    void jobsStreamTheirEventsAndKeepTheirResult() throws Exception {
        ObjectNode body = Fields.response().put("image", png(picture()))
                .put("mask", ImageCodec.png(TestImages.maskOf(SIZE, SQUARE, 2)));
        ApiClient.Answer started = api.post("/api/jobs/inpaint", body);
        assertThat(started.status()).isEqualTo(202);
        String id = started.json().get("id").asText();
        String events = api.events("/api/jobs/" + id + "/events");
        assertThat(events).contains("event: done");
        assertThat(events.indexOf("event: done")).isEqualTo(events.lastIndexOf("event: "));
        ApiClient.Answer status = api.get("/api/jobs/" + id);
        assertThat(status.json().get("state").asText()).isEqualTo("done");
        assertThat(TestImages.countNear(decode(status.json().at("/result/image").asText()), SQUARE, RED, 40))
                .isLessThan((int) (SQUARE.area() / 20));
        ApiClient.Answer cancelDone = api.delete("/api/jobs/" + id);
        assertThat(cancelDone.json().get("state").asText()).isEqualTo("done");
        assertThat(api.get("/api/jobs/nope").status()).isEqualTo(404);
        assertThat(api.delete("/api/jobs/nope").json().at("/error/field").asText()).isEqualTo("id");
    }

    @Test
    void aRunningJobIsCancelledOverHttp() throws Exception {
        int big = 1024;
        Box hole = new Box(200, 200, 824, 824);
        ObjectNode body = Fields.response().put("image", png(TestImages.withSquare(big, hole, RED)))
                .put("mask", ImageCodec.png(TestImages.maskOf(big, hole, 2)));
        ApiClient.Answer started = api.post("/api/jobs/inpaint", body);
        assertThat(started.status()).as(started.text()).isEqualTo(202);
        String id = started.json().get("id").asText();
        long until = System.nanoTime() + 60_000_000_000L;
        while (!api.get("/api/jobs/" + id).json().get("state").asText().equals("running") && System.nanoTime() < until) {
            Thread.sleep(5);
        }
        ApiClient.Answer cancel = api.delete("/api/jobs/" + id);
        assertThat(cancel.status()).isEqualTo(200);
        String events = api.events("/api/jobs/" + id + "/events");
        assertThat(events).contains("event: cancelled").doesNotContain("event: done");
        ApiClient.Answer status = api.get("/api/jobs/" + id);
        assertThat(status.json().get("state").asText()).isEqualTo("cancelled");
        assertThat(status.json().has("result")).isFalse();
        assertThat(status.json().at("/error/status").asInt()).isEqualTo(409);
    }

    @Test
    void servesTheEditorPageAndInfo() throws Exception {
        assertThat(api.get("/").text()).contains("<canvas id=\"mask-canvas\"");
        assertThat(api.get("/editor.js").status()).isEqualTo(200);
        ApiClient.Answer info = api.get("/api/info");
        assertThat(info.json().get("backend").asText()).isEqualTo("patchmatch");
        assertThat(info.json().get("followsPrompt").asBoolean()).isFalse();
        assertThat(info.json().get("queueCapacity").asInt()).isEqualTo(4);
    }
}
