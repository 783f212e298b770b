package io.detectorstudio.delivery.bindings;

import java.util.regex.Pattern;

/**
 * A pattern over action targets (ARNs, queue URLs, stream and table names, MQTT topics): {@code *} matches any run
 * of characters; for MQTT topics {@code +} matches one level and a final {@code #} any number of levels, as in MQTT
 * topic filters.
 */
public record TargetPattern(String text, Pattern regex) {

    public static TargetPattern of(String text) {
        StringBuilder re = new StringBuilder();
        String[] levels = text.split("/", -1);
        for (int i = 0; i < levels.length; i++) {
            String level = levels[i];
            if (i > 0) {
                re.append(level.equals("#") && i == levels.length - 1 ? "(/.*)?" : "/");
            }
            if (level.equals("#") && i == levels.length - 1) {
                if (i == 0) {
                    re.append(".*");
                }
                continue;
            }
            if (level.equals("+")) {
                re.append("[^/]*");
                continue;
            }
            for (String part : level.split("\\*", -1)) {
                re.append(Pattern.quote(part)).append(".*");
            }
            re.setLength(re.length() - 2); // no ".*" after the last part
        }
        return new TargetPattern(text, Pattern.compile(re.toString()));
    }

    public boolean matches(String target) {
        return target != null && regex.matcher(target).matches();
    }
}
