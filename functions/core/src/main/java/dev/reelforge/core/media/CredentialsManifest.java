package dev.reelforge.core.media;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * What one output's C2PA manifest says: the output's title and media type, the claim generator (Reelforge and its
 * version), the actions from generation to delivery, the SHA-256 of the prompt (a custom assertion, never the
 * prompt itself) and the ingredients it was made from. {@link CredentialsActions} derives the actions from a
 * {@link MediaPlan}. The adapter behind {@link dev.reelforge.core.port.ContentCredentials} turns it into the SDK's
 * manifest definition.
 *
 * @param title the output's file name, e.g. {@code 9x16-720p.mp4}
 * @param mediaType {@code video/mp4} or {@code image/jpeg}
 * @param generatorVersion the Reelforge version that wrote the manifest
 */
public record CredentialsManifest(
        String title,
        String mediaType,
        String generatorVersion,
        List<Action> actions,
        String promptSha256,
        List<Ingredient> ingredients) {

    /** The claim generator's name. */
    public static final String GENERATOR = "Reelforge";
    /** Label of the custom assertion that holds the prompt's SHA-256. */
    public static final String PROMPT_ASSERTION = "dev.reelforge.prompt";
    /** The IPTC digital source type of media a trained model generated. */
    public static final String TRAINED_ALGORITHMIC_MEDIA =
            "http://cv.iptc.org/newscodes/digitalsourcetype/trainedAlgorithmicMedia";

    public CredentialsManifest {
        if (actions.isEmpty() || !actions.get(0).action().equals(Action.CREATED)) {
            throw new IllegalArgumentException("a manifest's first action is " + Action.CREATED);
        }
        actions = List.copyOf(actions);
        ingredients = List.copyOf(ingredients);
        promptSha256 = promptSha256 == null ? "" : promptSha256;
    }

    /**
     * One C2PA action.
     *
     * @param action a C2PA action name such as {@code c2pa.resized}
     * @param softwareAgent who performed it: the model for {@code c2pa.created}, Reelforge for the rest
     * @param digitalSourceType an IPTC URI, or empty
     * @param description what was done, for a person reading the credentials
     * @param parameters the action's settings (string values), possibly empty
     */
    public record Action(
            String action,
            String softwareAgent,
            String digitalSourceType,
            String description,
            Map<String, String> parameters) {
        public static final String CREATED = "c2pa.created";
        public static final String COLOR_ADJUSTMENTS = "c2pa.color_adjustments";
        public static final String CROPPED = "c2pa.cropped";
        public static final String RESIZED = "c2pa.resized";
        public static final String EDITED = "c2pa.edited";
        public static final String FILTERED = "c2pa.filtered";
        public static final String TRANSCODED = "c2pa.transcoded";

        public Action {
            digitalSourceType = digitalSourceType == null ? "" : digitalSourceType;
            description = description == null ? "" : description;
            parameters = Map.copyOf(parameters);
        }
    }

    /**
     * A file the output was made from.
     *
     * @param file a local copy of it, read to hash it and to keep any manifest it already carries
     * @param relationship {@code parentOf} for the single original, {@code componentOf} for stitched shot clips
     */
    public record Ingredient(Path file, String title, String mediaType, Relationship relationship) {}

    /** C2PA ingredient relationships, with their wire names. */
    public enum Relationship {
        PARENT_OF("parentOf"),
        COMPONENT_OF("componentOf");

        private final String wireName;

        Relationship(String wireName) {
            this.wireName = wireName;
        }

        public String wireName() {
            return wireName;
        }
    }
}
