package dev.reelforge.core.port;

import java.util.Optional;

/**
 * The Step Functions task token an execution waits on ({@code .waitForTaskToken}) for one provider job, registered
 * when the job is submitted. The webhook receiver looks it up to resume that execution. Thread-safe.
 */
public interface TaskTokenRegistry {
    Optional<String> tokenFor(String provider, String providerJobId);
}
