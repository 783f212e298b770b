package io.detectorstudio.server;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The restJson1 routes of both service models (semantics §D.1) on one port: method + path template → operation
 * name. A path no operation has is {@code UnknownOperationException} (404); a known path with another method is
 * {@code MethodNotAllowedException} (405) naming the methods it takes.
 */
public final class Router {

    /** A matched route: the operation and its path parameters, URL-decoded. */
    public record Match(String operation, Map<String, String> pathParameters) { }

    private record Route(String method, String template, Pattern pattern, List<String> names, String operation) { }

    private final List<Route> routes = new ArrayList<>();

    public Router() {
        // data plane (iotevents-data); listed first: POST /inputs/messages is not an input name
        add("POST", "/inputs/messages", "BatchPutMessage");
        add("POST", "/detectors", "BatchUpdateDetector");
        add("POST", "/detectors/delete", "BatchDeleteDetector");
        add("GET", "/detectors/{detectorModelName}/keyValues", "DescribeDetector");
        add("GET", "/detectors/{detectorModelName}", "ListDetectors");
        // control plane (iotevents)
        add("POST", "/detector-models", "CreateDetectorModel");
        add("GET", "/detector-models", "ListDetectorModels");
        add("GET", "/detector-models/{detectorModelName}", "DescribeDetectorModel");
        add("POST", "/detector-models/{detectorModelName}", "UpdateDetectorModel");
        add("DELETE", "/detector-models/{detectorModelName}", "DeleteDetectorModel");
        add("GET", "/detector-models/{detectorModelName}/versions", "ListDetectorModelVersions");
        add("POST", "/inputs", "CreateInput");
        add("GET", "/inputs", "ListInputs");
        add("GET", "/inputs/{inputName}", "DescribeInput");
        add("PUT", "/inputs/{inputName}", "UpdateInput");
        add("DELETE", "/inputs/{inputName}", "DeleteInput");
        add("POST", "/input-routings", "ListInputRoutings");
        add("GET", "/tags", "ListTagsForResource");
        add("POST", "/tags", "TagResource");
        add("DELETE", "/tags", "UntagResource");
        add("POST", "/analysis/detector-models", "StartDetectorModelAnalysis");
        add("GET", "/analysis/detector-models/{analysisId}", "DescribeDetectorModelAnalysis");
        add("GET", "/analysis/detector-models/{analysisId}/results", "GetDetectorModelAnalysisResults");
        // in the service models, not emulated: answered with UnsupportedOperationException (501)
        add("GET", "/logging", "DescribeLoggingOptions");
        add("PUT", "/logging", "PutLoggingOptions");
        add("POST", "/alarm-models", "CreateAlarmModel");
        add("GET", "/alarm-models", "ListAlarmModels");
        add("GET", "/alarm-models/{alarmModelName}", "DescribeAlarmModel");
        add("POST", "/alarm-models/{alarmModelName}", "UpdateAlarmModel");
        add("DELETE", "/alarm-models/{alarmModelName}", "DeleteAlarmModel");
        add("GET", "/alarm-models/{alarmModelName}/versions", "ListAlarmModelVersions");
        add("GET", "/alarms/{alarmModelName}", "ListAlarms");
        add("GET", "/alarms/{alarmModelName}/keyValues", "DescribeAlarm");
        for (String action : List.of("acknowledge", "disable", "enable", "reset", "snooze")) {
            add("POST", "/alarms/" + action, "Batch" + Character.toUpperCase(action.charAt(0)) + action.substring(1)
                    + "Alarm");
        }
        // the emulator's own
        add("GET", "/health", "Health");
    }

    private void add(String method, String template, String operation) {
        List<String> names = new ArrayList<>();
        Matcher m = Pattern.compile("\\{(\\w+)}").matcher(template);
        StringBuilder regex = new StringBuilder();
        int last = 0;
        while (m.find()) {
            regex.append(Pattern.quote(template.substring(last, m.start()))).append("([^/]+)");
            names.add(m.group(1));
            last = m.end();
        }
        regex.append(Pattern.quote(template.substring(last)));
        routes.add(new Route(method, template, Pattern.compile(regex.toString()), names, operation));
    }

    /** The operation for METHOD PATH (the raw, still URL-encoded path; one trailing slash is ignored). */
    public Match route(String method, String rawPath) {
        String path = rawPath.length() > 1 && rawPath.endsWith("/") ? rawPath.substring(0, rawPath.length() - 1) : rawPath;
        Set<String> allowed = new LinkedHashSet<>();
        for (Route route : routes) {
            Matcher m = route.pattern.matcher(path);
            if (!m.matches()) {
                continue;
            }
            if (!route.method.equals(method)) {
                allowed.add(route.method);
                continue;
            }
            Map<String, String> parameters = new LinkedHashMap<>();
            for (int i = 0; i < route.names.size(); i++) {
                parameters.put(route.names.get(i), URLDecoder.decode(m.group(i + 1).replace("+", "%2B"),
                        StandardCharsets.UTF_8));
            }
            return new Match(route.operation, parameters);
        }
        if (!allowed.isEmpty()) {
            throw Errors.methodNotAllowed(method + " is not a method of " + rawPath + "; it takes "
                    + String.join(", ", allowed));
        }
        throw Errors.unknownOperation("no IoT Events operation at " + method + " " + rawPath);
    }
}
