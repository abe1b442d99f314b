package dev.reelforge.local.stack;

import dev.reelforge.aws.AwsClients;
import dev.reelforge.aws.AwsEndpoints;
import dev.reelforge.aws.AwsEndpoints.LocalCredentials;
import dev.reelforge.aws.dynamodb.DynamoDbJobStore;
import dev.reelforge.aws.dynamodb.DynamoDbPromptCache;
import dev.reelforge.aws.dynamodb.TableDefinitions;
import dev.reelforge.aws.dynamodb.TableNames;
import dev.reelforge.aws.s3.S3ClipStore;
import dev.reelforge.core.port.ClipStore;
import dev.reelforge.core.port.JobStore;
import dev.reelforge.core.port.PromptCache;
import dev.reelforge.local.moto.MotoServer;
import dev.reelforge.local.moto.MotoVenv;
import dev.reelforge.local.moto.PythonInterpreter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.s3.model.BucketAlreadyOwnedByYouException;

/**
 * The AWS services Reelforge needs, on this machine, with no Docker: S3 (S3Proxy in-process, objects as plain files
 * under {@code <dataDir>/s3}) and DynamoDB (a moto child process, its tables snapshotted to
 * {@code <dataDir>/dynamodb} on close and restored on start). The same SDK adapters as in AWS talk to it.
 *
 * <pre>{@code
 * try (LocalAwsStack stack = LocalAwsStack.start(Path.of(".reelforge"))) {
 *     JobStore jobs = stack.jobStore();
 *     ClipStore clips = stack.clipStore();   // locate(key) gives a file path
 * }                                          // tables saved, servers stopped
 * }</pre>
 */
public final class LocalAwsStack implements AutoCloseable {
    public static final LocalCredentials CREDENTIALS = LocalCredentials.of("reelforge-local", "reelforge-local-secret");
    private static final Logger log = LoggerFactory.getLogger(LocalAwsStack.class);

    private final Settings settings;
    private final DataDirLock lock;
    private final LocalS3Server s3;
    private final MotoServer moto;
    private final AwsClients clients;
    private final TableSnapshots snapshots;
    private final Thread shutdownHook = new Thread(this::close, "reelforge-local-stack-shutdown");
    private Duration startupTime = Duration.ZERO;
    private boolean closed;

    private LocalAwsStack(Settings settings, DataDirLock lock, LocalS3Server s3, MotoServer moto) {
        this.settings = settings;
        this.lock = lock;
        this.s3 = s3;
        this.moto = moto;
        this.clients =
                AwsClients.create(AwsEndpoints.local(LocalAccount.REGION, s3.endpoint(), moto.endpoint(), CREDENTIALS));
        this.snapshots =
                new TableSnapshots(clients.dynamoDb(), settings.dataDir().resolve("dynamodb"));
    }

    private void prepare(long startNanos) {
        try {
            clients.s3().createBucket(b -> b.bucket(settings.bucket()));
        } catch (BucketAlreadyOwnedByYouException e) {
            log.debug("Bucket {} already exists", settings.bucket());
        }
        TableDefinitions.createIfMissing(clients.dynamoDb(), settings.tables());
        settings.tables().all().forEach(snapshots::restore);
        Runtime.getRuntime().addShutdownHook(shutdownHook);
        moto.detachShutdownHook();
        startupTime = Duration.ofNanos(System.nanoTime() - startNanos);
        log.info(
                "Local AWS stack up in {} ms: S3 {} (files in {}), DynamoDB {}",
                startupTime.toMillis(),
                s3.endpoint(),
                s3.root(),
                moto.endpoint());
    }

    /** Starts the stack with the default bucket and tables, keeping its data under {@code dataDir}. */
    public static LocalAwsStack start(Path dataDir) {
        return start(Settings.defaults(dataDir));
    }

