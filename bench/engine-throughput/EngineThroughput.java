import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.reelforge.local.engine.Engine;
import dev.reelforge.local.engine.EngineClock;
import dev.reelforge.local.engine.ExecutionResult;
import dev.reelforge.local.engine.StateMachine;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Reelforge's engine running the shared definition in-process: {@code warmups} untimed runs, then {@code runs} timed
 * ones; prints transitions per second of the timed runs. Arguments: definition.json N runs warmups (peer.mjs takes
 * the same, so both sides warm up alike).
 */
public class EngineThroughput {
    public static void main(String[] args) throws Exception {
        int n = Integer.parseInt(args[1]);
        int runs = Integer.parseInt(args[2]);
        int warmups = Integer.parseInt(args[3]);
        StateMachine machine = StateMachine.parse(Files.readString(Path.of(args[0])));
        ObjectMapper json = new ObjectMapper();
        ObjectNode input = json.createObjectNode();
        for (int i = 0; i < n; i++) {
            input.withArray("items").addObject().put("i", i);
        }
        Engine engine = new Engine((resource, in, context) -> in, EngineClock.system());
        String arn = "arn:aws:states:us-east-1:000000000000:stateMachine:bench";
        for (int i = 0; i < warmups; i++) {
            check(engine.run(machine, arn, "warm-" + i, input));
        }
        long start = System.nanoTime();
        for (int i = 0; i < runs; i++) {
            check(engine.run(machine, arn, "run-" + i, input));
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf("%.0f%n", (3 + 3.0 * n) * runs / seconds);
    }

    private static void check(ExecutionResult result) {
        if (result.status() != ExecutionResult.Status.SUCCEEDED) {
            throw new IllegalStateException(result.error() + ": " + result.cause());
        }
    }
}
