package dev.reelforge.core.scene;

import java.util.List;

/**
 * Where the clip happens: the place ("kitchen", empty when unnamed) and the surfaces things rest on or fall onto,
 * in the order the prompt names them ("wooden table", "terracotta tile floor"): the supports of the world.
 */
public record Setting(String place, List<Surface> surfaces) {
    public Setting {
        place = place == null ? "" : place;
        surfaces = List.copyOf(surfaces);
    }

    /** A support: its noun ("table", "floor") and material, null when the prompt names none. */
    public record Surface(String noun, Material material) {}
}
