package jp.tabiji.web.map;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Cuts a polygon ring to a box (Sutherland–Hodgman, one box side at a time). A ring that leaves the box and comes
 * back keeps a run along the box's edge: invisible on a map drawn to that box, and always a valid ring.
 */
final class RingClip {
    private RingClip() {
    }

    /** The part of {@code ring} (closed or not) inside {@code box}, closed; empty when nothing of it is. */
    static Optional<double[][]> clip(double[][] ring, Extent box) {
        Extent own = Extent.around(ring);
        if (!own.overlaps(box)) {
            return Optional.empty();
        }
        List<double[]> pts = new ArrayList<>(List.of(ring));
        if (own.minLon() < box.minLon()) {
            pts = side(pts, 0, box.minLon(), true);
        }
        if (own.maxLon() > box.maxLon()) {
            pts = side(pts, 0, box.maxLon(), false);
        }
        if (own.minLat() < box.minLat()) {
            pts = side(pts, 1, box.minLat(), true);
        }
        if (own.maxLat() > box.maxLat()) {
            pts = side(pts, 1, box.maxLat(), false);
        }
        if (pts.size() < 3) {
            return Optional.empty();
        }
        double[] first = pts.get(0);
        double[] last = pts.get(pts.size() - 1);
        if (first[0] != last[0] || first[1] != last[1]) {
            pts.add(first);
        }
        return pts.size() < 4 ? Optional.empty() : Optional.of(pts.toArray(double[][]::new));
    }

    /** Keeps what lies on the inner side of the line {@code axis = at}. */
    private static List<double[]> side(List<double[]> in, int axis, double at, boolean keepAbove) {
        List<double[]> out = new ArrayList<>(in.size());
        for (int i = 0; i < in.size(); i++) {
            double[] cur = in.get(i);
            double[] prev = in.get((i + in.size() - 1) % in.size());
            boolean curIn = keepAbove ? cur[axis] >= at : cur[axis] <= at;
            boolean prevIn = keepAbove ? prev[axis] >= at : prev[axis] <= at;
            if (curIn != prevIn) {
                double t = (at - prev[axis]) / (cur[axis] - prev[axis]);
                double[] cut = {prev[0] + t * (cur[0] - prev[0]), prev[1] + t * (cur[1] - prev[1])};
                cut[axis] = at;
                out.add(cut);
            }
            if (curIn) {
                out.add(cur);
            }
        }
        return out;
    }
}
