import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * One Lambda cold start, as the Java runtime does it: load the handler class from the function's package, build it
 * with its no-arg constructor (the init phase), call {@code handleRequest} once with the event (the first invoke).
 * The response goes to stdout as one line, then {@code init_ms}, {@code invoke_ms} and the process's {@code cpu_ms} to
 * stderr. Only JDK classes
 * here, so that the package is the whole classpath apart from this one class. {@code --empty} prints {@code {}} and
 * exits: the JVM-start baseline.
 */
public final class LambdaInvoke {
    private LambdaInvoke() {}

    public static void main(String[] args) throws Exception {
        if (args.length == 1 && args[0].equals("--empty")) {
            System.out.println("{}");
            System.out.flush();
            return;
        }
        byte[] event = Files.readAllBytes(Path.of(args[1]));
        long start = System.nanoTime();
        Class<?> type = Class.forName(args[0]);
        Object handler = construct(type);
        long initialised = System.nanoTime();
        Class<?> contextType = Class.forName("com.amazonaws.services.lambda.runtime.Context", true, type.getClassLoader());
        Object context = Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {contextType},
                (proxy, method, arguments) -> contextValue(type, method));
        Method handle = type.getMethod("handleRequest", InputStream.class, OutputStream.class, contextType);
        ByteArrayOutputStream response = new ByteArrayOutputStream();
        try {
            handle.invoke(handler, new ByteArrayInputStream(event), response, context);
        } catch (InvocationTargetException e) {
            fail(e.getCause());
        }
        long invoked = System.nanoTime();
        System.out.write(response.toByteArray());
        System.out.println();
        System.out.flush();
        System.err.printf(Locale.ROOT, "reelforge-cold-start init_ms=%.1f invoke_ms=%.1f cpu_ms=%.1f%n",
                (initialised - start) / 1e6, (invoked - initialised) / 1e6, processCpuMs());
        System.err.flush();
        System.exit(0);
    }

    /** CPU time of the whole process so far (all threads, JVM start included); taken after the response is out. */
    private static double processCpuMs() {
        return ProcessHandle.current().info().totalCpuDuration().map(d -> d.toNanos() / 1e6).orElse(-1.0);
    }

    private static Object construct(Class<?> type) throws ReflectiveOperationException {
        try {
            return type.getDeclaredConstructor().newInstance();
        } catch (InvocationTargetException e) {
            fail(e.getCause());
            throw new AssertionError("unreachable");
        }
    }

    private static Object contextValue(Class<?> type, Method method) {
        return switch (method.getName()) {
            case "getAwsRequestId" -> "cold-start";
            case "getFunctionName" -> type.getSimpleName();
            case "getFunctionVersion" -> "$LATEST";
            case "getRemainingTimeInMillis" -> 60_000;
            case "getMemoryLimitInMB" -> 1024;
            case "hashCode" -> System.identityHashCode(type);
            case "equals" -> false;
            case "toString" -> "LambdaInvoke context";
            default -> null;
        };
    }

    private static void fail(Throwable error) {
        error.printStackTrace();
        System.exit(1);
    }
}
