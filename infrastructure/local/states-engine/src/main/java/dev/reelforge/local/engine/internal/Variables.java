package dev.reelforge.local.engine.internal;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * Workflow variables as AWS scopes them: the top level of an execution is one scope, each Parallel branch and Map
 * iteration a child scope that reads its parents' variables and keeps its own assignments to itself. One scope is
 * written by one thread of control at a time; children only read their parents, which are paused while they run.
 */
final class Variables {
    /** AWS's limit on one variable's value and on everything one Assign writes, in UTF-8 bytes of its JSON. */
    static final int MAX_ASSIGN_BYTES = 256 * 1024;
    /** AWS's limit on the variables one execution holds at once. */
    static final int MAX_TOTAL_BYTES = 10 * 1024 * 1024;

    private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
    private static final int MAX_NAME_LENGTH = 80;

    private final Variables parent;
    /** Created by the first Assign: most Map iterations and Parallel branches assign nothing. */
    private volatile Map<String, JsonNode> values = Map.of();

    private volatile Map<String, Integer> sizes = Map.of();
    private Map<String, JsonNode> lastAssigned = Map.of();

    private Variables(Variables parent) {
        this.parent = parent;
    }

    static Variables root() {
        return new Variables(null);
    }

    Variables child() {
        return new Variables(this);
    }

    /** The innermost value of {@code name}, or empty when no enclosing scope assigned it. */
    Optional<JsonNode> get(String name) {
        for (Variables scope = this; scope != null; scope = scope.parent) {
            JsonNode value = scope.values.get(name);
            if (value != null) {
                return Optional.of(value);
            }
        }
        return Optional.empty();
    }

    /** Every visible variable, inner scopes shadowing outer ones. */
    Map<String, JsonNode> visible() {
        Map<String, JsonNode> all = parent == null ? new LinkedHashMap<>() : parent.visible();
        all.putAll(values);
        return all;
    }

    /** Stores the values of one Assign at once, after checking AWS's size limits. */
    void assign(Map<String, JsonNode> assignments) {
        if (assignments.isEmpty()) {
            return;
        }
        int total = 0;
        Map<String, Integer> newSizes = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> entry : assignments.entrySet()) {
            int bytes = Json.write(entry.getValue()).getBytes(StandardCharsets.UTF_8).length;
            if (bytes > MAX_ASSIGN_BYTES) {
                throw new StatesError(
                        StatesError.RUNTIME,
                        "The variable '" + entry.getKey() + "' has " + bytes + " bytes, more than the limit of "
                                + MAX_ASSIGN_BYTES + " bytes for one variable");
            }
            total += bytes;
            newSizes.put(entry.getKey(), bytes);
        }
        if (total > MAX_ASSIGN_BYTES) {
            throw new StatesError(
                    StatesError.RUNTIME,
                    "The Assign field writes " + total + " bytes, more than the limit of " + MAX_ASSIGN_BYTES
                            + " bytes for one state");
        }
        long held = heldBytes();
        for (Map.Entry<String, Integer> entry : newSizes.entrySet()) {
            held += entry.getValue() - sizes.getOrDefault(entry.getKey(), 0);
        }
        if (held > MAX_TOTAL_BYTES) {
            throw new StatesError(
                    StatesError.RUNTIME,
                    "The execution's variables would hold " + held + " bytes, more than the limit of " + MAX_TOTAL_BYTES
                            + " bytes");
        }
        if (!(values instanceof ConcurrentHashMap)) {
            values = new ConcurrentHashMap<>();
            sizes = new ConcurrentHashMap<>();
        }
        values.putAll(assignments);
        sizes.putAll(newSizes);
        if (!assignments.isEmpty()) {
            Map<String, JsonNode> merged = new LinkedHashMap<>(lastAssigned);
            merged.putAll(assignments);
            lastAssigned = merged;
        }
    }

    /** What this scope's Assigns stored since the last call, for the state's StateExited event; then forgets it. */
    Map<String, JsonNode> takeAssigned() {
        Map<String, JsonNode> assigned = lastAssigned;
        lastAssigned = Map.of();
        return assigned;
    }

    private long heldBytes() {
        long held = 0;
        for (Variables scope = this; scope != null; scope = scope.parent) {
            for (int size : scope.sizes.values()) {
                held += size;
            }
        }
        return held;
    }

    /** Why {@code name} cannot be a variable's name, or empty when it can. */
    static Optional<String> nameProblem(String name) {
        if (!NAME.matcher(name).matches() || name.length() > MAX_NAME_LENGTH) {
            return Optional.of("The variable name '" + name + "' must start with a letter or '_', contain only letters,"
                    + " digits and '_', and have at most " + MAX_NAME_LENGTH + " characters");
        }
        if (name.equals("states")) {
            return Optional.of("The variable name 'states' is reserved");
        }
        return Optional.empty();
    }
}
