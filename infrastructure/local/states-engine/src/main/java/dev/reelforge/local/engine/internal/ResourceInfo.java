package dev.reelforge.local.engine.internal;

/**
 * resourceType/resource/region for Task history events, derived from the Resource ARN the way
 * AWS reports them ({@code arn:aws:states:::ecs:runTask.sync} gives ecs / runTask.sync).
 */
record ResourceInfo(String resourceType, String resource, String region) {
    private static final String INTEGRATION_PREFIX = ":states:::";

    static ResourceInfo of(String arn, String defaultRegion) {
        int integration = arn.indexOf(INTEGRATION_PREFIX);
        if (arn.startsWith("arn:") && integration > 0) {
            String rest = arn.substring(integration + INTEGRATION_PREFIX.length());
            int colon = rest.indexOf(':');
            return colon < 0
                    ? new ResourceInfo(rest, rest, defaultRegion)
                    : new ResourceInfo(rest.substring(0, colon), rest.substring(colon + 1), defaultRegion);
        }
        String[] parts = arn.split(":", -1);
        if (parts.length >= 6 && parts[0].equals("arn")) {
            String region = parts[3].isEmpty() ? defaultRegion : parts[3];
            if (parts[2].equals("lambda")) {
                return new ResourceInfo("lambda", "invoke", region);
            }
            if (parts[2].equals("states") && parts[5].equals("activity")) {
                return new ResourceInfo("activity", arn, region);
            }
            return new ResourceInfo(parts[2], arn, region);
        }
        return new ResourceInfo("local", arn, defaultRegion);
    }
}
