package io.detectorstudio.editor.dev;

import io.detectorstudio.editor.document.ModelDocument;
import io.detectorstudio.editor.document.ModelGraphs;
import io.detectorstudio.editor.graph.DiagramGraph;
import io.detectorstudio.editor.layout.DiagramLayout;
import io.detectorstudio.editor.layout.ElkLayouter;
import io.detectorstudio.editor.layout.LayoutSidecar;
import io.detectorstudio.engine.io.LoadedModel;
import io.detectorstudio.engine.io.ModelLoader;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Measures opening a model that has no layout sidecar, so ELK lays it out (docs/performance.md, "Editor: open and
 * lay out the largest model"): {@link ModelDocument#open} = read and check the file, build the typed model and its
 * graph, ELK layered layout. No JavaFX toolkit is started (the document uses only javafx.base properties).
 *
 * <p>The first model argument is opened first in the fresh JVM ("cold": class loading, ELK's registry, no JIT —
 * what a user feels on the first open of a session); then every model is opened 200 times and ELK alone is timed
 * 200 times ("warm", first 100 of each dropped). Run with the test classpath:
 * {@code java -cp <test classpath> io.detectorstudio.editor.dev.OpenAndLayoutTiming MODEL.json [MODEL.json…]}
 */
public final class OpenAndLayoutTiming {

    private OpenAndLayoutTiming() {
    }

    public static void main(String[] args) throws Exception {
        long mainAt = System.nanoTime();
        long jvmUptime = ManagementFactory.getRuntimeMXBean().getUptime();
        List<Path> models = new ArrayList<>();
        Path dir = Files.createTempDirectory("open-timing");
        for (String arg : args) {
            // a copy alone in a new folder: no sidecar, so every open runs ELK (LayoutSidecar is not touched here, so
            // its Jackson set-up counts in the cold figure as it does for a user)
            Path copy = dir.resolve(Path.of(arg).getFileName());
            Files.copy(Path.of(arg), copy);
            models.add(copy);
        }

        if (Boolean.getBoolean("timing.phases")) {
            phases(models.get(0));
            return;
        }
        if (Boolean.getBoolean("timing.warmUpLayout")) {
            // what the app does at start, on a background thread, before the user can open anything
            io.detectorstudio.editor.layout.ElkLayouter.warmUp();
        }
        long t0 = System.nanoTime();
        ModelDocument first = ModelDocument.open(models.get(0));
        long cold = System.nanoTime() - t0;
        DiagramGraph g = first.graphProperty().get();
        t0 = System.nanoTime();
        ModelDocument.open(models.get(0));
        long second = System.nanoTime() - t0;
        System.out.printf("JVM start -> main: %d ms; main -> first open done: %.1f ms%n", jvmUptime,
                (System.nanoTime() - mainAt - second) / 1e6);
        System.out.printf("cold: first open + ELK of %s (%d states, %d transitions): %.1f ms; second open: %.1f ms%n",
                models.get(0).getFileName(), g.states().size(), g.transitions().size(), cold / 1e6, second / 1e6);

        for (Path model : models) {
            long[] open = new long[200];
            for (int i = 0; i < open.length; i++) {
                long s = System.nanoTime();
                ModelDocument.open(model);
                open[i] = System.nanoTime() - s;
            }
            DiagramGraph graph = ModelDocument.open(model).graphProperty().get();
            long[] elk = new long[200];
            for (int i = 0; i < elk.length; i++) {
                long s = System.nanoTime();
                ElkLayouter.arrange(graph);
                elk[i] = System.nanoTime() - s;
            }
            System.out.printf("warm %s (%d states, %d transitions)%n", model.getFileName(), graph.states().size(),
                    graph.transitions().size());
            report("  open + ELK", Arrays.copyOfRange(open, 100, 200));
            report("  ELK arrange alone", Arrays.copyOfRange(elk, 100, 200));
        }
    }

    /** Where the cold open goes: the same steps as {@link ModelDocument#open}, timed one by one. */
    private static void phases(Path model) throws Exception {
        long t0 = System.nanoTime();
        byte[] bytes = Files.readAllBytes(model);
        LoadedModel loaded = new ModelLoader().load(model, bytes).model(null);
        long t1 = System.nanoTime();
        LayoutSidecar.read(LayoutSidecar.sidecarFor(model));
        long t2 = System.nanoTime();
        DiagramGraph unplaced = ModelGraphs.derive(loaded.model(), DiagramGraph.EMPTY);
        long t3 = System.nanoTime();
        Class.forName(ElkLayouter.class.getName(), true, OpenAndLayoutTiming.class.getClassLoader());
        long t4 = System.nanoTime();
        DiagramGraph arranged = ElkLayouter.arrange(unplaced);
        long t5 = System.nanoTime();
        new ModelDocument(loaded, List.of(), DiagramLayout.of(arranged, 1.0), bytes);
        long t6 = System.nanoTime();
        System.out.printf("cold phases of %s: read + check model %.0f ms, sidecar lookup %.0f ms, graph %.0f ms, "
                + "ELK set-up (class init, option registry) %.0f ms, first ELK layout %.0f ms, document %.0f ms, "
                + "total %.0f ms%n", model.getFileName(), (t1 - t0) / 1e6, (t2 - t1) / 1e6, (t3 - t2) / 1e6,
                (t4 - t3) / 1e6, (t5 - t4) / 1e6, (t6 - t5) / 1e6, (t6 - t0) / 1e6);
    }

    private static void report(String what, long[] nanos) {
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        System.out.printf("%s: p50 %.2f ms, p95 %.2f ms, max %.2f ms (n=%d)%n", what, sorted[sorted.length / 2] / 1e6,
                sorted[(int) (sorted.length * 0.95)] / 1e6, sorted[sorted.length - 1] / 1e6, sorted.length);
    }
}
