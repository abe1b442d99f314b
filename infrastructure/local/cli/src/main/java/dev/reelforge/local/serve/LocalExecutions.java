package dev.reelforge.local.serve;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.reelforge.local.engine.Engine;
import dev.reelforge.local.engine.EngineClock;
import dev.reelforge.local.engine.ExecutionResult;
import dev.reelforge.local.engine.InvalidDefinitionException;
import dev.reelforge.local.engine.ObjectStore;
import dev.reelforge.local.engine.StateMachine;
import dev.reelforge.local.engine.TaskFailedException;
import dev.reelforge.local.engine.TaskHandler;
import dev.reelforge.local.engine.TaskTokens;
import dev.reelforge.local.engine.UnsupportedFeatureException;
import dev.reelforge.local.runtime.NestedExecutions;
import dev.reelforge.local.stack.LocalAccount;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * The state machines and executions behind {@code reelforge serve}, with Step Functions' rules: names are unique
 * per state machine (starting a RUNNING execution again with the same input returns it; anything else is
 * {@code ExecutionAlreadyExists}), definitions are validated on create ({@code InvalidDefinition}, or
 * {@code ValidationException} naming a field the local engine does not run), STANDARD executions run
 * asynchronously and stay describable, EXPRESS ones run synchronously. Nested {@code startExecution.sync}
 * children are registered like any other execution. Thread-safe.
 */
public final class LocalExecutions implements NestedExecutions, AutoCloseable {
    private static final Pattern NAME = Pattern.compile("^[A-Za-z0-9_-]{1,80}$");

    private final Engine engine;
    private final Engine express;
    private final EngineClock clock;
    private final ObjectMapper json;
    private final ExecutorService runner;
    private final Map<String, LocalStateMachine> machines = new LinkedHashMap<>();
    private final Map<String, LocalExecution> executions = new LinkedHashMap<>();

    public LocalExecutions(Function<NestedExecutions, TaskHandler> tasks, EngineClock clock, ObjectMapper json) {
        this(tasks, clock, json, ObjectStore.none());
    }

