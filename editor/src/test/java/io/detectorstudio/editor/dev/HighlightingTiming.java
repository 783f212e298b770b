package io.detectorstudio.editor.dev;

import io.detectorstudio.editor.expression.ExpressionAnalysis;
import io.detectorstudio.editor.expression.ExpressionAnalyzer;
import io.detectorstudio.editor.expression.ExpressionStyles;
import io.detectorstudio.editor.expression.TemplateArea;
import io.detectorstudio.engine.model.FieldKind;
import java.util.Arrays;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.stage.Stage;

/**
 * Measures typing in a 5,000-character payload template (docs/performance.md, "Expression editor"): the FX-thread
 * time of one keystroke, the background analysis time, and the delay from the last keystroke to the new colours.
 * Run headless with the test classpath and the parent pom's {@code headless.argLine}:
 * {@code java <headless flags> -cp <test classpath> io.detectorstudio.editor.dev.HighlightingTiming}
 */
public final class HighlightingTiming {

    private static final String PART =
            "{\"motor\": \"${$input.PressureInput.motorid}\", \"pressure\": ${$input.PressureInput.sensorData.pressure}, "
            + "\"breached\": ${$variable.pressureThresholdBreached > 1}}\n";

    private HighlightingTiming() {
    }

    public static void main(String[] args) throws Exception {
        String text = PART.repeat(5_000 / PART.length() + 1).substring(0, 5_000);
        System.out.printf("text: %,d chars%n", text.length());

        long[] analysis = new long[200];
        for (int i = 0; i < analysis.length; i++) {
            long t0 = System.nanoTime();
            ExpressionAnalysis a = ExpressionAnalyzer.analyze(text + i, FieldKind.TEMPLATE);
            ExpressionStyles.spans(a, true);
            analysis[i] = System.nanoTime() - t0;
        }
        report("analysis + style spans (background thread)", Arrays.copyOfRange(analysis, 100, 200));

        CountDownLatch started = new CountDownLatch(1);
        Platform.startup(started::countDown);
        started.await();
        TemplateArea[] area = new TemplateArea[1];
        onFx(() -> {
            area[0] = new TemplateArea(FieldKind.TEMPLATE);
            Stage stage = new Stage();
            stage.setScene(new Scene(area[0], 800, 600));
            stage.show();
            area[0].setText(text);
        });
        Thread.sleep(1_000);

        long[] keystroke = new long[300];
        long[] latency = new long[20];
        AtomicLong applied = new AtomicLong();
        AtomicReference<CountDownLatch> shownLatch = new AtomicReference<>(new CountDownLatch(1));
        onFx(() -> area[0].analysisProperty().addListener((o, was, now) -> {
            applied.set(System.nanoTime());
            shownLatch.get().countDown();
        }));
        for (int round = 0; round < latency.length; round++) {
            CountDownLatch shown = new CountDownLatch(1);
            shownLatch.set(shown);
            long lastKey = 0;
            for (int k = 0; k < 15; k++) { // a burst of typing, one key per FX pulse
                int at = 37 + (round * 97 + k) % 4_000;
                long[] took = new long[1];
                onFx(() -> {
                    long t0 = System.nanoTime();
                    area[0].area().replaceText(at, at, "x");
                    took[0] = System.nanoTime() - t0;
                });
                keystroke[round * 15 + k] = took[0];
                lastKey = System.nanoTime();
                Thread.sleep(16);
            }
            if (!shown.await(5, TimeUnit.SECONDS)) {
                throw new IllegalStateException("highlighting never arrived");
            }
            latency[round] = applied.get() - lastKey;
        }
        report("keystroke on the FX thread (replaceText, 5,000 chars)", Arrays.copyOfRange(keystroke, 30, 300));
        report("last keystroke -> new colours shown (includes the 150 ms pause)", Arrays.copyOfRange(latency, 2, 20));

        long[] syncApply = new long[50];
        for (int i = 0; i < syncApply.length; i++) {
            String edited = text + i;
            long[] took = new long[1];
            onFx(() -> {
                long t0 = System.nanoTime();
                ExpressionAnalysis a = ExpressionAnalyzer.analyze(edited, FieldKind.TEMPLATE);
                area[0].area().setStyleSpans(0, ExpressionStyles.spans(a, true).subView(0, text.length()));
                took[0] = System.nanoTime() - t0;
            });
            syncApply[i] = took[0];
        }
        report("for comparison: analysis + setStyleSpans if done on the FX thread", Arrays.copyOfRange(syncApply, 10, 50));
        Platform.exit();
    }

    private static void onFx(Runnable r) throws InterruptedException {
        CountDownLatch done = new CountDownLatch(1);
        Platform.runLater(() -> {
            try {
                r.run();
            } finally {
                done.countDown();
            }
        });
        done.await();
    }

    private static void report(String what, long[] nanos) {
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        System.out.printf("%-70s p50 %7.3f ms  p95 %7.3f ms  max %7.3f ms  (n=%d)%n", what, sorted[sorted.length / 2] / 1e6,
                sorted[(int) (sorted.length * 0.95)] / 1e6, sorted[sorted.length - 1] / 1e6, sorted.length);
    }
}
