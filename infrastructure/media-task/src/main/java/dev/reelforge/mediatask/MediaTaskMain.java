package dev.reelforge.mediatask;

import dev.reelforge.aws.AwsClients;
import dev.reelforge.aws.AwsEndpoints;
import dev.reelforge.aws.s3.S3ClipStore;
import dev.reelforge.handlers.config.HandlerConfig;
import dev.reelforge.handlers.config.Services;

/**
 * Entry point of the GPU container ({@code infrastructure/media-task/Dockerfile}): the state machine starts it
 * with {@code ecs:runTask.sync} and the plan's keys as environment overrides; the exit code is the verdict.
 */
public final class MediaTaskMain {
    private MediaTaskMain() {}

    public static void main(String[] args) {
        HandlerConfig config = HandlerConfig.fromEnvironment();
        try (AwsClients aws = AwsClients.create(AwsEndpoints.forRegion(config.region()))) {
            MediaTask task = MediaTask.create(new S3ClipStore(aws.s3(), config.bucket()), Services.objectMapper(), config.workDir());
            System.exit(task.run(System.getenv()));
        }
    }
}
