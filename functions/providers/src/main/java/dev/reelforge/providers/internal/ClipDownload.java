package dev.reelforge.providers.internal;

import dev.reelforge.core.checksum.Sha256;
import dev.reelforge.core.error.CorruptDownloadException;
import dev.reelforge.core.error.ProviderThrottledException;
import dev.reelforge.core.file.AtomicFile;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes a provider's video answer to a file whole or not at all, checking its Content-Type (a gateway's error page
 * arrives with status 200 and a complete Content-Length) and its length against Content-Length, and computing its
 * SHA-256 on the way, so a cut or substituted transfer is downloaded again rather than stored as a clip. Both faults
 * are {@link CorruptDownloadException}; the MP4 structure itself is checked by Poll.
 */
public final class ClipDownload {
    private static final Logger log = LoggerFactory.getLogger(ClipDownload.class);
    /** Types servers give MP4 files besides {@code video/*}: S3 and CDNs default to octet-stream. */
    private static final Set<String> OPAQUE =
            Set.of("application/octet-stream", "binary/octet-stream", "application/mp4");

    private ClipDownload() {}

    /** Streams the 2xx {@code response}, which must be a video, to {@code target}; returns the SHA-256 written. */
    public static String write(HttpResponse<InputStream> response, Path target, String provider) {
        return write(response, target, provider, "video/");
    }

    /**
     * Streams the 2xx {@code response} to {@code target} if its Content-Type starts with {@code typePrefix} (or is
     * absent or opaque); returns the SHA-256 of what was written.
     */
    public static String write(HttpResponse<InputStream> response, Path target, String provider, String typePrefix) {
        String type = response.headers()
                .firstValue("content-type")
                .orElse("")
                .toLowerCase(Locale.ROOT)
                .replaceAll(";.*", "")
                .strip();
        if (!type.isEmpty() && !type.startsWith(typePrefix) && !OPAQUE.contains(type)) {
            try {
                response.body().close();
            } catch (IOException ignored) {
                // the body is not wanted
            }
            throw new CorruptDownloadException(provider + " served the finished " + typePrefix.replace("/", "")
                    + " as '" + ProviderErrors.clean(type) + "', not a " + typePrefix
                    + "* file (an error page in its place?)");
        }
        Path absolute = target.toAbsolutePath();
        try (InputStream in = response.body()) {
            Sha256.Copied copied = AtomicFile.write(absolute, partial -> {
                Sha256.Copied written;
                try (OutputStream out = Files.newOutputStream(partial)) {
                    written = Sha256.copy(in, out);
                }
                long expected =
                        response.headers().firstValueAsLong("content-length").orElse(-1);
                if (written.bytes() == 0 || (expected >= 0 && expected != written.bytes())) {
                    throw new CorruptDownloadException(provider + " sent " + written.bytes() + " of "
                            + (expected >= 0 ? expected : "an unknown number of") + " bytes of the clip (cut short)");
                }
                return written;
            });
            log.info("{} clip downloaded: {} bytes, sha256 {}", provider, copied.bytes(), copied.hex());
            return copied.hex();
        } catch (IOException e) {
            throw new ProviderThrottledException(provider + " clip transfer to " + absolute.getFileName()
                    + " broke off (" + e.getClass().getSimpleName() + "); retrying the download");
        }
    }
}
