package dev.reelforge.local.serve;

/**
 * A Step Functions API error as AWS returns it: HTTP 400 with {@code {"__type": type, "message": ...}}; the SDKs
 * map {@code type} to their exception classes (e.g. {@code ExecutionDoesNotExistException}).
 */
public final class ApiException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final String type;

    public ApiException(String type, String message) {
        super(message);
        this.type = type;
    }

    public String type() {
        return type;
    }

    static ApiException invalidArn(String arn) {
        return new ApiException("InvalidArn", "Invalid Arn: '" + arn + "'");
    }
}
