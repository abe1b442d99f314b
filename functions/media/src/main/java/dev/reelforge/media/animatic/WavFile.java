package dev.reelforge.media.animatic;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Writes 16-bit PCM as a canonical RIFF/WAVE file, the simplest input FFmpeg reads sample-exactly. */
final class WavFile {
    private WavFile() {}

    static void write(Path file, short[] interleaved, int sampleRate, int channels) throws IOException {
        int dataBytes = interleaved.length * 2;
        ByteBuffer header = ByteBuffer.allocate(44).order(ByteOrder.LITTLE_ENDIAN);
        header.put("RIFF".getBytes(StandardCharsets.US_ASCII)).putInt(36 + dataBytes);
        header.put("WAVEfmt ".getBytes(StandardCharsets.US_ASCII)).putInt(16);
        header.putShort((short) 1).putShort((short) channels).putInt(sampleRate);
        header.putInt(sampleRate * channels * 2)
                .putShort((short) (channels * 2))
                .putShort((short) 16);
        header.put("data".getBytes(StandardCharsets.US_ASCII)).putInt(dataBytes);
        ByteBuffer data = ByteBuffer.allocate(dataBytes).order(ByteOrder.LITTLE_ENDIAN);
        data.asShortBuffer().put(interleaved);
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file))) {
            out.write(header.array());
            out.write(data.array());
        }
    }
}