    /** @param objects where Distributed Maps read items and write results (the local S3 under serve) */
    public LocalExecutions(
            Function<NestedExecutions, TaskHandler> tasks, EngineClock clock, ObjectMapper json, ObjectStore objects) {
        this.engine = new Engine(tasks.apply(this), clock).withObjects(objects);
        this.express = engine.withoutHistory();
        this.clock = clock;
        this.json = json;
        AtomicInteger count = new AtomicInteger();
        this.runner = Executors.newCachedThreadPool(r -> {
            Thread thread = new Thread(r, "sfn-execution-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
    }

    /** Where SendTaskSuccess/Failure/Heartbeat reach the executions' {@code .waitForTaskToken} Tasks. */
    public TaskTokens tokens() {
        return engine.tokens();
    }

    public static String stateMachineArn(String name) {
        return LocalAccount.arn("states", "stateMachine:" + name);
    }

    /** CreateStateMachine; the same name with the same definition and type is idempotent, as on AWS. */
    public synchronized LocalStateMachine create(String name, String definition, String roleArn, String type) {
        if (name == null || !NAME.matcher(name).matches()) {
            throw new ApiException("InvalidName", "Invalid State Machine Name: '" + name + "'");
        }
        String kind = type == null || type.isEmpty() ? "STANDARD" : type;
        if (!kind.equals("STANDARD") && !kind.equals("EXPRESS")) {
            throw new ApiException("ValidationException", "type must be STANDARD or EXPRESS");
        }
        StateMachine parsed;
        try {
            parsed = StateMachine.parse(definition == null ? "" : definition);
        } catch (UnsupportedFeatureException e) {
            throw new ApiException(
                    "ValidationException",
                    "The local Step Functions engine does not run this definition: " + String.join(", ", e.problems()));
        } catch (InvalidDefinitionException e) {
            throw new ApiException("InvalidDefinition", e.getMessage());
        }
        String arn = stateMachineArn(name);
        LocalStateMachine existing = machines.get(arn);
        if (existing != null) {
            if (existing.definition().equals(definition) && existing.type().equals(kind)) {
                return existing;
            }
            throw new ApiException("StateMachineAlreadyExists", "State Machine Already Exists: '" + arn + "'");
        }
        LocalStateMachine machine =
                new LocalStateMachine(arn, name, definition, parsed, roleArn == null ? "" : roleArn, kind, clock.now());
        machines.put(arn, machine);
        return machine;
    }

    public synchronized LocalStateMachine machine(String arn) {
        requireArn(arn, "stateMachine");
        LocalStateMachine machine = machines.get(arn);
        if (machine == null) {
            throw new ApiException("StateMachineDoesNotExist", "State Machine Does Not Exist: '" + arn + "'");
        }
        return machine;
    }

    public synchronized List<LocalStateMachine> machines() {
        return List.copyOf(machines.values());
    }

    public synchronized void delete(String arn) {
        requireArn(arn, "stateMachine");
        machines.remove(arn);
    }

    /** StartExecution of a STANDARD machine: registered at once, run on its own thread. */
    public LocalExecution start(String stateMachineArn, String name, String input) {
        LocalStateMachine machine = machine(stateMachineArn);
        if (name != null && !name.isEmpty()) {
            executionName(name);
        }
        JsonNode tree = parsed(input);
        String text = written(tree);
        if (!machine.type().equals("STANDARD")) {
            LocalExecution started = register(machine, name, text, false);
            started.finish(express.run(machine.parsed(), machine.arn(), started.name, tree));
            return started;
        }
        LocalExecution execution;
        synchronized (this) {
            String arn = executionArn(machine, name == null ? UUID.randomUUID().toString() : name);
            LocalExecution existing = executions.get(arn);
            if (existing != null
                    && existing.status() == ExecutionResult.Status.RUNNING
                    && existing.input.equals(text)) {
                return existing;
            }
            execution = register(machine, name, text, true);
        }
        LocalExecution started = execution;
        started.runningAs(runner.submit(() -> run(machine, started, tree)));
        return started;
    }

    /** StartSyncExecution: EXPRESS machines only, as on AWS. */
    public LocalExecution startSync(String stateMachineArn, String name, String input) {
        LocalStateMachine machine = machine(stateMachineArn);
        if (!machine.type().equals("EXPRESS")) {
            throw new ApiException(
                    "StateMachineTypeNotSupported", "This operation is not supported by this type of state machine");
        }
        return start(stateMachineArn, name, input);
    }

    @Override
    public ExecutionResult runToEnd(String stateMachineArn, String executionName, JsonNode input)
            throws TaskFailedException {
        try {
            String text = input == null || input.isMissingNode() || input.isNull()
                    ? "{}"
                    : input.isTextual() ? input.asText() : input.toString();
            LocalExecution child = start(stateMachineArn, executionName, text);
            child.awaitEnd(Long.MAX_VALUE, TimeUnit.DAYS);
            return child.asResult();
        } catch (ApiException e) {
            throw new TaskFailedException("StepFunctions." + e.type() + "Exception", e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TaskFailedException("States.Runtime", "interrupted while waiting for a child execution");
        }
    }

    public synchronized LocalExecution execution(String arn) {
        requireArn(arn, "execution");
        LocalExecution execution = executions.get(arn);
        if (execution == null) {
            throw new ApiException("ExecutionDoesNotExist", "Execution Does Not Exist: '" + arn + "'");
        }
        return execution;
    }

    /** Newest first, as ListExecutions returns them. */
    public synchronized List<LocalExecution> executions(String stateMachineArn) {
        machine(stateMachineArn);
        List<LocalExecution> found = new ArrayList<>();
        for (LocalExecution execution : executions.values()) {
            if (execution.stateMachineArn.equals(stateMachineArn)) {
                found.add(0, execution);
            }
        }
        return found;
    }

    public Instant stop(String executionArn, String error, String cause) {
        return execution(executionArn).stop(error, cause, clock.now());
    }

    /** @param input the normalized input text */
    private LocalExecution register(LocalStateMachine machine, String name, String input, boolean keep) {
        String executionName = executionName(name);
        String arn = executionArn(machine, executionName);
        if (keep && executions.containsKey(arn)) {
            throw new ApiException("ExecutionAlreadyExists", "Execution Already Exists: '" + arn + "'");
        }
        LocalExecution execution = new LocalExecution(arn, executionName, machine.arn(), input, clock.now());
        if (keep) {
            executions.put(arn, execution);
        }
        return execution;
    }

    private void run(LocalStateMachine machine, LocalExecution execution, JsonNode input) {
        ExecutionResult result = engine.withListener(new dev.reelforge.local.engine.ExecutionListener() {
                    @Override
                    public void onEvent(dev.reelforge.local.engine.HistoryEvent event) {
                        execution.record(event);
                    }
                })
                .run(machine.parsed(), machine.arn(), execution.name, input);
        execution.finish(result);
    }

    private static String executionName(String name) {
        String executionName =
                name == null || name.isEmpty() ? UUID.randomUUID().toString() : name;
        if (!NAME.matcher(executionName).matches()) {
            throw new ApiException("InvalidName", "Invalid Execution Name: '" + executionName + "'");
        }
        return executionName;
    }

    private String written(JsonNode tree) {
        try {
            return json.writeValueAsString(tree);
        } catch (IOException e) {
            throw new IllegalStateException("a parsed input cannot be written back", e);
        }
    }

    private JsonNode parsed(String input) {
        String text = input == null || input.isBlank() ? "{}" : input;
        try {
            return json.readTree(text);
        } catch (IOException e) {
            throw new ApiException("InvalidExecutionInput", "Invalid execution input: " + e.getMessage());
        }
    }

    /** The ARN of STANDARD execution {@code name} of the machine {@code stateMachineArn}. */
    static String executionArn(String stateMachineArn, String name) {
        return stateMachineArn.replaceFirst(":stateMachine:", ":execution:") + ":" + name;
    }

    private static String executionArn(LocalStateMachine machine, String name) {
        String kind = machine.type().equals("EXPRESS") ? "express:" : "execution:";
        return LocalAccount.arn("states", kind + machine.name() + ":" + name);
    }

    private static void requireArn(String arn, String resource) {
        String[] parts = Objects.requireNonNullElse(arn, "").split(":");
        boolean ok =
                parts.length >= 7 && parts[0].equals("arn") && parts[2].equals("states") && parts[5].equals(resource);
        if (!ok) {
            throw ApiException.invalidArn(arn);
        }
    }

    @Override
    public void close() {
        runner.shutdownNow();
    }
}
