package dev.reelforge.media.credentials;

import dev.reelforge.core.media.CredentialsActions;
import dev.reelforge.core.media.CredentialsManifest;
import dev.reelforge.core.media.CredentialsManifest.Ingredient;
import dev.reelforge.core.media.CredentialsManifest.Relationship;
import dev.reelforge.core.media.MediaPlan;
import dev.reelforge.core.media.Rendition;
import dev.reelforge.core.port.ContentCredentials;
import dev.reelforge.media.render.MediaPlanRenderer;
import dev.reelforge.media.render.RenderedOutput;
import dev.reelforge.media.render.RenderedPlan;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Gives every output of a rendered {@link MediaPlan} its Content Credentials: each MP4 rendition and each JPEG still
 * gets a manifest with the actions {@link CredentialsActions} derives, the prompt's SHA-256 and the provider original as
 * {@code parentOf} ingredient (stitched shot clips are each {@code componentOf}). The marked copies are written to
 * another folder and returned with their own SHA-256, which is what the provenance record and the clip store get.
 *
 * <pre>{@code
 * List<RenderedOutput> marked = new PlanCredentials(credentials, version).embed(plan, rendered, inputs, "libopenh264", dir);
 * }</pre>
 */
public final class PlanCredentials {
    private final ContentCredentials credentials;
    private final String version;

    public PlanCredentials(ContentCredentials credentials, String version) {
        this.credentials = credentials;
        this.version = version;
    }

    /** {@code inputs}: the local copies of the plan's input clips, in {@link MediaPlan#inputKeys()} order. */
    public List<RenderedOutput> embed(
            MediaPlan plan, RenderedPlan rendered, List<Path> inputs, String encoder, Path signedDir) {
        CredentialsActions actions = new CredentialsActions(
                plan, version, rendered.sourceWidth(), rendered.sourceHeight(), rendered.loudness() != null, encoder);
        List<Ingredient> ingredients = new ArrayList<>();
        for (int i = 0; i < inputs.size(); i++) {
            String key = plan.inputKeys().get(i);
            ingredients.add(new Ingredient(
                    inputs.get(i),
                    key.substring(key.lastIndexOf('/') + 1),
                    "video/mp4",
                    inputs.size() == 1 ? Relationship.PARENT_OF : Relationship.COMPONENT_OF));
        }
        try {
            Files.createDirectories(signedDir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Rendition first = plan.renditions().get(0);
        List<RenderedOutput> marked = new ArrayList<>();
        for (RenderedOutput output : rendered.outputs()) {
            boolean still = output.name().equals(MediaPlanRenderer.POSTER)
                    || output.name().equals(MediaPlanRenderer.THUMBNAIL);
            String title = output.file().getFileName().toString();
            String mediaType = still ? "image/jpeg" : "video/mp4";
            List<CredentialsManifest.Action> done = still
                    ? actions.forStill(first, output.width(), output.height())
                    : actions.forRendition(rendition(plan, output.name()));
            Path signed = signedDir.resolve(title);
            credentials.embed(
                    output.file(),
                    signed,
                    new CredentialsManifest(
                            title, mediaType, version, done, plan.origin().promptSha256(), ingredients));
            marked.add(new RenderedOutput(
                    output.name(), signed, output.width(), output.height(), MediaPlanRenderer.sha256(signed)));
        }
        return marked;
    }

    private static Rendition rendition(MediaPlan plan, String name) {
        return plan.renditions().stream()
                .filter(r -> r.name().equals(name))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no rendition named " + name + " in the plan"));
    }
}
