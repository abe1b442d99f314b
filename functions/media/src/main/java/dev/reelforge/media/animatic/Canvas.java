package dev.reelforge.media.animatic;

/** One rgb24 frame in memory, in the byte order FFmpeg's {@code -f rawvideo -pix_fmt rgb24} reads. */
final class Canvas {
    final int width;
    final int height;
    final byte[] rgb;

    Canvas(int width, int height) {
        this.width = width;
        this.height = height;
        this.rgb = new byte[width * height * 3];
    }

    void set(int x, int y, int color) {
        if (x < 0 || y < 0 || x >= width || y >= height) {
            return;
        }
        int i = (y * width + x) * 3;
        rgb[i] = (byte) (color >> 16);
        rgb[i + 1] = (byte) (color >> 8);
        rgb[i + 2] = (byte) color;
    }

    void fillRect(int x0, int y0, int x1, int y1, int color) {
        for (int y = Math.max(0, y0); y < Math.min(height, y1); y++) {
            for (int x = Math.max(0, x0); x < Math.min(width, x1); x++) {
                set(x, y, color);
            }
        }
    }

    /** Mixes {@code color} over the area with opacity {@code alpha} (0–1). */
    void blendRect(int x0, int y0, int x1, int y1, int color, double alpha) {
        int a = (int) Math.round(alpha * 256);
        for (int y = Math.max(0, y0); y < Math.min(height, y1); y++) {
            for (int x = Math.max(0, x0); x < Math.min(width, x1); x++) {
                int i = (y * width + x) * 3;
                rgb[i] = mix(rgb[i], color >> 16, a);
                rgb[i + 1] = mix(rgb[i + 1], color >> 8, a);
                rgb[i + 2] = mix(rgb[i + 2], color, a);
            }
        }
    }

    /** Mixes {@code color} over an ellipse with opacity {@code alpha} (0–1). */
    void blendEllipse(double cx, double cy, double rx, double ry, int color, double alpha) {
        if (rx <= 0 || ry <= 0) {
            return;
        }
        int a = (int) Math.round(alpha * 256);
        for (int y = Math.max(0, (int) Math.floor(cy - ry)); y <= Math.min(height - 1, (int) Math.ceil(cy + ry)); y++) {
            double dy = (y + 0.5 - cy) / ry;
            if (dy * dy > 1) {
                continue;
            }
            double half = rx * Math.sqrt(1 - dy * dy);
            for (int x = Math.max(0, (int) Math.round(cx - half));
                    x < Math.min(width, (int) Math.round(cx + half));
                    x++) {
                int i = (y * width + x) * 3;
                rgb[i] = mix(rgb[i], color >> 16, a);
                rgb[i + 1] = mix(rgb[i + 1], color >> 8, a);
                rgb[i + 2] = mix(rgb[i + 2], color, a);
            }
        }
    }

    /** Darkens an ellipse (a soft contact shadow) by up to {@code depth} (0–1) at its centre. */
    void shadow(double cx, double cy, double rx, double ry, double depth) {
        for (int y = (int) (cy - ry); y <= (int) (cy + ry); y++) {
            for (int x = (int) (cx - rx); x <= (int) (cx + rx); x++) {
                double dx = (x - cx) / rx;
                double dy = (y - cy) / ry;
                double d = dx * dx + dy * dy;
                if (d < 1 && x >= 0 && y >= 0 && x < width && y < height) {
                    int keep = (int) Math.round(256 * (1 - depth * (1 - d)));
                    int i = (y * width + x) * 3;
                    for (int c = 0; c < 3; c++) {
                        rgb[i + c] = (byte) (((rgb[i + c] & 0xff) * keep) >> 8);
                    }
                }
            }
        }
    }

    static int rgb(double r, double g, double b) {
        return (clamp(r) << 16) | (clamp(g) << 8) | clamp(b);
    }

    /** {@code color} with each channel scaled by {@code light} (1 = unchanged). */
    static int lit(int color, double light) {
        return rgb(((color >> 16) & 0xff) * light, ((color >> 8) & 0xff) * light, (color & 0xff) * light);
    }

    /** HSV (each 0–1, hue wraps) to packed RGB. */
    static int hsv(double hue, double saturation, double value) {
        double h = (hue - Math.floor(hue)) * 6;
        int sector = (int) h;
        double f = h - sector;
        double p = value * (1 - saturation);
        double q = value * (1 - saturation * f);
        double t = value * (1 - saturation * (1 - f));
        double[] c = switch (sector) {
            case 0 -> new double[] {value, t, p};
            case 1 -> new double[] {q, value, p};
            case 2 -> new double[] {p, value, t};
            case 3 -> new double[] {p, q, value};
            case 4 -> new double[] {t, p, value};
            default -> new double[] {value, p, q};
        };
        return rgb(c[0] * 255, c[1] * 255, c[2] * 255);
    }

    static int clamp(double v) {
        return v <= 0 ? 0 : v >= 255 ? 255 : (int) Math.round(v);
    }

    private static byte mix(byte under, int over, int alpha) {
        int u = under & 0xff;
        return (byte) (u + ((((over & 0xff) - u) * alpha) >> 8));
    }
}
