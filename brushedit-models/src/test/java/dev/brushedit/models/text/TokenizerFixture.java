package dev.brushedit.models.text;

import java.net.URISyntaxException;
import java.nio.file.Path;

/** The real CLIP ViT-L/14 tokenizer files under src/test/resources/clip-tokenizer, loaded once. */
final class TokenizerFixture {
    static final Path DIR = directory();
    static final ClipTokenizer TOKENIZER = ClipTokenizer.fromDirectory(DIR);

    private TokenizerFixture() {}

    private static Path directory() {
        try {
            return Path.of(TokenizerFixture.class.getResource("/clip-tokenizer/vocab.json").toURI()).getParent();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
