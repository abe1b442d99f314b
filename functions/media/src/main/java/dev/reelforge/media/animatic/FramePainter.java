package dev.reelforge.media.animatic;

import dev.reelforge.core.media.Watermark;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Draws the clean picture at one moment: backdrop, table, the liquid a fall spilled, the cast's other people and
 * animals standing beside the subject, the subject (or its pieces) and the shot's caption. The
 * subject's story runs across the beats of a shot: it rests (or slides, rolls or spins) where a later fall starts,
 * and after a fall every later beat of the shot shows what the fall left (the bounce settling, the pieces scattering
 * and coming to rest).
 */
final class FramePainter {
    private final Stage stage;
    private final List<BeatScene> scenes;
    private final Map<BeatScene, List<String>> captions = new HashMap<>();
    private final Map<BeatScene, SubjectTrajectory> trajectories = new HashMap<>();
    private final Map<BeatScene, CastLayout> layouts = new HashMap<>();
    private final int captionScale;
    private final Cast cast;
    private final Filming filming;
    private byte[] scratch = new byte[0];

    FramePainter(Stage stage, List<BeatScene> scenes) {
        this(stage, scenes, Cast.NONE, CameraMove.STILL);
    }

    FramePainter(Stage stage, List<BeatScene> scenes, Cast cast, CameraMove camera) {
        this(stage, scenes, cast, Filming.everywhere(camera));
    }

