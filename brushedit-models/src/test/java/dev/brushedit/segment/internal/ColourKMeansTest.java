package dev.brushedit.segment.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ColourKMeansTest {

    @Test
    void separatesWellSeparatedClusters() {
        float[] s = new float[3 * 300];
        for (int i = 0; i < 300; i++) {
            int cluster = i % 3;
            for (int c = 0; c < 3; c++) {
                s[3 * i + c] = cluster * 100 + (i * 7 % 11) + c;
            }
        }
        int[] labels = ColourKMeans.labels(s, 3, 10, new MwcRandom(0));
        for (int i = 3; i < 300; i++) {
            assertThat(labels[i]).as("sample %d", i).isEqualTo(labels[i % 3]);
        }
        assertThat(labels[0]).isNotEqualTo(labels[1]);
        assertThat(labels[1]).isNotEqualTo(labels[2]);
        assertThat(labels[0]).isNotEqualTo(labels[2]);
    }

    @Test
    void usesNoMoreClustersThanSamples() {
        int[] labels = ColourKMeans.labels(new float[] {1, 2, 3, 50, 60, 70}, 5, 10, new MwcRandom(0));
        assertThat(labels).hasSize(2);
        assertThat(labels[0]).isNotEqualTo(labels[1]);
        assertThat(ColourKMeans.labels(new float[0], 5, 10, new MwcRandom(0))).isEmpty();
    }

    @Test
    void theGeneratorFollowsOpenCvsRecurrence() {
        MwcRandom r = new MwcRandom(0);
        // state 0xffffffff: low 0xffffffff * 4164903690 + high 0
        long expected = (0xffffffffL * 4164903690L) & 0xffffffffL;
        assertThat(r.nextUnsigned()).isEqualTo(expected);
        double d = new MwcRandom(5).nextDouble();
        assertThat(d).isBetween(0.0, 1.0);
    }
}
