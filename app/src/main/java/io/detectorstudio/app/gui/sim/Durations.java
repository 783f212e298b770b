package io.detectorstudio.app.gui.sim;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Parses the clock controls' durations: {@code 90} (seconds), {@code 30s}, {@code 5m}, {@code 1h30m}, {@code PT2M}. */
public final class Durations {

    private static final Pattern PARTS = Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*(ms|h|m|s)");

    private Durations() {
    }

    /** Milliseconds; throws IllegalArgumentException with what is accepted. */
    public static long parseMillis(String text) {
        String t = text == null ? "" : text.strip().toLowerCase();
        if (t.matches("\\d+(\\.\\d+)?")) {
            return Math.round(Double.parseDouble(t) * 1000);
        }
        if (t.startsWith("pt") || t.startsWith("p")) {
            try {
                return Duration.parse(t.toUpperCase()).toMillis();
            } catch (DateTimeParseException e) {
                throw invalid(text);
            }
        }
        Matcher m = PARTS.matcher(t.replace(" ", ""));
        long total = 0;
        int end = 0;
        while (m.find()) {
            if (m.start() != end) {
                throw invalid(text);
            }
            double n = Double.parseDouble(m.group(1));
            total += Math.round(n * switch (m.group(2)) {
                case "h" -> 3_600_000;
                case "m" -> 60_000;
                case "s" -> 1_000;
                default -> 1;
            });
            end = m.end();
        }
        if (end == 0 || end != t.replace(" ", "").length()) {
            throw invalid(text);
        }
        return total;
    }

    /** 65000 → "1m 5s". */
    public static String format(long millis) {
        long s = Math.max(0, millis) / 1000;
        if (s < 60) {
            return s + "s";
        }
        if (s < 3600) {
            return (s / 60) + "m" + (s % 60 == 0 ? "" : " " + (s % 60) + "s");
        }
        return (s / 3600) + "h" + ((s % 3600) / 60 == 0 ? "" : " " + (s % 3600) / 60 + "m");
    }

    private static IllegalArgumentException invalid(String text) {
        return new IllegalArgumentException("'" + text + "' is not a duration: use seconds (90), 30s, 5m, 1h30m or PT2M");
    }
}
