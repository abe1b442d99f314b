package dev.reelforge.core.scene;

/**
 * One continuous take: a span of the clip framed one way, filmed by its {@code camera} (what its beats say the camera
 * does, else what the storyboard's description says). Shots are not beats: a storyboard's beats say what happens, and
 * several of them may play in one shot; a cut is expected only where a shot starts.
 */
public record Shot(double startSeconds, double endSeconds, ShotSize framing, Camera camera) {
    private static final Camera UNSPECIFIED = new Camera(Camera.Move.UNSPECIFIED, Camera.Stability.UNSPECIFIED, null);

    public Shot {
        if (startSeconds < 0 || endSeconds <= startSeconds) {
            throw new IllegalArgumentException("shot must end after it starts: " + startSeconds + "–" + endSeconds);
        }
        camera = camera == null ? UNSPECIFIED : camera;
    }

    /** A shot whose camera nothing describes. */
    public Shot(double startSeconds, double endSeconds, ShotSize framing) {
        this(startSeconds, endSeconds, framing, UNSPECIFIED);
    }
}
