package dev.reelforge.media.animatic;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Draws the clean picture at one moment: backdrop, ledge, subject (or its pieces) and the beat's caption. */
final class FramePainter {
    private final Stage stage;
    private final List<BeatScene> scenes;
    private final Map<BeatScene, List<String>> captions = new HashMap<>();
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
        Backdrop.paint(canvas, stage, scene.palette(), camera);
        BeatScene fall = fallLaterInShot(scene);
        SubjectTrajectory.Pose pose = fall == null ? SubjectTrajectory.at(scene, stage, t) : restingBefore(fall);
        if (!Double.isNaN(pose.ledgeY())) {
            double x = stage.width() * scene.subjectX() - camera;
            int shelf = Canvas.lit(scene.palette().floor(), 0.8);
            int thickness = Math.max(3, stage.shortSide() / 60);
            canvas.fillRect(0, (int) pose.ledgeY(), (int) x, (int) pose.ledgeY() + thickness, shelf);
        }
        for (SubjectTrajectory.Part part : pose.parts()) {
            SubjectTrajectory.Part onScreen = new SubjectTrajectory.Part(part.x() - camera, part.bottomY(), part.angle(), part.scale());
            SubjectPainter.paint(canvas, stage, scene.shape(), scene.palette().subject(), scene.sizeFactor(), onScreen);
        }
        drawCaption(canvas, scene);
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

    /** Where the fall starts: the subject rests there, still, until it falls. */
    private SubjectTrajectory.Pose restingBefore(BeatScene fall) {
        return SubjectTrajectory.at(fall, stage, fall.startSeconds());
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
