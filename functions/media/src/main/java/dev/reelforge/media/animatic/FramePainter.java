package dev.reelforge.media.animatic;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Draws the clean picture at one moment: backdrop, table, subject (or its pieces) and the shot's caption. The
 * subject's story runs across the beats of a shot: it rests where a later fall starts, and after a fall every later
 * beat of the shot shows what the fall left (the bounce settling, the pieces scattering and coming to rest).
 */
final class FramePainter {
    private final Stage stage;
    private final List<BeatScene> scenes;
    private final Map<BeatScene, List<String>> captions = new HashMap<>();
    private final Map<BeatScene, SubjectTrajectory> trajectories = new HashMap<>();
    private final int captionScale;

    FramePainter(Stage stage, List<BeatScene> scenes) {
        this.stage = stage;
        this.scenes = List.copyOf(scenes);
        this.captionScale = Math.max(1, (int) Math.round(stage.shortSide() / 170.0));
    }

    BeatScene sceneAt(double t) {
        BeatScene current = scenes.get(0);
        for (BeatScene scene : scenes) {
            if (scene.startSeconds() <= t) {
                current = scene;
            }
        }
        return current;
    }

    void paint(Canvas canvas, BeatScene scene, double t) {
        double camera = scene.panDirection() * stage.panSpeed() * (t - scene.shotStartSeconds());
        Backdrop.paint(canvas, stage, scene.palette(), camera, scene.sizeFactor());
        BeatScene later = fallLaterInShot(scene);
        BeatScene earlier = later == null ? fallEarlierInShot(scene) : null;
        BeatScene story = later != null ? later : earlier != null ? earlier : scene;
        SubjectTrajectory.Pose pose = later != null ? trajectory(later).at(later.startSeconds()) : trajectory(story).at(t);
        double lightSide = scene.palette().lightSide();
        if (!Double.isNaN(pose.ledgeY())) {
            double x = stage.width() * story.subjectX() - camera;
            int thickness = Math.max(4, stage.shortSide() / 28);
            int top = (int) pose.ledgeY();
            canvas.fillRect(0, top, (int) x, top + thickness, scene.palette().table());
            canvas.fillRect(0, top + thickness, (int) x, top + thickness + Math.max(2, thickness / 3),
                    Canvas.lit(scene.palette().table(), 0.6));
        }
        for (SubjectTrajectory.Part part : pose.parts()) {
            SubjectTrajectory.Part onScreen = new SubjectTrajectory.Part(part.x() - camera, part.bottomY(), part.angle(), part.scale());
            SubjectPainter.paint(canvas, stage, story.shape(), scene.palette().subject(), story.sizeFactor(), lightSide, onScreen);
        }
        for (SubjectTrajectory.Shard shard : pose.shards()) {
            SubjectTrajectory.Shard onScreen = new SubjectTrajectory.Shard(shard.x() - camera, shard.y(), shard.angle(), shard.xs(), shard.ys());
            ShardPainter.paint(canvas, stage, scene.palette().subject(), lightSide, onScreen);
        }
        drawCaption(canvas, scene);
    }

    private SubjectTrajectory trajectory(BeatScene scene) {
        return trajectories.computeIfAbsent(scene, s -> SubjectTrajectory.of(s, stage));
    }

    /**
     * A beat whose subject rests before it falls later in the same shot: it already rests where the fall starts
     * (on the ledge), so the world does not jump at the beat boundary. Null when no fall follows in the shot.
     */
    private BeatScene fallLaterInShot(BeatScene scene) {
        if (scene.motion() == Motion.FALL) {
            return null;
        }
        for (BeatScene later : scenes) {
            if (later.startSeconds() > scene.startSeconds() && later.shotStartSeconds() == scene.shotStartSeconds()
                    && later.motion() == Motion.FALL) {
                return later;
            }
        }
        return null;
    }

    /**
     * The fall that happened earlier in {@code scene}'s shot, whose aftermath this beat shows: a beat that names no
     * motion of its own, or any beat once the subject broke. Null when there is none.
     */
    private BeatScene fallEarlierInShot(BeatScene scene) {
        if (scene.motion() == Motion.FALL) {
            return null;
        }
        BeatScene fall = null;
        for (BeatScene earlier : scenes) {
            if (earlier.startSeconds() < scene.startSeconds() && earlier.shotStartSeconds() == scene.shotStartSeconds()
                    && earlier.motion() == Motion.FALL) {
                fall = earlier;
            }
        }
        return fall != null && (scene.motion() == Motion.SWAY || fall.shatters()) ? fall : null;
    }

    private void drawCaption(Canvas canvas, BeatScene scene) {
        if (scene.caption().isBlank()) {
            return;
        }
        int margin = Math.max(4, stage.shortSide() / 30);
        int advance = BitmapFont.ADVANCE * captionScale;
        int lineHeight = (BitmapFont.GLYPH_HEIGHT + 3) * captionScale;
        int maxChars = Math.max(4, (stage.width() - 4 * margin) / advance);
        List<String> lines = captions.computeIfAbsent(scene, s -> BitmapFont.wrap(s.caption(), maxChars, 3));
        int top = stage.height() - margin - lines.size() * lineHeight;
        int widest = lines.stream().mapToInt(String::length).max().orElse(0) * advance;
        int left = (stage.width() - widest) / 2;
        canvas.blendRect(left - margin, top - margin / 2, left + widest + margin, top + lines.size() * lineHeight, 0x000000, 0.55);
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            int x = (stage.width() - line.length() * advance) / 2;
            BitmapFont.draw(canvas, line, x, top + i * lineHeight + captionScale, captionScale, 0xF4F4F0);
        }
    }
}
