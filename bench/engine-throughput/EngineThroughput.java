import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.reelforge.local.engine.Engine;
import dev.reelforge.local.engine.EngineClock;
import dev.reelforge.local.engine.ExecutionResult;
import dev.reelforge.local.engine.StateMachine;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Reelforge's engine running the shared definition in-process: untimed warm-up runs, then the timed ones; prints
 * transitions per second of the timed runs. Arguments: definition.json N timed warmup, where timed and warmup are a
 * number of runs ({@code 20}) or of seconds ({@code 10s}) (peer.mjs takes the same, so both sides warm up alike).
 */
public class EngineThroughput {
    public static void main(String[] args) throws Exception {
        int n = Integer.parseInt(args[1]);
        String timed = args[2];
        String warmup = args[3];
        StateMachine machine = StateMachine.parse(Files.readString(Path.of(args[0])));
        ObjectMapper json = new ObjectMapper();
        ObjectNode input = json.createObjectNode();
        for (int i = 0; i < n; i++) {
            input.withArray("items").addObject().put("i", i);
        }
        Engine engine = new Engine((resource, in, context) -> in, EngineClock.system());
        String arn = "arn:aws:states:us-east-1:000000000000:stateMachine:bench";
        AtomicLong names = new AtomicLong();
        Runnable call = () -> check(engine.run(machine, arn, "run-" + names.incrementAndGet(), input));
        repeat(warmup, call);
        long start = System.nanoTime();
        long runs = repeat(timed, call);
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf("%.0f%n", (3 + 3.0 * n) * runs / seconds);
    }

    /** Runs {@code call} {@code spec} times ({@code 20}) or until {@code spec} seconds ({@code 10s}) have passed. */
    static long repeat(String spec, Runnable call) {
        if (!spec.endsWith("s")) {
            long runs = Long.parseLong(spec);
            for (long i = 0; i < runs; i++) {
                call.run();
            }
            return runs;
        }
        long end = System.nanoTime() + (long) (Double.parseDouble(spec.substring(0, spec.length() - 1)) * 1e9);
        long runs = 0;
        do {
            call.run();
            runs++;
        } while (System.nanoTime() < end);
        return runs;
    }

    private static void check(ExecutionResult result) {
        if (result.status() != ExecutionResult.Status.SUCCEEDED) {
            throw new IllegalStateException(result.error() + ": " + result.cause());
        }
    }
}
