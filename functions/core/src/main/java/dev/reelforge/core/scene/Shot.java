package dev.reelforge.core.scene;

/**
 * One continuous take: a span of the clip framed one way. Shots are not beats: a storyboard's beats say what
 * happens, and several of them may play in one shot; a cut is expected only where a shot starts.
 */
public record Shot(double startSeconds, double endSeconds, ShotSize framing) {
    public Shot {
        if (startSeconds < 0 || endSeconds <= startSeconds) {
            throw new IllegalArgumentException("shot must end after it starts: " + startSeconds + "–" + endSeconds);
        }
    }
}
