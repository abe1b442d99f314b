package dev.reelforge.media.animatic;

/**
 * The room behind the subject: a striped wall over a planked floor, brighter on the light's side, seen by a camera
 * that pans only when the storyboard moves it.
 * Light is separable (row colour × column factor), which keeps a 720×1280 frame to a few milliseconds.
 */
final class Backdrop {
    private Backdrop() {}

    static void paint(Canvas canvas, Stage stage, BeatScene.Palette palette, double cameraX, double zoom) {
        int width = canvas.width;
        int floor = (int) Math.round(stage.floorY());
        double period = Math.max(6, palette.stripePeriod() * stage.shortSide() * zoom);
        double plank = period * 2.3;
        int[] wallColumn = new int[width];
        int[] floorColumn = new int[width];
        for (int x = 0; x < width; x++) {
            double world = x + cameraX;
            double falloff = 1 - 0.16 * (palette.lightSide() < 0 ? x : width - 1 - x) / width;
            wallColumn[x] = (int) Math.round(256 * falloff * (1 + 0.07 * Math.sin(2 * Math.PI * world / period)));
            double seam = world - plank * Math.floor(world / plank);
            floorColumn[x] = (int) Math.round(256 * falloff * (seam < 2 ? 0.72 : 1.0));
        }
        for (int y = 0; y < canvas.height; y++) {
            int row;
            int[] column;
            if (y < floor) {
                row = mix(palette.wallTop(), palette.wallBottom(), (double) y / floor);
                column = wallColumn;
            } else {
                double depth = (double) (y - floor) / Math.max(1, canvas.height - floor);
                row = Canvas.lit(palette.floor(), 0.82 + 0.25 * depth);
                column = floorColumn;
            }
            if (y == floor || y == floor + 1) {
                row = Canvas.lit(palette.floor(), 0.5);
            }
            fillRow(canvas, y, row, column);
        }
    }

    private static void fillRow(Canvas canvas, int y, int color, int[] column) {
        int r = (color >> 16) & 0xff;
        int g = (color >> 8) & 0xff;
        int b = color & 0xff;
        byte[] rgb = canvas.rgb;
        int i = y * canvas.width * 3;
        for (int x = 0; x < canvas.width; x++, i += 3) {
            int f = column[x];
            rgb[i] = (byte) Math.min(255, (r * f) >> 8);
            rgb[i + 1] = (byte) Math.min(255, (g * f) >> 8);
            rgb[i + 2] = (byte) Math.min(255, (b * f) >> 8);
        }
    }

    private static int mix(int from, int to, double t) {
        return Canvas.rgb(
                lerp((from >> 16) & 0xff, (to >> 16) & 0xff, t),
                lerp((from >> 8) & 0xff, (to >> 8) & 0xff, t),
                lerp(from & 0xff, to & 0xff, t));
    }

    private static double lerp(int a, int b, double t) {
        return a + (b - a) * t;
    }
}