    FramePainter(Stage stage, List<BeatScene> scenes, Cast cast, Filming filming) {
        this.stage = stage;
        this.scenes = List.copyOf(scenes);
        this.cast = cast;
        this.filming = filming;
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

    /**
     * Paints {@code scene} at {@code t}; a scene that is not one of the storyboard's (the {@code cut} defect's
     * cutaway) is another place, seen by a still camera: none of the cast, no spill, no camera move.
     */
    void paint(Canvas canvas, BeatScene scene, double t) {
        boolean elsewhere = !scenes.contains(scene);
        CameraMove filmedBy = elsewhere ? CameraMove.STILL : filming.at(scene.shotStartSeconds());
        double sweep = scene.panDirection() * stage.panSpeed() * (t - scene.shotStartSeconds());
        boolean orbit = filmedBy.move() == CameraMove.Move.ORBIT;
        double camera = orbit ? 0 : sweep;
        Backdrop.paint(
                canvas, stage, scene.palette(), orbit ? CameraMove.ORBIT_PARALLAX * sweep : sweep, scene.sizeFactor());
        BeatScene later = fallLaterInShot(scene);
        BeatScene earlier = later == null ? fallEarlierInShot(scene) : null;
        BeatScene story = later != null ? later : earlier != null ? earlier : scene;
        SubjectTrajectory.Pose pose = later != null
                ? trajectory(later).approach(scene, t)
                : trajectory(story).at(t);
        double lightSide = scene.palette().lightSide();
        if (!Double.isNaN(pose.ledgeY())) {
            double x = stage.width() * story.subjectX() - camera;
            int thickness = Math.max(4, stage.shortSide() / 28);
            int top = (int) pose.ledgeY();
            canvas.fillRect(0, top, (int) x, top + thickness, scene.palette().table());
            canvas.fillRect(
                    0,
                    top + thickness,
                    (int) x,
                    top + thickness + Math.max(2, thickness / 3),
                    Canvas.lit(scene.palette().table(), 0.6));
        }
        if (!elsewhere && story.motion() == Motion.FALL && scene.palette().liquid() != BeatScene.Palette.NO_LIQUID) {
            SpillPainter.paint(
                    canvas,
                    stage,
                    scene.palette().liquid(),
                    stage.width() * story.subjectX() - camera,
                    t - story.impactSeconds(),
                    stage.subjectHeight(story.shape(), story.sizeFactor()),
                    lightSide);
        }
        if (!elsewhere) {
            paintExtras(canvas, story, camera, lightSide, t);
        }
        for (SubjectTrajectory.Part part : pose.parts()) {
            SubjectTrajectory.Part onScreen =
                    new SubjectTrajectory.Part(part.x() - camera, part.bottomY(), part.angle(), part.scale());
            if (story.shape().isFigure() && cast.lead() != null && !elsewhere) {
                double scale = cast.extras().isEmpty() ? 1 : layout(story).leadScale();
                double height = stage.subjectHeight(story.shape(), story.sizeFactor()) * part.scale() * scale;
                FigurePainter.paint(
                        canvas,
                        stage,
                        cast.lead(),
                        height,
                        lightSide,
                        story.travelDirection(),
                        walking(story, part, height),
                        onScreen);
            } else {
                double yaw = filmedBy.yaw(t - scene.shotStartSeconds(), scene.panDirection());
                SubjectPainter.paint(
                        canvas,
                        stage,
                        story.shape(),
                        scene.palette().subject(),
                        story.sizeFactor(),
                        lightSide,
                        yaw,
                        onScreen);
            }
        }
        for (SubjectTrajectory.Shard shard : pose.shards()) {
            SubjectTrajectory.Shard onScreen =
                    new SubjectTrajectory.Shard(shard.x() - camera, shard.y(), shard.angle(), shard.xs(), shard.ys());
            ShardPainter.paint(canvas, stage, scene.palette().subject(), lightSide, onScreen);
        }
        film(canvas, filmedBy, scene, story, camera, t);
        drawCaption(canvas, scene);
    }

    /**
     * How far into its stride a figure that travels is, radians: one stride per 0.4 of its height travelled, so its
     * legs stop when it does; NaN for a figure that stays where it is.
     */
    private double walking(BeatScene story, SubjectTrajectory.Part part, double height) {
        if (story.motion() != Motion.SLIDE) {
            return Double.NaN;
        }
        double travelled = Math.abs(part.x() - stage.width() * story.subjectX());
        return Math.PI * travelled / (0.4 * height);
    }

    /** Films the drawn world with the camera's zoom and shake, about where the subject rests in this shot. */
    private void film(Canvas canvas, CameraMove filmedBy, BeatScene scene, BeatScene story, double camera, double t) {
        if (filmedBy.keepsThePicture()) {
            return;
        }
        if (scratch.length != canvas.rgb.length) {
            scratch = new byte[canvas.rgb.length];
        }
        double shotEnd = scene.endSeconds();
        for (BeatScene other : scenes) {
            if (other.shotStartSeconds() == scene.shotStartSeconds()) {
                shotEnd = Math.max(shotEnd, other.endSeconds());
            }
        }
        double progress = (t - scene.shotStartSeconds()) / Math.max(1e-6, shotEnd - scene.shotStartSeconds());
        double cx = stage.width() * story.subjectX() - camera;
        double cy = stage.floorY() - stage.subjectHeight(story.shape(), story.sizeFactor()) / 2;
        filmedBy.film(canvas, scratch, progress, t, cx, cy);
    }

    /**
     * Where the cast's other figures stand in {@code scene}'s framing: on the floor beside where the subject rests,
     * alternately to its right and left; a cast too wide for the frame is drawn smaller (a figure playing the subject
     * too), so all of it stays in the picture.
     */
    private CastLayout layout(BeatScene scene) {
        return layouts.computeIfAbsent(scene, s -> {
            List<Figure> extras = cast.extras();
            double centre = stage.width() * s.subjectX();
            double leadHalf = stage.subjectHeight(s.shape(), s.sizeFactor()) * s.shape().widthRatio / 2;
            double[] heights = new double[extras.size()];
            double[] offsets = new double[extras.size()];
            double right = leadHalf;
            double left = leadHalf;
            double gap = 0.04 * stage.shortSide();
            for (int i = 0; i < extras.size(); i++) {
                Figure figure = extras.get(i);
                heights[i] = stage.subjectHeight(figure.kind(), s.sizeFactor());
                double width = heights[i] * figure.kind().widthRatio;
                if (i % 2 == 0) {
                    offsets[i] = right + gap + width / 2;
                    right += gap + width;
                } else {
                    offsets[i] = -(left + gap + width / 2);
                    left += gap + width;
                }
            }
            double fit = Math.min(1, 0.9 * stage.width() / (left + right));
            double shift = Math.max(0.05 * stage.width() - (centre - left * fit), 0)
                    - Math.max((centre + right * fit) - 0.95 * stage.width(), 0);
            double[] xs = new double[extras.size()];
            for (int i = 0; i < extras.size(); i++) {
                xs[i] = centre + shift + offsets[i] * fit;
                heights[i] *= fit;
            }
            return new CastLayout(xs, heights, s.shape().isFigure() ? fit : 1);
        });
    }

    /** The extras' centres and heights, pixels, and the scale of a figure that plays the subject. */
    private record CastLayout(double[] xs, double[] heights, double leadScale) {}

    /** The cast's other figures, each facing the subject and breathing a little. */
    private void paintExtras(Canvas canvas, BeatScene scene, double camera, double lightSide, double t) {
        List<Figure> extras = cast.extras();
        if (extras.isEmpty()) {
            return;
        }
        CastLayout layout = layout(scene);
        double centre = stage.width() * scene.subjectX();
        for (int i = 0; i < extras.size(); i++) {
            double sway = 0.012 * Math.sin(2 * Math.PI * t / (2.6 + 0.3 * i) + i);
            FigurePainter.paint(
                    canvas,
                    stage,
                    extras.get(i),
                    layout.heights()[i],
                    lightSide,
                    layout.xs()[i] > centre ? -1 : 1,
                    new SubjectTrajectory.Part(layout.xs()[i] - camera, stage.floorY(), sway, 1));
        }
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
            if (later.startSeconds() > scene.startSeconds()
                    && later.shotStartSeconds() == scene.shotStartSeconds()
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
            if (earlier.startSeconds() < scene.startSeconds()
                    && earlier.shotStartSeconds() == scene.shotStartSeconds()
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
        int[] box = captionBox(scene);
        int margin = captionMargin();
        int lineHeight = (BitmapFont.GLYPH_HEIGHT + 3) * captionScale;
        int top = box[1] + margin / 2;
        canvas.blendRect(box[0], box[1], box[2], box[3], 0x000000, 0.55);
        List<String> lines = captionLines(scene);
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            int x = (stage.width() - line.length() * BitmapFont.ADVANCE * captionScale) / 2;
            BitmapFont.draw(canvas, line, x, top + i * lineHeight + captionScale, captionScale, 0xF4F4F0);
        }
    }

    /**
     * The caption's box {left, top, right, bottom}, centred low in the frame but above the band that post-processing
     * keeps for the disclosure label ({@link Watermark#DEFAULT}, in a bottom corner), so the two never overlap.
     */
    int[] captionBox(BeatScene scene) {
        int margin = captionMargin();
        int advance = BitmapFont.ADVANCE * captionScale;
        int lineHeight = (BitmapFont.GLYPH_HEIGHT + 3) * captionScale;
        List<String> lines = captionLines(scene);
        int bottom = stage.height() - watermarkBand();
        int top = bottom - lines.size() * lineHeight - margin / 2;
        int widest = lines.stream().mapToInt(String::length).max().orElse(0) * advance;
        int left = (stage.width() - widest) / 2;
        return new int[] {left - margin, top, left + widest + margin, bottom};
    }

    /** The label's height with its rounding to whole font pixels (up to 1.5x), and its margin on both sides. */
    private int watermarkBand() {
        Watermark label = Watermark.DEFAULT;
        return (int) Math.ceil(stage.shortSide() * (1.5 * label.heightFraction() + 2 * label.marginFraction()));
    }

    private int captionMargin() {
        return Math.max(4, stage.shortSide() / 30);
    }

    private List<String> captionLines(BeatScene scene) {
        int maxChars = Math.max(4, (stage.width() - 4 * captionMargin()) / (BitmapFont.ADVANCE * captionScale));
        return captions.computeIfAbsent(scene, s -> BitmapFont.wrap(s.caption(), maxChars, 3));
    }
}
