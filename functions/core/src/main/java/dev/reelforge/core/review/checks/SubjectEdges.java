package dev.reelforge.core.review.checks;

/**
 * Where the picture's subject is, frame by frame, for the framing check: the thumbnail pixels that sit on an edge or a
 * texture (the 4-neighbour Laplacian of luma reaches {@value #EDGE_LEVELS} levels), their share of the frame and
 * their centroid. A featureless background (fog, a plain sky, a wall far out of focus, what is left when the subject
 * has slid out of the frame) still has shading, but shading is smooth: the Laplacian of a ramp is zero. The mean
 * gradient of log luma, read before, counted that shading as detail, so a screen recording whose picture had slid out
 * over its own blurred copy kept 40 % of its detail and passed; under 0.4 % of its pixels are on edges, against
 * 15–74 % in clean natural frames. Frames beyond the thumbnails have no edges and a centred centroid.
 */
final class SubjectEdges {
    /**
     * A pixel is on an edge when its luma differs from its four neighbours' by this much in sum: a step of 8 levels
     * (3 % of the range) at thumbnail size, well above the thumbnails' rounding (±0.5 level a pixel).
     */
    static final double EDGE_LEVELS = 8;

    /** Per frame, the share of the thumbnail's pixels on an edge, 0–1. */
    final double[] share;
    /** Per frame, where the edge pixels sit: their mean position as a share of the width and of the height. */
    final double[] centroidX;

    final double[] centroidY;

    private SubjectEdges(int frames) {
        share = new double[frames];
        centroidX = new double[frames];
        centroidY = new double[frames];
    }

    static SubjectEdges of(FramePictures pictures, int frames) {
        SubjectEdges edges = new SubjectEdges(frames);
        int w = pictures.thumbnails().width();
        int h = pictures.thumbnails().height();
        int available = Math.min(frames, pictures.thumbnails().frameCount());
        for (int i = 0; i < frames; i++) {
            edges.centroidX[i] = 0.5;
            edges.centroidY[i] = 0.5;
            if (i >= available) {
                continue;
            }
            int count = 0;
            double sx = 0;
            double sy = 0;
            for (int y = 0; y < h; y++) {
                for (int x = 0; x < w; x++) {
                    double centre = pictures.y(i, y * w + x);
                    double laplacian = 4 * centre
                            - pictures.y(i, y * w + Math.max(0, x - 1))
                            - pictures.y(i, y * w + Math.min(w - 1, x + 1))
                            - pictures.y(i, Math.max(0, y - 1) * w + x)
                            - pictures.y(i, Math.min(h - 1, y + 1) * w + x);
                    if (Math.abs(laplacian) > EDGE_LEVELS) {
                        count++;
                        sx += x + 0.5;
                        sy += y + 0.5;
                    }
                }
            }
            edges.share[i] = (double) count / (w * h);
            if (count > 0) {
                edges.centroidX[i] = sx / count / w;
                edges.centroidY[i] = sy / count / h;
            }
        }
        return edges;
    }
}
