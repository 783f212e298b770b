package io.detectorstudio.simulator.scenario;

import java.util.List;

/** Scenario results as JUnit XML (one testsuite, one testcase per scenario) for CI systems. */
public final class JUnitReport {

    private JUnitReport() {
    }

    public static String xml(List<ScenarioResult> results) {
        long failed = results.stream().filter(r -> !r.passed()).count();
        double seconds = results.stream().mapToLong(ScenarioResult::elapsedNanos).sum() / 1e9;
        StringBuilder out = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        out.append(String.format(java.util.Locale.ROOT,
                "<testsuite name=\"detector-studio scenarios\" tests=\"%d\" failures=\"%d\" errors=\"0\" time=\"%.3f\">%n",
                results.size(), failed, seconds));
        for (ScenarioResult r : results) {
            out.append(String.format(java.util.Locale.ROOT, "  <testcase classname=\"%s\" name=\"%s\" time=\"%.3f\"",
                    escape(r.scenario().file().toString()), escape(r.scenario().name()), r.elapsedNanos() / 1e9));
            if (r.passed()) {
                out.append("/>\n");
                continue;
            }
            out.append(">\n");
            for (ScenarioResult.Failure f : r.failures()) {
                out.append("    <failure message=\"").append(escape(f.describe(r.scenario().name()))).append("\"/>\n");
            }
            out.append("  </testcase>\n");
        }
        return out.append("</testsuite>\n").toString();
    }

    private static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
