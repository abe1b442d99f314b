package dev.reelforge.providers.animatic;

import dev.reelforge.core.port.ClipStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Where finished animatic clips live, by job id: a directory when one process renders and polls (the CLI, the
 * local stack), the clip store when they are different Lambda containers, as the hosted providers' outputs are
 * (Bedrock writes into the bucket too). A clip appears whole or not at all. Thread-safe.
 */
interface FinishedClips {
    boolean exists(String jobId);

    /** Makes {@code rendered} the finished clip of {@code jobId}; the file may be moved. */
    void store(String jobId, Path rendered) throws IOException;

    void copyTo(String jobId, Path target) throws IOException;

    static FinishedClips inDirectory(Path dir) {
        return new FinishedClips() {
            @Override
            public boolean exists(String jobId) {
                return Files.exists(dir.resolve(jobId + ".mp4"));
            }

            @Override
            public void store(String jobId, Path rendered) throws IOException {
                Files.move(
                        rendered,
                        dir.resolve(jobId + ".mp4"),
                        StandardCopyOption.ATOMIC_MOVE,
                        StandardCopyOption.REPLACE_EXISTING);
            }

            @Override
            public void copyTo(String jobId, Path target) throws IOException {
                Files.copy(dir.resolve(jobId + ".mp4"), target, StandardCopyOption.REPLACE_EXISTING);
            }
        };
    }

    /** Under {@code prefix} (ending in '/') of the clip store: {@code provider-output/animatic/<jobId>.mp4}. */
    static FinishedClips inStore(ClipStore store, String prefix) {
        return new FinishedClips() {
            @Override
            public boolean exists(String jobId) {
                return store.exists(prefix + jobId + ".mp4");
            }

            @Override
            public void store(String jobId, Path rendered) {
                store.putFile(prefix + jobId + ".mp4", rendered, "video/mp4");
            }

            @Override
            public void copyTo(String jobId, Path target) {
                store.download(prefix + jobId + ".mp4", target);
            }
        };
    }
}
