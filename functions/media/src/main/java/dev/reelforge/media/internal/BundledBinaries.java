package dev.reelforge.media.internal;

import dev.reelforge.core.error.MediaProcessingException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.bytedeco.javacpp.Loader;

/**
 * Finds the {@code ffmpeg} and {@code ffprobe} executables that org.bytedeco:ffmpeg unpacks into the JavaCPP
 * cache, and the environment they need. The jar ships {@code libva.so} and {@code libva-drm.so} under their bare
 * names while the executables ask for the sonames {@code libva.so.2} and {@code libva-drm.so.2}, so a private
 * directory of soname links goes on {@code LD_LIBRARY_PATH}; the JavaCPP cache itself is never modified.
 */
public record BundledBinaries(Path ffmpeg, Path ffprobe, Map<String, String> environment) {
    private static final Map<String, String> SONAME_LINKS =
            Map.of("libva.so.2", "libva.so", "libva-drm.so.2", "libva-drm.so");

    public BundledBinaries {
        environment = Map.copyOf(environment);
    }

    public static BundledBinaries locate() {
        Path ffmpeg = load(org.bytedeco.ffmpeg.ffmpeg.class);
        Path ffprobe = load(org.bytedeco.ffmpeg.ffprobe.class);
        Path libraries = ffmpeg.getParent();
        String path = sonameLinks(libraries) + ":" + libraries;
        String inherited = System.getenv("LD_LIBRARY_PATH");
        if (inherited != null && !inherited.isBlank()) {
            path = path + ":" + inherited;
        }
        return new BundledBinaries(ffmpeg, ffprobe, Map.of("LD_LIBRARY_PATH", path));
    }

    private static Path load(Class<?> executable) {
        try {
            String path = Loader.load(executable);
            if (path == null) {
                throw new MediaProcessingException("org.bytedeco:ffmpeg has no " + executable.getSimpleName()
                        + " executable for platform " + Loader.getPlatform());
            }
            return Path.of(path);
        } catch (UnsatisfiedLinkError e) {
            throw new MediaProcessingException(
                    "the bundled FFmpeg libraries could not be loaded (" + e.getMessage()
                            + "); on Debian/Ubuntu install libpulse0, which libavdevice links against",
                    e);
        }
    }

    private static Path sonameLinks(Path libraries) {
        try {
            Path dir = Files.createTempDirectory("reelforge-ffmpeg-sonames");
            dir.toFile().deleteOnExit();
            for (Map.Entry<String, String> link : SONAME_LINKS.entrySet()) {
                Path target = libraries.resolve(link.getValue());
                if (Files.exists(target) && !Files.exists(libraries.resolve(link.getKey()))) {
                    Path created = Files.createSymbolicLink(dir.resolve(link.getKey()), target);
                    created.toFile().deleteOnExit();
                }
            }
            return dir;
        } catch (IOException e) {
            throw new MediaProcessingException("could not prepare the FFmpeg library links: " + e.getMessage(), e);
        }
    }
}
