package dev.brushedit.models.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * Optional exhaustive check against tools/parity/clip_tokenizer_sweep.py output (about 145k code points,
 * too large to commit): run with {@code -Dclip.sweep=/path/to/sweep.tsv}. Every code point Java knows
 * must match except the documented mojibake cases U+00C2 and U+00C3 (ftfy's fix_encoding).
 */
@EnabledIfSystemProperty(named = "clip.sweep", matches = ".+")
class ClipTokenizerSweepTest {
    @Test
    void everyCodePointJavaKnowsMatchesTheReference() throws IOException {
        List<String> mismatches = new ArrayList<>();
        int unknownToJava = 0;
        for (String line : Files.readAllLines(Path.of(System.getProperty("clip.sweep")))) {
            String[] f = line.split("\t", -1);
            int cp = Integer.parseInt(f[0], 16);
            String ch = new String(Character.toChars(cp));
            int[] expected = f[1].isEmpty() ? new int[0] : Arrays.stream(f[1].split(" ")).mapToInt(Integer::parseInt).toArray();
            int[] actual = TokenizerFixture.TOKENIZER.encode("a" + ch + "b " + ch + " 's" + ch);
            if (!Arrays.equals(expected, actual)) {
                if (Character.getType(cp) == Character.UNASSIGNED) {
                    unknownToJava++;
                } else {
                    mismatches.add(f[0]);
                }
            }
        }
        assertThat(mismatches).containsExactlyInAnyOrder("C2", "C3");
        System.out.println("sweep: code points newer than Java's Unicode tables that differ: " + unknownToJava);
    }
}
