package jp.tabiji.ingest.registry;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A site's daily opening hours, minutes of the local day, {@code opens < closes ≤ 24:00}. */
public record OpenHours(int opensMin, int closesMin) {
    /** When the registry says nothing: most sights, shops and stations are staffed within these hours. */
    public static final OpenHours DEFAULT = new OpenHours(7 * 60, 22 * 60);
    private static final Pattern SPAN = Pattern.compile("(\\d{1,2}):(\\d{2})-(\\d{1,2}):(\\d{2})");

    public OpenHours {
        if (opensMin < 0 || closesMin > 24 * 60 || opensMin >= closesMin) {
            throw new IllegalArgumentException("opening hours must lie within one day, opening before closing");
        }
    }

    /** {@code HH:MM-HH:MM}, e.g. {@code 09:00-17:30}; blank means {@link #DEFAULT}. */
    public static OpenHours parse(String text) {
        if (text == null || text.isBlank()) {
            return DEFAULT;
        }
        Matcher m = SPAN.matcher(text.trim());
        if (!m.matches()) {
            throw new IllegalArgumentException("open_hours must read HH:MM-HH:MM, not '" + text.trim() + "'");
        }
        return new OpenHours(Integer.parseInt(m.group(1)) * 60 + Integer.parseInt(m.group(2)),
                Integer.parseInt(m.group(3)) * 60 + Integer.parseInt(m.group(4)));
    }

    @Override
    public String toString() {
        return String.format("%02d:%02d-%02d:%02d", opensMin / 60, opensMin % 60, closesMin / 60, closesMin % 60);
    }
}
