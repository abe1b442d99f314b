package dev.reelforge.providers.bedrock;

import dev.reelforge.core.error.ProviderFailedException;
import java.net.URI;
import software.amazon.awssdk.services.bedrockruntime.model.GetAsyncInvokeResponse;

/**
 * Where Bedrock put an invocation's video: {@code output.mp4} in a folder named after the invocation id (the last
 * segment of its ARN) under the output prefix. GetAsyncInvoke echoes an {@code s3Uri}; when that already ends with
 * the invocation id it is used as the folder, otherwise the id is appended to it.
 */
final class BedrockOutput {
    static final String FILE = "output.mp4";

    private BedrockOutput() {}

    /** The object key, within our bucket, of the invocation's MP4. */
    static String videoKey(GetAsyncInvokeResponse invocation, URI outputPrefix) {
        String arn = invocation.invocationArn();
        String invocationId = arn.substring(arn.lastIndexOf('/') + 1);
        String s3Uri = invocation.outputDataConfig() != null
                        && invocation.outputDataConfig().s3OutputDataConfig() != null
                ? invocation.outputDataConfig().s3OutputDataConfig().s3Uri()
                : outputPrefix.toString();
        URI folder = URI.create(s3Uri.replaceAll("/+$", ""));
        if (!outputPrefix.getHost().equals(folder.getHost())) {
            throw new ProviderFailedException("Bedrock wrote the render to bucket " + folder.getHost()
                    + ", not to our bucket " + outputPrefix.getHost() + "; check the output prefix setting");
        }
        String path = folder.getPath().replaceFirst("^/+", "");
        if (!path.endsWith(invocationId)) {
            path = (path.isEmpty() ? "" : path + "/") + invocationId;
        }
        return path + "/" + FILE;
    }
}
