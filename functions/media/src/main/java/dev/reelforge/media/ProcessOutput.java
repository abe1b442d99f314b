package dev.reelforge.media;

import java.nio.charset.StandardCharsets;

/** What a finished child process wrote: all of stdout, and the last lines of stderr (FFmpeg's log, where filters such as blackdetect report). */
public record ProcessOutput(byte[] stdout, String stderr) {
    public String stdoutText() {
        return new String(stdout, StandardCharsets.UTF_8);
    }
}
