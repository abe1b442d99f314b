package dev.reelforge.core.checksum;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class Sha256Test {
    private static final String ABC = "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad";

    @Test
    void hex_nistVectorAbc_matches() {
        assertThat(Sha256.hex("abc")).isEqualTo(ABC);
    }

    @Test
    void hexOfFile_largerThanTheBuffer_equalsTheHashOfItsBytes(@TempDir Path dir) throws IOException {
        byte[] content = new byte[200_000];
        for (int i = 0; i < content.length; i++) {
            content[i] = (byte) (i * 31);
        }
        Path file = Files.write(dir.resolve("clip.bin"), content);

        assertThat(Sha256.hexOfFile(file)).isEqualTo(Sha256.hex(content)).hasSize(64);
    }

    @Test
    void digestOf_nistVectorAbc_isTheRawFormOfHex() {
        assertThat(HexFormat.of().formatHex(Sha256.digestOf("abc".getBytes(UTF_8))))
                .isEqualTo(ABC);
    }

    @Test
    void copy_stream_writesEveryByteAndHashesThem() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();

        Sha256.Copied copied = Sha256.copy(new ByteArrayInputStream("abc".getBytes(UTF_8)), out);

        assertThat(copied.bytes()).isEqualTo(3);
        assertThat(copied.hex()).isEqualTo(ABC);
        assertThat(out.toString(UTF_8)).isEqualTo("abc");
    }
}
