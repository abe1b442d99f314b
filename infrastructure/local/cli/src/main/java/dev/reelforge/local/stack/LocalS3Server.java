package dev.reelforge.local.stack;

import dev.reelforge.aws.AwsEndpoints.LocalCredentials;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import org.gaul.s3proxy.S3Proxy;
import org.gaul.s3proxy.auth.AuthenticationType;
import org.gaul.s3proxy.nio2blob.FilesystemNio2BlobStore;

/**
 * S3Proxy in this JVM on {@code 127.0.0.1:<free port>}, checking SigV4 signatures against fixed local credentials.
 * Objects are plain files at {@code <root>/<bucket>/<key>} (S3Proxy's "filesystem" store,
 * {@link FilesystemNio2BlobStore}; content type and metadata go to extended attributes), so a user can open a
 * rendered clip directly and the data survives restarts.
 */
public final class LocalS3Server implements AutoCloseable {
    private final S3Proxy proxy;
    private final Path root;

    private LocalS3Server(S3Proxy proxy, Path root) {
        this.proxy = proxy;
        this.root = root;
    }

    public static LocalS3Server start(Path root, LocalCredentials credentials) {
        Path absolute = root.toAbsolutePath().normalize();
        try {
            Files.createDirectories(absolute);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not create the local S3 directory " + absolute, e);
        }
        S3Proxy proxy = S3Proxy.builder()
                .blobStore(new FilesystemNio2BlobStore(absolute.toString()))
                .endpoint(URI.create("http://127.0.0.1:0"))
                .awsAuthentication(
                        AuthenticationType.AWS_V2_OR_V4, credentials.accessKeyId(), credentials.secretAccessKey())
                .build();
        try {
            proxy.start();
        } catch (Exception e) {
            throw new IllegalStateException("Could not start the local S3 server (S3Proxy) on 127.0.0.1", e);
        }
        if (!"STARTED".equals(proxy.getState())) {
            stopQuietly(proxy);
            throw new IllegalStateException("The local S3 server did not start; state " + proxy.getState());
        }
        return new LocalS3Server(proxy, absolute);
    }

    public URI endpoint() {
        return URI.create("http://127.0.0.1:" + proxy.getPort());
    }

    /** The directory holding one sub-directory per bucket. */
    public Path root() {
        return root;
    }

    @Override
    public void close() {
        try {
            proxy.stop();
        } catch (Exception e) {
            throw new IllegalStateException("Could not stop the local S3 server", e);
        }
    }

    private static void stopQuietly(S3Proxy proxy) {
        try {
            proxy.stop();
        } catch (Exception ignored) {
            // already failing to start; the start error is the one to report
        }
    }
}
