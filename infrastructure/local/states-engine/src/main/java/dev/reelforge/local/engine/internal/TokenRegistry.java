package dev.reelforge.local.engine.internal;

import com.fasterxml.jackson.databind.JsonNode;
import dev.reelforge.local.engine.EngineClock;
import dev.reelforge.local.engine.TaskTokenException;
import dev.reelforge.local.engine.TaskTokenException.Reason;
import dev.reelforge.local.engine.TaskTokens;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.random.RandomGenerator;

/**
 * Issues task tokens and routes answers to the Task waiting on each. A token is {@code RF1} plus 32 bytes in
 * URL-safe Base64: this registry's instance id, a sequence number and a random secret, so a token from another engine
 * instance is told apart (TaskDoesNotExist) from one never issued (InvalidToken). Tokens of closed tasks are kept to
 * answer TaskTimedOut, as AWS does. Thread-safe.
 */
public final class TokenRegistry implements TaskTokens {
    private static final String PREFIX = "RF1";
    private final long instance;
    private final Map<Long, CallbackTask> issued = new HashMap<>();
    private long next = 1;

    public TokenRegistry(RandomGenerator random) {
        this.instance = random.nextLong();
    }

    synchronized CallbackTask issue(RandomGenerator random, EngineClock clock) {
        byte[] secret = new byte[16];
        random.nextBytes(secret);
        long sequence = next++;
        ByteBuffer bytes =
                ByteBuffer.allocate(32).putLong(instance).putLong(sequence).put(secret);
        String token = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes.array());
        CallbackTask task = new CallbackTask(token, clock);
        issued.put(sequence, task);
        return task;
    }

    @Override
    public void succeed(String token, JsonNode output) throws TaskTokenException {
        find(token).answer(new CallbackTask.Succeeded(output));
    }

    @Override
    public void fail(String token, String error, String cause) throws TaskTokenException {
        find(token).answer(new CallbackTask.Failed(error, cause));
    }

    @Override
    public void heartbeat(String token) throws TaskTokenException {
        find(token).beat();
    }

    private synchronized CallbackTask find(String token) throws TaskTokenException {
        byte[] bytes = decode(token);
        ByteBuffer buffer = ByteBuffer.wrap(bytes);
        if (buffer.getLong() != instance) {
            throw new TaskTokenException(
                    Reason.TASK_DOES_NOT_EXIST,
                    "Task Does Not Exist: the token was issued by another engine instance (was the endpoint restarted?)");
        }
        CallbackTask task = issued.get(buffer.getLong());
        boolean same = task != null
                && MessageDigest.isEqual(
                        task.token.getBytes(StandardCharsets.US_ASCII), token.getBytes(StandardCharsets.US_ASCII));
        if (!same) {
            throw invalid();
        }
        return task;
    }

    private static byte[] decode(String token) throws TaskTokenException {
        if (token == null || !token.startsWith(PREFIX)) {
            throw invalid();
        }
        try {
            byte[] bytes = Base64.getUrlDecoder().decode(token.substring(PREFIX.length()));
            if (bytes.length != 32) {
                throw invalid();
            }
            return bytes;
        } catch (IllegalArgumentException e) {
            throw invalid();
        }
    }

    private static TaskTokenException invalid() {
        return new TaskTokenException(Reason.INVALID_TOKEN, "Invalid Token: the token was not issued by this endpoint");
    }
}
