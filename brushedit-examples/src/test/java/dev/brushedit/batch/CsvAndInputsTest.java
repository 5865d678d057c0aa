package dev.brushedit.batch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.brushedit.core.InvalidInputException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The CSV reader and writer, and how a batch's items and their output names are listed. */
class CsvAndInputsTest {
    @TempDir
    Path dir;

    @Test
    void csvReadsQuotesDoubledQuotesLineBreaksAndCrLf() {
        List<List<String>> rows = Csv.parse("\uFEFFa,\"b, c\",\"say \"\"hi\"\"\"\r\n\r\nx,\"two\nlines\",\n", "t.csv");
        assertThat(rows).containsExactly(List.of("a", "b, c", "say \"hi\""), List.of("x", "two\nlines", ""));
    }

    @Test
    void csvWritesWhatItReads() {
        List<String> fields = List.of("plain", "with, comma", "with \"quote\"", "two\nlines", "");
        assertThat(Csv.parse(Csv.line(fields), "t.csv")).containsExactly(fields);
    }

    @Test
    void csvRefusesAnOpenQuoteAndTextAfterAClosingOne() {
        assertThatThrownBy(() -> Csv.parse("a,\"open\n", "t.csv")).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("not closed");
        assertThatThrownBy(() -> Csv.parse("a,\"b\"c\n", "t.csv")).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("line 1");
    }

    @Test
    void csvRowsNameTheirOutputsAfterImageAndInstruction() throws IOException {
        Path csv = dir.resolve("edits.csv");
        Files.writeString(csv, "photos/cat.png,Remove the RED ball!\nphotos/cat.png,,masks/cat.png\n"
                + "dog.jpg,make it sepia,,\n");
        List<BatchItem> items = BatchInputs.fromCsv(csv, "jpg");
        assertThat(items).extracting(BatchItem::outputName).containsExactly("cat-remove-the-red-ball.jpg", "cat.jpg",
                "dog-make-it-sepia.jpg");
        assertThat(items.get(0).image()).isEqualTo(dir.resolve("photos/cat.png"));
        assertThat(items.get(1).maskFile()).contains(dir.resolve("masks/cat.png"));
        assertThat(items.get(1).editInstruction()).isEmpty();
        assertThat(BatchInputs.slug("x".repeat(60))).hasSize(40);
    }

    @Test
    void csvRowsThatWouldWriteOneOutputOrHaveNothingToDoAreRefused() throws IOException {
        Path twice = dir.resolve("twice.csv");
        Files.writeString(twice, "image,instruction\na.png,make it sepia\na.png,Make it sepia.\n");
        assertThatThrownBy(() -> BatchInputs.fromCsv(twice, "png")).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("rows 2 and 3").hasMessageContaining("a-make-it-sepia.png");
        Path empty = dir.resolve("empty.csv");
        Files.writeString(empty, "image,instruction,mask\na.png,,\n");
        assertThatThrownBy(() -> BatchInputs.fromCsv(empty, "png")).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("row 2").hasMessageContaining("instruction or a mask");
        Path named = dir.resolve("named.csv");
        Files.writeString(named, "image,mask,output\na.png,m.png,out.gif\n");
        assertThatThrownBy(() -> BatchInputs.fromCsv(named, "png")).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("gif");
    }

    @Test
    void foldersPairImagesWithMasksByStemAndRefuseTwoImagesOfOneStem() throws IOException {
        Path images = Files.createDirectories(dir.resolve("images"));
        Path masks = Files.createDirectories(dir.resolve("masks"));
        for (String f : List.of("b.jpg", "a.png", "notes.txt", ".hidden.png")) {
            Files.writeString(images.resolve(f), "x");
        }
        Files.writeString(masks.resolve("a.bmp"), "x");
        List<BatchItem> items = BatchInputs.fromFolders(images, masks, "png");
        assertThat(items).extracting(BatchItem::id).containsExactly("a", "b");
        assertThat(items.get(0).mask()).isEqualTo(masks.resolve("a.bmp"));
        assertThat(items.get(1).mask()).as("looked for, not there: the item fails when run").isEqualTo(masks.resolve("b.png"));
        Files.writeString(images.resolve("a.jpg"), "x");
        assertThatThrownBy(() -> BatchInputs.fromFolders(images, masks, "png")).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("share the stem a");
    }
}
