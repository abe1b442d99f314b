package dev.reelforge.wiring;

import java.util.Map;

/**
 * The state machines the Ingest entry point starts; the template sets both on IngestFunction.
 *
 * @param render {@code REELFORGE_RENDER_STATE_MACHINE_ARN}
 * @param batch {@code REELFORGE_BATCH_STATE_MACHINE_ARN}
 */
public record StateMachineArns(String render, String batch) {
    public StateMachineArns {
        if (render == null || render.isBlank() || batch == null || batch.isBlank()) {
            throw new IllegalStateException(
                    "REELFORGE_RENDER_STATE_MACHINE_ARN and REELFORGE_BATCH_STATE_MACHINE_ARN must be set;"
                            + " the template sets them on IngestFunction");
        }
    }

    public static StateMachineArns from(Map<String, String> env) {
        return new StateMachineArns(
                env.get("REELFORGE_RENDER_STATE_MACHINE_ARN"), env.get("REELFORGE_BATCH_STATE_MACHINE_ARN"));
    }
}
