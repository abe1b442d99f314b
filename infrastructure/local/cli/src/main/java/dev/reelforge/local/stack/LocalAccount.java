package dev.reelforge.local.stack;

/**
 * The one AWS account and region every local run pretends to be in, and the ARNs built from them, so that the
 * local Step Functions API, the task resolver, the substitutions and the S3 events all name the same account.
 * <pre>{@code
 * LocalAccount.arn("lambda", "function:reelforge-validate")
 * // arn:aws:lambda:us-east-1:000000000000:function:reelforge-validate
 * }</pre>
 */
public final class LocalAccount {
    /** The region the local clients sign for and the ARNs name. */
    public static final String REGION = "us-east-1";
    /** The account id LocalStack and moto use by default. */
    public static final String ID = "000000000000";

    private LocalAccount() {}

    /** {@code arn:aws:<service>:<region>:<account>:<resource>}. */
    public static String arn(String service, String resource) {
        return "arn:aws:" + service + ":" + REGION + ":" + ID + ":" + resource;
    }
}
