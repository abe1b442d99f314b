package dev.reelforge.core.media;

import static dev.reelforge.core.testing.Mp4Bytes.box;
import static dev.reelforge.core.testing.Mp4Bytes.clip;
import static dev.reelforge.core.testing.Mp4Bytes.concat;
import static dev.reelforge.core.testing.Mp4Bytes.ftyp;
import static dev.reelforge.core.testing.Mp4Bytes.mdat;
import static dev.reelforge.core.testing.Mp4Bytes.moov;
import static dev.reelforge.core.testing.Mp4Bytes.mvhd;
import static org.assertj.core.api.Assertions.assertThat;

import dev.reelforge.core.testing.Mp4Bytes;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class Mp4StructureTest {
    @TempDir
    Path dir;

    private Mp4Structure.Inspection inspect(byte[] bytes) throws IOException {
        return Mp4Structure.inspect(Files.write(dir.resolve("clip.mp4"), bytes));
    }

    private String corruptReason(byte[] bytes) throws IOException {
        Mp4Structure.Inspection inspection = inspect(bytes);
        assertThat(inspection).isInstanceOf(Mp4Structure.Corrupt.class);
        return ((Mp4Structure.Corrupt) inspection).reason();
    }

    @Test
    void inspect_plainClip_isPlayableWithItsDuration() throws IOException {
        byte[] bytes = clip(8);
        assertThat(inspect(bytes)).isEqualTo(new Mp4Structure.Playable(bytes.length, 8.0, false));
    }

    @Test
    void inspect_moovAfterMdat_isPlayable() throws IOException {
        assertThat(inspect(concat(ftyp(), mdat(4096), moov(mvhd(600, 2400)))))
                .isInstanceOf(Mp4Structure.Playable.class)
                .extracting(i -> ((Mp4Structure.Playable) i).durationSeconds())
                .isEqualTo(4.0);
    }

    @Test
    void inspect_fragmentedMp4_isPlayableWithTheFragmentDuration() throws IOException {
        Mp4Structure.Playable playable = (Mp4Structure.Playable) inspect(Mp4Bytes.fragmented(12));
        assertThat(playable.fragmented()).isTrue();
        assertThat(playable.durationSeconds()).isEqualTo(12.0);
    }

    @Test
    void inspect_largesizeMdatAndMvhdVersion1_isPlayable() throws IOException {
        ByteBuffer mvhd1 = ByteBuffer.allocate(112)
                .putInt(0x01000000)
                .putLong(0)
                .putLong(0)
                .putInt(90_000)
                .putLong(450_000);
        byte[] mdat64 = ByteBuffer.allocate(16 + 2048)
                .putInt(1)
                .put("mdat".getBytes(StandardCharsets.US_ASCII))
                .putLong(16 + 2048)
                .array();
        Mp4Structure.Playable playable =
                (Mp4Structure.Playable) inspect(concat(ftyp(), moov(box("mvhd", mvhd1.array())), mdat64));
        assertThat(playable.durationSeconds()).isEqualTo(5.0);
    }

    @Test
    void inspect_lastBoxSizeZero_extendsToTheEndOfTheFile() throws IOException {
        byte[] open = ByteBuffer.allocate(8 + 3000)
                .putInt(0)
                .put("mdat".getBytes(StandardCharsets.US_ASCII))
                .array();
        assertThat(inspect(concat(ftyp(), moov(mvhd(1000, 4000)), open))).isInstanceOf(Mp4Structure.Playable.class);
    }

    @Test
    void inspect_truncatedInMdat_isCorruptAndSaysTruncated() throws IOException {
        byte[] whole = clip(8);
        assertThat(corruptReason(Arrays.copyOf(whole, whole.length - 100)))
                .contains("'mdat'")
                .contains("truncated");
    }

    @Test
    void inspect_truncatedInsideABoxHeader_isCorrupt() throws IOException {
        byte[] whole = concat(ftyp(), moov(mvhd(1000, 8000)), mdat(4096), box("free", new byte[8]));
        assertThat(corruptReason(Arrays.copyOf(whole, whole.length - 12))).contains("truncated");
    }

    @Test
    void inspect_truncatedBeforeMoov_isCorrupt() throws IOException {
        byte[] whole = concat(ftyp(), mdat(4096), moov(mvhd(1000, 8000)));
        assertThat(corruptReason(Arrays.copyOf(whole, ftyp().length + 4096 + 8)))
                .contains("no 'moov'");
    }

    @Test
    void inspect_htmlErrorPageServedWith200_isNamedAsAnHtmlPage() throws IOException {
        byte[] page = ("\n<!DOCTYPE html><html><head><title>502 Bad Gateway</title></head><body>" + "x".repeat(2000)
                        + "</body></html>")
                .getBytes(StandardCharsets.UTF_8);
        assertThat(corruptReason(page)).isEqualTo("the body was an HTML page, not an MP4");
    }

    @Test
    void inspect_jsonBody_isNamedAsJson() throws IOException {
        byte[] json = "{\"error\": {\"message\": \"upstream timed out\", \"code\": \"gateway_timeout\"}}"
                .getBytes(StandardCharsets.UTF_8);
        assertThat(corruptReason(json)).isEqualTo("the body was a JSON document, not an MP4");
    }

    @Test
    void inspect_plainTextOrRandomBytes_isCorruptNotAnMp4() throws IOException {
        assertThat(corruptReason("mp4:video_1_0 and then some more text".getBytes(StandardCharsets.UTF_8)))
                .contains("not an MP4");
        byte[] noise = new byte[4096];
        new SplittableRandom(7).nextBytes(noise);
        assertThat(inspect(noise)).isInstanceOf(Mp4Structure.Corrupt.class);
    }

    @Test
    void inspect_emptyOrTiny_isCorrupt() throws IOException {
        assertThat(corruptReason(new byte[0])).isEqualTo("the body was empty");
        assertThat(corruptReason(new byte[5])).contains("5 bytes");
    }

    @Test
    void inspect_boxSmallerThanItsHeader_isCorrupt() throws IOException {
        byte[] bad = concat(
                ftyp(),
                ByteBuffer.allocate(8)
                        .putInt(4)
                        .put("moov".getBytes(StandardCharsets.US_ASCII))
                        .array(),
                mdat(2048));
        assertThat(corruptReason(bad)).contains("'moov'").contains("less than its own header");
    }

    @Test
    void inspect_boxSizeLargerThanTheFile_isCorrupt() throws IOException {
        byte[] moov = moov(mvhd(1000, 8000));
        ByteBuffer.wrap(moov).putInt(0, moov.length + 100_000);
        assertThat(corruptReason(concat(ftyp(), mdat(4096), moov)))
                .contains("'moov'")
                .contains("truncated");
    }

    @Test
    void inspect_firstBoxNotFtyp_isCorrupt() throws IOException {
        assertThat(corruptReason(concat(moov(mvhd(1000, 8000)), ftyp(), mdat(4096))))
                .contains("not 'ftyp'");
    }

    @Test
    void inspect_noMdat_isCorrupt() throws IOException {
        assertThat(corruptReason(concat(ftyp(), moov(mvhd(1000, 8000)), box("free", new byte[2048]))))
                .contains("'mdat'");
    }

    @Test
    void inspect_moofWithoutMoov_isCorrupt() throws IOException {
        assertThat(corruptReason(concat(ftyp(), box("moof", new byte[24]), mdat(4096))))
                .contains("no 'moov'");
    }

    @Test
    void inspect_moovWithoutMvhdOrWithZeroTimescaleOrDuration_isCorrupt() throws IOException {
        assertThat(corruptReason(concat(ftyp(), moov(box("trak", new byte[16])), mdat(4096))))
                .contains("'mvhd'");
        assertThat(corruptReason(concat(ftyp(), moov(mvhd(0, 8000)), mdat(4096))))
                .contains("time scale of 0");
        assertThat(corruptReason(concat(ftyp(), moov(mvhd(1000, 0)), mdat(4096))))
                .contains("0 seconds");
    }

    @Test
    void inspect_twoMoovBoxes_isCorrupt() throws IOException {
        assertThat(corruptReason(concat(ftyp(), moov(mvhd(1000, 8000)), mdat(4096), moov(mvhd(1000, 8000)))))
                .contains("two 'moov'");
    }

    @Test
    void inspect_completeButTinyFile_isCorrupt() throws IOException {
        assertThat(corruptReason(concat(ftyp(), moov(mvhd(1000, 8000)), mdat(16))))
                .contains("too small");
    }

    @Test
    void inspect_everyTruncationOfAValidClip_isCorrupt() throws IOException {
        byte[] whole = concat(ftyp(), mdat(1500), moov(mvhd(1000, 8000)));
        for (int length = 0; length < whole.length; length += 7) {
            assertThat(inspect(Arrays.copyOf(whole, length)))
                    .as("first %d bytes", length)
                    .isInstanceOf(Mp4Structure.Corrupt.class);
        }
    }
}
