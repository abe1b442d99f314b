package dev.reelforge.media.internal;

import dev.reelforge.core.error.MediaProcessingException;
import dev.reelforge.media.ProcessOutput;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

/** One running FFmpeg-family child process: drains stdout and stderr on daemon threads, keeps a stderr tail. */
public final class ChildProcess {
    private static final int TAIL_LINES = 2000;
    private static final Pattern ADDRESS = Pattern.compile(" @ 0x[0-9a-f]+");
    private static final Pattern URL = Pattern.compile("(https?://[^\\s/?]+)[^\\s]*");

    private final String tool;
    private final String purpose;
    private final Process process;
    private final ByteArrayOutputStream stdout = new ByteArrayOutputStream();
    private final Deque<String> stderrTail = new ArrayDeque<>();
    private final Thread stdoutPump;
    private final Thread stderrPump;

    private ChildProcess(String tool, String purpose, Process process) {
        this.tool = tool;
        this.purpose = purpose;
        this.process = process;
        this.stdoutPump = daemon(() -> copy(process.getInputStream()), tool + "-stdout");
        this.stderrPump = daemon(this::keepStderrTail, tool + "-stderr");
    }

    public static ChildProcess start(String tool, String purpose, List<String> command, Map<String, String> env) {
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().putAll(env);
        try {
            return new ChildProcess(tool, purpose, builder.start());
        } catch (IOException e) {
            throw new MediaProcessingException(
                    tool + " could not be started while " + purpose + ": " + e.getMessage(), e);
        }
    }

    public OutputStream stdin() {
        return process.getOutputStream();
    }

    /** Closes stdin, waits for exit and returns stdout; throws with the stderr tail on failure or timeout. */
    public ProcessOutput finish(Duration timeout) {
        try {
            closeStdin();
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                throw new MediaProcessingException(tool + " timed out after " + timeout.toSeconds() + " s while "
                        + purpose + "; try a shorter clip");
            }
            stdoutPump.join();
            stderrPump.join();
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new MediaProcessingException(tool + " was interrupted while " + purpose, e);
        }
        int exit = process.exitValue();
        if (exit != 0) {
            throw new MediaProcessingException(
                    tool + " failed while " + purpose + " (exit " + exit + "): " + describeStderr());
        }
        synchronized (stdout) {
            return new ProcessOutput(stdout.toByteArray(), String.join("\n", tail()));
        }
    }

    /** For a write that failed mid-stream: the process usually died first, so report its own error. */
    public MediaProcessingException failedWrite(IOException cause, Duration grace) {
        try {
            finish(grace);
        } catch (MediaProcessingException processError) {
            return processError;
        }
        return new MediaProcessingException(
                "could not feed " + tool + " while " + purpose + ": " + cause.getMessage(), cause);
    }

    public void kill() {
        process.destroyForcibly();
    }

    private void closeStdin() {
        try {
            process.getOutputStream().close();
        } catch (IOException ignored) {
            // the process already closed its end; its exit status tells what happened
        }
    }

    /** FFmpeg's first error line is usually the cause and its last the consequence; quote both. */
    private String describeStderr() {
        List<String> lines = tail();
        if (lines.isEmpty()) {
            return "no error output";
        }
        String first = lines.get(0);
        String last = lines.get(lines.size() - 1);
        String text = lines.size() == 1 ? first : first + " … " + last;
        text = URL.matcher(ADDRESS.matcher(text).replaceAll("")).replaceAll("$1/…");
        return text.length() > 600 ? text.substring(0, 600) + "…" : text;
    }

    private List<String> tail() {
        synchronized (stderrTail) {
            return List.copyOf(stderrTail);
        }
    }

    private void copy(InputStream in) {
        byte[] buffer = new byte[1 << 16];
        try (in) {
            for (int n; (n = in.read(buffer)) >= 0; ) {
                synchronized (stdout) {
                    stdout.write(buffer, 0, n);
                }
            }
        } catch (IOException closedByKill) {
            // the process was killed; finish() reports why
        }
    }

    private void keepStderrTail() {
        try (var reader = process.errorReader()) {
            for (String line; (line = reader.readLine()) != null; ) {
                if (line.isBlank()) {
                    continue;
                }
                synchronized (stderrTail) {
                    if (stderrTail.size() == TAIL_LINES) {
                        stderrTail.removeFirst();
                    }
                    stderrTail.addLast(line.strip());
                }
            }
        } catch (IOException closedByKill) {
            // the process was killed; finish() reports why
        }
    }

    private static Thread daemon(Runnable body, String name) {
        Thread thread = new Thread(body, name);
        thread.setDaemon(true);
        thread.start();
        return thread;
    }
}
