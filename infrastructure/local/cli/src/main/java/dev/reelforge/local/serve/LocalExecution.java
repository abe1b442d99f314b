package dev.reelforge.local.serve;

import com.fasterxml.jackson.databind.JsonNode;
import dev.reelforge.local.engine.ExecutionResult;
import dev.reelforge.local.engine.ExecutionResult.Status;
import dev.reelforge.local.engine.HistoryEvent;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/** One execution as DescribeExecution sees it, updated by the engine thread that runs it. Thread-safe. */
final class LocalExecution {
    final String arn;
    final String name;
    final String stateMachineArn;
    final String input;
    final Instant startDate;
    private final List<HistoryEvent> history = new ArrayList<>();
    private final CountDownLatch finished = new CountDownLatch(1);
    private Status status = Status.RUNNING;
    private JsonNode output;
    private String error;
    private String cause;
    private Instant stopDate;
    private Future<?> run;

    LocalExecution(String arn, String name, String stateMachineArn, String input, Instant startDate) {
        this.arn = arn;
        this.name = name;
        this.stateMachineArn = stateMachineArn;
        this.input = input;
        this.startDate = startDate;
    }

    synchronized void record(HistoryEvent event) {
        history.add(event);
    }

    synchronized List<HistoryEvent> history() {
        return List.copyOf(history);
    }

    synchronized void runningAs(Future<?> future) {
        this.run = future;
    }

    /** The engine's verdict, unless StopExecution got there first. */
    synchronized void finish(ExecutionResult result) {
        if (status == Status.RUNNING) {
            status = result.status();
            output = result.output();
            error = result.error();
            cause = result.cause();
            stopDate = result.stopDate() == null ? Instant.now() : result.stopDate();
        }
        finished.countDown();
    }

    /** StopExecution: ABORTED with the caller's error and cause; the engine thread is interrupted. */
    synchronized Instant stop(String stopError, String stopCause, Instant now) {
        if (status == Status.RUNNING) {
            status = Status.ABORTED;
            error = stopError;
            cause = stopCause;
            stopDate = now;
            if (run != null) {
                run.cancel(true);
            }
            finished.countDown();
        }
        return stopDate;
    }

    boolean awaitEnd(long timeout, TimeUnit unit) throws InterruptedException {
        return finished.await(timeout, unit);
    }

    synchronized Status status() {
        return status;
    }

    synchronized JsonNode output() {
        return output;
    }

    synchronized String error() {
        return error;
    }

    synchronized String cause() {
        return cause;
    }

    synchronized Instant stopDate() {
        return stopDate;
    }

    /** The engine-shaped result, for a parent's {@code startExecution.sync}. */
    synchronized ExecutionResult asResult() {
        return new ExecutionResult(arn, status, output, error, cause, history, startDate, stopDate);
    }
}
