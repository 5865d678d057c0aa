package dev.brushedit.core.tensor;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.brushedit.core.TestResources;
import org.junit.jupiter.api.Test;

class Float16Test {
    private static final JsonNode REF = TestResources.json("parity/float16.json");

    @Test
    void fromFloatMatchesNumpyAstypeFloat16OnEveryReferenceValue() {
        int[] in = TestResources.ints(REF.get("from_float_in_bits"));
        int[] expected = TestResources.ints(REF.get("from_float_out_bits"));
        assertThat(in).hasSizeGreaterThan(3000);
        int mismatches = 0;
        StringBuilder first = new StringBuilder();
        for (int i = 0; i < in.length; i++) {
            float f = Float.intBitsToFloat(in[i]);
            int got = Float16.fromFloat(f) & 0xffff;
            boolean ok = Float.isNaN(f) ? isHalfNaN(got) && isHalfNaN(expected[i]) : got == expected[i];
            if (!ok) {
                if (mismatches++ == 0) {
                    first.append(f).append(" -> ").append(Integer.toHexString(got))
                            .append(", numpy ").append(Integer.toHexString(expected[i]));
                }
            }
        }
        assertThat(mismatches).as("first mismatch: %s", first).isZero();
    }

    @Test
    void toFloatMatchesNumpyOnEveryExponent() {
        int[] in = TestResources.ints(REF.get("to_float_in_bits"));
        int[] expected = TestResources.ints(REF.get("to_float_out_bits"));
        for (int i = 0; i < in.length; i++) {
            float got = Float16.toFloat((short) in[i]);
            float want = Float.intBitsToFloat(expected[i]);
            if (Float.isNaN(want)) {
                assertThat(got).as("half 0x%04x", in[i]).isNaN();
            } else {
                assertThat(Float.floatToRawIntBits(got)).as("half 0x%04x", in[i]).isEqualTo(expected[i]);
            }
        }
    }

    @Test
    void namedEdgeCases() {
        assertThat(Float16.fromFloat(65504f)).isEqualTo((short) 0x7bff);
        assertThat(Float16.fromFloat(65520f)).isEqualTo((short) 0x7c00);
        assertThat(Float16.fromFloat(Float.NEGATIVE_INFINITY)).isEqualTo((short) 0xfc00);
        assertThat(Float16.fromFloat(-0f)).isEqualTo((short) 0x8000);
        assertThat(Float16.fromFloat((float) Math.pow(2, -25))).isEqualTo((short) 0); // tie to even: 0
        assertThat(Float16.fromFloat((float) (3 * Math.pow(2, -25)))).isEqualTo((short) 2); // tie to even: 2
        assertThat(Float16.fromFloat(1f + (float) Math.pow(2, -11))).isEqualTo((short) 0x3c00);
        assertThat(isHalfNaN(Float16.fromFloat(Float.NaN) & 0xffff)).isTrue();
        assertThat(Float16.toFloat((short) 0x0001)).isEqualTo((float) Math.pow(2, -24));
        assertThat(Float16.toFloat((short) 0x8000)).isEqualTo(-0f);
    }

    @Test
    void everyHalfSurvivesARoundTripThroughFloat() {
        for (int h = 0; h < 0x10000; h++) {
            float f = Float16.toFloat((short) h);
            if (Float.isNaN(f)) {
                assertThat(isHalfNaN(Float16.fromFloat(f) & 0xffff)).isTrue();
            } else {
                assertThat(Float16.fromFloat(f) & 0xffff).as("half 0x%04x", h).isEqualTo(h);
            }
        }
    }

    private static boolean isHalfNaN(int h) {
        return (h & 0x7c00) == 0x7c00 && (h & 0x3ff) != 0;
    }
}