    public static LocalAwsStack start(Settings settings) {
        long startNanos = System.nanoTime();
        DataDirLock lock = DataDirLock.acquire(settings.dataDir());
        CompletableFuture<MotoServer> moto = CompletableFuture.supplyAsync(() -> startMoto(settings));
        LocalS3Server s3;
        try {
            s3 = LocalS3Server.start(settings.dataDir().resolve("s3"), CREDENTIALS);
        } catch (RuntimeException e) {
            moto.thenAccept(MotoServer::close);
            lock.close();
            throw e;
        }
        MotoServer motoServer;
        try {
            motoServer = moto.join();
        } catch (CompletionException e) {
            s3.close();
            lock.close();
            throw e.getCause() instanceof RuntimeException cause ? cause : e;
        }
        LocalAwsStack stack = new LocalAwsStack(settings, lock, s3, motoServer);
        try {
            stack.prepare(startNanos);
            return stack;
        } catch (RuntimeException e) {
            stack.closed = true;
            stack.stopServers();
            throw e;
        }
    }

    private static MotoServer startMoto(Settings settings) {
        PythonInterpreter python = PythonInterpreter.locate(Path.of(System.getProperty("user.home")));
        Path venvPython = new MotoVenv(settings.motoCacheDir(), python).ensurePython();
        return MotoServer.start(venvPython, settings.dataDir().resolve("logs").resolve("moto.log"));
    }

    /** Endpoints and credentials for SDK clients ({@link AwsClients#create}). */
    public AwsEndpoints endpoints() {
        return clients.endpoints();
    }

    /** Environment variables that point the AWS CLI (and any SDK) at this stack, e.g. for {@code export}. */
    public Map<String, String> awsCliEnvironment() {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("AWS_ACCESS_KEY_ID", CREDENTIALS.accessKeyId());
        env.put("AWS_SECRET_ACCESS_KEY", CREDENTIALS.secretAccessKey());
        env.put("AWS_REGION", LocalAccount.REGION);
        env.put("AWS_ENDPOINT_URL_S3", s3.endpoint().toString());
        env.put("AWS_ENDPOINT_URL_DYNAMODB", moto.endpoint().toString());
        return env;
    }

    public AwsClients clients() {
        return clients;
    }

    public Settings settings() {
        return settings;
    }

    /** Where the bucket's objects lie as files: {@code <dataDir>/s3/<bucket>}. */
    public Path bucketDirectory() {
        return s3.root().resolve(settings.bucket());
    }

    long motoPid() {
        return moto.pid();
    }

    public Duration startupTime() {
        return startupTime;
    }

    public ClipStore clipStore() {
        return S3ClipStore.filesystemBacked(clients.s3(), settings.bucket(), s3.root());
    }

    public JobStore jobStore() {
        return new DynamoDbJobStore(clients.dynamoDb(), settings.tables().jobs());
    }

    public PromptCache promptCache() {
        return new DynamoDbPromptCache(clients.dynamoDb(), settings.tables().promptCache());
    }

    /** Writes the table snapshots now (also done by {@link #close}). */
    public synchronized void snapshot() {
        settings.tables().all().forEach(snapshots::save);
    }

    /** Snapshots the tables, then stops both servers; idempotent, also run by a shutdown hook. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        if (Thread.currentThread() != shutdownHook) {
            try {
                Runtime.getRuntime().removeShutdownHook(shutdownHook);
            } catch (IllegalStateException e) {
                log.debug("JVM already shutting down");
            }
        }
        try {
            snapshot();
        } finally {
            stopServers();
        }
    }

    private void stopServers() {
        try {
            moto.close();
            clients.close();
            s3.close();
        } finally {
            lock.close();
        }
    }

    /**
     * Where and what the stack runs.
     *
     * @param motoCacheDir where the moto venv is built once and shared by all checkouts
     */
    public record Settings(Path dataDir, String bucket, TableNames tables, Path motoCacheDir) {
        public static final String DEFAULT_BUCKET = "reelforge-clips";

        public Settings {
            dataDir =
                    Objects.requireNonNull(dataDir, "dataDir").toAbsolutePath().normalize();
            Objects.requireNonNull(bucket, "bucket");
            Objects.requireNonNull(tables, "tables");
            Objects.requireNonNull(motoCacheDir, "motoCacheDir");
        }

        public static Settings defaults(Path dataDir) {
            return new Settings(dataDir, DEFAULT_BUCKET, TableNames.defaults(), MotoVenv.defaultCacheDir());
        }

        public Settings withMotoCacheDir(Path dir) {
            return new Settings(dataDir, bucket, tables, dir);
        }
    }
}
