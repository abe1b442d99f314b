package dev.reelforge.local.serve;

import dev.reelforge.local.engine.StateMachine;
import java.time.Instant;

/** A created state machine: its parsed definition plus what DescribeStateMachine reports. */
public record LocalStateMachine(
        String arn,
        String name,
        String definition,
        StateMachine parsed,
        String roleArn,
        String type,
        Instant creationDate) {}
