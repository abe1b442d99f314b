package dev.reelforge.core.port;

import dev.reelforge.core.media.CredentialsManifest;
import dev.reelforge.core.media.CredentialsReport;
import java.nio.file.Path;

/**
 * Embeds and reads C2PA Content Credentials: a signed manifest inside the media file itself (an MP4's {@code uuid}
 * box, a JPEG's APP11 segments) that says the file was made by a generative model, what was done to it since, and
 * which original it came from, with a hard binding (a hash over the file's bytes) so that any change to the file
 * breaks validation. Platforms and browsers read these, not a project's own sidecar. Implementations sign with an
 * ES256 key whose certificate chains to a trust anchor and fail loudly (a
 * {@link dev.reelforge.core.error.MediaProcessingException}) rather than write an unmarked file. Thread-safe.
 *
 * <pre>{@code
 * credentials.embed(Path.of("out/9x16-720p.mp4"), Path.of("signed/9x16-720p.mp4"), manifest);
 * CredentialsReport report = credentials.read(Path.of("signed/9x16-720p.mp4"), "video/mp4");
 * }</pre>
 */
public interface ContentCredentials {
    /**
     * Writes {@code signed}: {@code asset} with {@code manifest} embedded and signed. {@code asset} and the
     * manifest's ingredients are only read; {@code signed} must be another path.
     */
    void embed(Path asset, Path signed, CredentialsManifest manifest);

    /** Reads and validates the manifest embedded in {@code asset}, against the implementation's trust anchors. */
    CredentialsReport read(Path asset, String mediaType);
}
