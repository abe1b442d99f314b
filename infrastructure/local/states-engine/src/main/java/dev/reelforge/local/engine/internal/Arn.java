package dev.reelforge.local.engine.internal;

/**
 * The parts of a state machine ARN the engine needs to derive execution and role ARNs. A
 * malformed ARN is tolerated (local runs may pass a bare name) and mapped to region "local".
 */
record Arn(String partition, String region, String account, String name) {

    static Arn ofStateMachine(String arn) {
        String[] parts = arn == null ? new String[0] : arn.split(":", -1);
        if (parts.length >= 7 && parts[0].equals("arn") && parts[5].equals("stateMachine")) {
            return new Arn(parts[1], parts[3], parts[4], parts[6]);
        }
        String name = arn == null || arn.isBlank() ? "StateMachine" : parts[parts.length - 1];
        return new Arn("aws", "local", "000000000000", name);
    }

    String executionArn(String executionName) {
        return "arn:" + partition + ":states:" + region + ":" + account + ":execution:" + name + ":" + executionName;
    }

    String roleArn() {
        return "arn:" + partition + ":iam::" + account + ":role/StepFunctionsLocal";
    }
}
