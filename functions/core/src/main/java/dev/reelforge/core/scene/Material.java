package dev.reelforge.core.scene;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a subject or surface is made of, as prompts name it ("glazed stoneware", "a rubber ball"). The material is
 * what the physics follows (a ceramic mug shatters, a rubber ball bounces), so the words are grouped by how things
 * behave, not by chemistry.
 */
public enum Material {
    CERAMIC("ceramic", "ceramic|porcelain|stoneware|earthenware|terracotta|china|clay pot"),
    GLASS("glass", "glass|crystal"),
    METAL(
            "metal",
            "metal|metallic|steel|stainless|iron|aluminium|aluminum|brass|copper|chrome|tin|silver|gold|cast[- ]iron"),
    WOOD("wood", "wood|wooden|oak|pine|walnut|maple|bamboo|birch|teak|plywood|timber"),
    STONE("stone", "stone|marble|granite|concrete|slate|brick|tile|tiled|cobblestone|rock"),
    PLASTIC("plastic", "plastic|acrylic|vinyl|polycarbonate|nylon"),
    RUBBER("rubber", "rubber|silicone|latex"),
    PAPER("paper", "paper|cardboard|carton|parchment"),
    FABRIC("fabric", "fabric|cotton|wool|woollen|woolen|silk|linen|denim|velvet|felt|knit|knitted|canvas"),
    LEATHER("leather", "leather|suede"),
    LIQUID("liquid", "liquid|water|coffee|tea|milk|juice|wine|soda|oil|paint"),
    FOAM("foam", "foam|sponge"),
    ICE("ice", "ice"),
    FOOD("food", "bread|fruit|chocolate|cake|egg|dough|cheese");

    private final String wireName;
    private final Pattern words;

    Material(String wireName, String words) {
        this.wireName = wireName;
        this.words = Pattern.compile("\\b(?:" + words + ")\\b", Pattern.CASE_INSENSITIVE);
    }

    @JsonValue
    public String wireName() {
        return wireName;
    }

    /** Any material word in the text, for the lint's "name the material" check. */
    public static boolean namedIn(String text) {
        return first(text).isPresent();
    }

    /** The material named earliest in the text ("a steel bowl of water" is metal). */
    public static Optional<Material> first(String text) {
        Material found = null;
        int at = Integer.MAX_VALUE;
        String lower = text.toLowerCase(Locale.ROOT);
        for (Material material : values()) {
            Matcher m = material.words.matcher(lower);
            if (m.find() && m.start() < at) {
                at = m.start();
                found = material;
            }
        }
        return Optional.ofNullable(found);
    }
}
