package io.detectorstudio.app.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.util.LinkedHashMap;
import java.util.Map;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.layout.Region;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Issue 15, defect 5 / flow (e): the dark theme is complete — headers, labels, the problems table's header and the
 * diagram canvas are dark with readable text, checked on the screen's pixels — and so is the light theme after
 * View ▸ Light / dark theme; no stylesheet warning at any point (AppDriver fails the test on one).
 */
class ThemesE2E {

    @RegisterExtension
    static final AppDriver app = AppDriver.withSample("motor").withPreferences(p -> p.put("theme", "DARK"));

    @Test
    void darkThenLightThemeColourEveryPartReadably() {
        app.waitUntil("the motor model is drawn", () -> app.robot().lookup(".transition-edge").tryQuery().isPresent());
        app.waitUntil("the window has settled", () -> app.stage().getWidth() > 1000);
        app.robot().clickOn(state("Normal"));
        app.waitUntil("the state's panel", () -> app.robot().lookup("#onEnter").tryQuery().isPresent());

        Map<String, Contrast> dark = measure();
        app.screenshot("ThemesE2E.dark");
        dark.forEach((part, c) -> {
            assertThat(c.background()).as("dark theme, %s background (%s)", part, c).isLessThan(0.2);
            assertThat(c.ratio()).as("dark theme, %s text (%s)", part, c).isGreaterThanOrEqualTo(4.5);
        });

        app.clickMenu("View", "Light / dark theme");
        app.waitUntil("the light theme", () -> app.preferences().get("theme", "").equals("LIGHT"));
        Map<String, Contrast> light = measure();
        light.forEach((part, c) -> {
            assertThat(c.background()).as("light theme, %s background (%s)", part, c).isGreaterThan(0.6);
            assertThat(c.ratio()).as("light theme, %s text (%s)", part, c).isGreaterThanOrEqualTo(4.5);
        });
    }

    /** Contrast of each part of the window, read off a screenshot. */
    private Map<String, Contrast> measure() {
        Map<String, Node> parts = new LinkedHashMap<>();
        parts.put("'Project' header", label("Project"));
        parts.put("'Outline' header", label("Outline"));
        parts.put("'Palette' header", label("Palette"));
        parts.put("properties label 'Name'", app.robot().from(app.robot().lookup("#properties").queryParent())
                .lookup((Node n) -> n instanceof Label l && "Name".equals(l.getText())).query());
        parts.put("problems table header", app.robot().lookup("#problems .column-header")
                .match((Region r) -> r.getWidth() > 100).query());
        parts.put("state 'Normal' on the canvas", state("Normal"));
        parts.put("canvas", app.robot().lookup(".diagram-canvas").query());
        Map<String, Bounds> bounds = new LinkedHashMap<>();
        parts.forEach((name, node) -> bounds.put(name, app.onFx(() -> node.localToScreen(node.getBoundsInLocal()))));
        BufferedImage screen = app.onFx(Screenshots::captureScreen);
        Map<String, Contrast> out = new LinkedHashMap<>();
        bounds.forEach((name, b) -> assertThat(b.getWidth() * b.getHeight()).as("%s on screen: %s", name, b)
                .isGreaterThan(20));
        bounds.forEach((name, b) -> out.put(name, name.equals("canvas")
                ? new Contrast(Contrast.of(screen, b).background(), 0, 21) // the canvas: its background only
                : Contrast.of(screen, b)));
        return out;
    }

    private static Node label(String text) {
        return app.robot().lookup((Node n) -> n instanceof Label l && text.equals(l.getText())).query();
    }

    private static Node state(String name) {
        return app.robot().lookup(".state-node").match(n -> name.equals(n.getUserData())).query();
    }
}
