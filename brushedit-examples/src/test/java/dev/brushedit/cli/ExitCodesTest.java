package dev.brushedit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.brushedit.core.image.Box;
import dev.brushedit.core.image.ImageFiles;
import dev.brushedit.core.image.Mask;
import dev.brushedit.core.image.RgbImage;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every option's bad values end with the documented exit code (README): 2 usage (an option value
 * that is malformed or out of range, whatever the files), 3 bad input (files, images, masks),
 * 4 model folder problem, with a one-line message naming the flag. Placeholders IMG, MASK, OUT,
 * NONE (a missing path) and DIR (an existing folder without models) are replaced by real paths.
 */
class ExitCodesTest {
    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @BeforeEach
    void writeInputs() {
        ImageFiles.write(RgbImage.filled(64, 48, 100, 120, 140), dir.resolve("in.png"));
        ImageFiles.write(Mask.ofBox(64, 48, new Box(20, 10, 40, 30)).toImage(), dir.resolve("mask.png"));
    }

    static Stream<Arguments> cases() {
        String inpaint = "inpaint -i IMG -m MASK -o OUT";
        String edit = "edit remove_the_dog -i IMG -o OUT --box 1,1,5,5";
        return Stream.of(
                // usage: malformed or out-of-range option values
                Arguments.of(inpaint + " --strategy zoom", 2, "--strategy"),
                Arguments.of(inpaint + " --strategy crop:8:x", 2, "--strategy"),
                Arguments.of(inpaint + " --strategy resize:10", 2, "--strategy"),
                Arguments.of(inpaint + " --backend fastest", 2, "--backend"),
                Arguments.of(inpaint + " --scheduler fastest", 2, "--scheduler"),
                Arguments.of(inpaint + " --provider tpu", 2, "--provider"),
                Arguments.of(inpaint + " --steps 0", 2, "--steps"),
                Arguments.of(inpaint + " --steps many", 2, "--steps"),
                Arguments.of(inpaint + " --guidance -1", 2, "--guidance"),
                Arguments.of(inpaint + " --preservation-scale 3", 2, "--preservation-scale"),
                Arguments.of(inpaint + " --patch-size 4", 2, "--patch-size"),
                Arguments.of(inpaint + " --max-pixels 0", 2, "--max-pixels"),
                Arguments.of(inpaint + " --mask-threshold 0", 2, "--mask-threshold"),
                Arguments.of(inpaint + " --threads -1", 2, "--threads"),
                Arguments.of(inpaint + " --device-id -1", 2, "--device-id"),
                Arguments.of("inpaint -i IMG -m MASK -o out.gif", 2, "--output"),
                // a prompt or a diffusion backend that the flags give no model for is refused, not ignored
                Arguments.of(inpaint + " --prompt sky", 2, "--prompt"),
                Arguments.of(inpaint + " --negative-prompt blur", 2, "--negative-prompt"),
                Arguments.of(inpaint + " --model DIR --backend patchmatch --prompt sky", 2, "--backend patchmatch"),
                Arguments.of("extend -i IMG -o OUT --left 8 --prompt sky", 2, "--prompt"),
                Arguments.of("batch --images DIR --masks DIR -o OUT --prompt sky", 2, "--prompt"),
                Arguments.of(inpaint + " --backend brushnet", 2, "--model"),
                Arguments.of(inpaint + " --backend sd-inpainting", 2, "--model"),
                Arguments.of("serve --backend brushnet", 2, "--model"),
                Arguments.of("inpaint -i NONE -m MASK -o OUT --prompt sky", 2, "--prompt"),
                // a usage error wins over a missing file: options are checked before any file is read
                Arguments.of("inpaint -i NONE -m MASK -o OUT --steps 0", 2, "--steps"),
                Arguments.of(edit.replace("1,1,5,5", "1,1,five,5"), 2, "--box"),
                Arguments.of(edit + " -m MASK", 2, "--mask"),
                Arguments.of(edit + " --mllm-model m --mllm-url ftp://example.org", 2, "--mllm-url"),
                Arguments.of(edit + " --mllm-model m --mllm-header novalue", 2, "--mllm-header"),
                Arguments.of(edit + " --mllm-model m --mllm-header Host=x", 2, "--mllm-header"),
                Arguments.of(edit + " --mllm-model m --mllm-query =1", 2, "--mllm-query"),
                Arguments.of("segment dog -i IMG -o OUT --segment-models DIR --max-pixels -5", 2, "--max-pixels"),
                Arguments.of("serve --workers 0", 2, "--workers"),
                Arguments.of("serve --port 70000", 2, "--port"),
                Arguments.of("serve --queue 0", 2, "--queue"),
                Arguments.of("serve --max-request-mb 0", 2, "--max-request-mb"),
                Arguments.of("serve --steps 0", 2, "--steps"),
                // bad input: files, images, masks
                Arguments.of("inpaint -i NONE -m MASK -o OUT", 3, "--image"),
                Arguments.of("inpaint -i IMG -m NONE -o OUT", 3, "--mask"),
                Arguments.of(edit.replace("1,1,5,5", "100,100,120,120"), 3, "outside"),
                // model folder problems
                Arguments.of(inpaint + " --model NONE", 4, "--model"),
                Arguments.of(inpaint + " --model DIR --brushnet NONE", 4, "--brushnet"),
                Arguments.of("info --model NONE", 4, "--model"),
                Arguments.of("serve --model NONE", 4, "--model"),
                Arguments.of("serve --segment-models NONE", 4, "--segment-models"),
                Arguments.of("segment dog -i IMG -o OUT --segment-models NONE", 4, "--segment-models"),
                Arguments.of("segment dog -i IMG -o OUT --segment-models DIR", 4, "--tokenizer"),
                Arguments.of(edit.replace(" --box 1,1,5,5", "") + " --segment-models NONE", 4, "--segment-models"));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @MethodSource("cases")
    void exitCodeAndMessage(String command, int code, String mentions) {
        List<String> args = new ArrayList<>();
        for (String a : command.split(" ")) {
            args.add(switch (a) {
                case "IMG" -> dir.resolve("in.png").toString();
                case "MASK" -> dir.resolve("mask.png").toString();
                case "OUT" -> dir.resolve("out.png").toString();
                case "NONE" -> dir.resolve("none").toString();
                case "DIR" -> dir.toString();
                case "out.gif" -> dir.resolve("out.gif").toString();
                default -> a.replace('_', ' ');
            });
        }
        int got = BrushEditCli.commandLine(new PrintWriter(out, true), new PrintWriter(err, true))
                .execute(args.toArray(String[]::new));
        assertThat(got).as("exit code of %s; stderr: %s", Arrays.toString(args.toArray()), err).isEqualTo(code);
        assertThat(err.toString()).contains(mentions).doesNotContain("Exception").doesNotContain("\tat ");
        assertThat(dir.resolve("out.png")).doesNotExist();
    }
}
