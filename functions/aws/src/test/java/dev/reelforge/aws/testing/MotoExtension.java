package dev.reelforge.aws.testing;

import dev.reelforge.aws.AwsClients;
import dev.reelforge.aws.AwsEndpoints;
import dev.reelforge.aws.AwsEndpoints.LocalCredentials;
import dev.reelforge.local.moto.MotoServer;
import dev.reelforge.local.moto.MotoVenv;
import dev.reelforge.local.moto.PythonInterpreter;
import java.net.URI;
import java.nio.file.Path;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * Test fixture: one real moto server for the whole test JVM (venv from the shared user cache), stopped when the
 * JVM's tests end. Injects {@link MotoServer} or a {@link DynamoDbClient} pointed at it. The adapter tests here and
 * the CLI's table tests share it through this module's test-jar.
 *
 * <pre>{@code
 * @ExtendWith(MotoExtension.class)
 * class MyTest { @Test void t(DynamoDbClient dynamoDb) { ... } }
 * }</pre>
 */
public final class MotoExtension implements ParameterResolver {
    /** The region the test clients sign for; moto accepts any. */
    public static final String REGION = "us-east-1";
    /** Any credentials do for moto; these say where they come from. */
    public static final LocalCredentials CREDENTIALS = LocalCredentials.of("reelforge-test", "reelforge-test-secret");

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(MotoExtension.class);

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        Class<?> type = parameter.getParameter().getType();
        return type == MotoServer.class || type == DynamoDbClient.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        Fixture fixture = context.getRoot()
                .getStore(NAMESPACE)
                .getOrComputeIfAbsent(Fixture.class, k -> Fixture.start(), Fixture.class);
        return parameter.getParameter().getType() == MotoServer.class ? fixture.moto : fixture.clients.dynamoDb();
    }

    /** Builds a client for any moto server (tests that start their own). */
    public static AwsClients clientsFor(URI dynamoDbEndpoint) {
        return AwsClients.create(AwsEndpoints.local(REGION, dynamoDbEndpoint, dynamoDbEndpoint, CREDENTIALS));
    }

    public static MotoServer startMoto(Path logFile) {
        PythonInterpreter python = PythonInterpreter.locate(Path.of(System.getProperty("user.home")));
        return MotoServer.start(new MotoVenv(MotoVenv.defaultCacheDir(), python).ensurePython(), logFile);
    }

    private static final class Fixture implements AutoCloseable {
        final MotoServer moto;
        final AwsClients clients;

        private Fixture(MotoServer moto) {
            this.moto = moto;
            this.clients = clientsFor(moto.endpoint());
        }

        static Fixture start() {
            return new Fixture(startMoto(Path.of("target", "moto-test.log")));
        }

        @Override
        public void close() {
            clients.close();
            moto.close();
        }
    }
}
