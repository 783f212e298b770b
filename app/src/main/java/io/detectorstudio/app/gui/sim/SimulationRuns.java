package io.detectorstudio.app.gui.sim;

import io.detectorstudio.simulator.scenario.ScenarioInputs;
import io.detectorstudio.simulator.scenario.ScenarioReader;
import io.detectorstudio.simulator.session.Hit;
import io.detectorstudio.simulator.session.Position;
import io.detectorstudio.simulator.session.Session;
import io.detectorstudio.simulator.trace.TraceReader;
import io.detectorstudio.simulator.trace.TraceReplay;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * The workbench's long runs, on the worker that then has the session: each goes one cycle (or one trace record) at
 * a time, so between two it can stop for Pause, apply the UI's edits and publish its progress.
 */
final class SimulationRuns {

    /** A run: what the worker does (its result is the status line) and what the UI thread does afterwards. */
    record Job(Function<SessionOwner, String> work, Runnable finished) {
    }

    private final SimulationViewModel view;
    private final SessionOwner owner;

    SimulationRuns(SimulationViewModel view, SessionOwner owner) {
        this.view = view;
        this.owner = owner;
    }

    /** Continue: the history ahead, an interrupted operation's cycles and the script, to a breakpoint or the end. */
    Job resume() {
        return new Job(o -> {
            Session s = o.session();
            while (!o.cancelled()) {
                Position before = s.position();
                int known = s.cycleCount();
                Optional<Hit> hit = s.stepCycle();
                if (hit.isPresent()) {
                    return SimulationTexts.stopped(hit.get());
                }
                if (s.position().equals(before) && s.cycleCount() == known) {
                    return "Ran to the end (cycle " + s.position().cycle() + ")";
                }
                o.between("Running… cycle " + s.position().cycle());
            }
            return "Paused at cycle " + s.position().cycle();
        }, () -> { });
    }

    /** One tick of the playing clock; a breakpoint stops playing. */
    Job advance(long millis) {
        boolean[] stopped = new boolean[1];
        return new Job(o -> {
            o.session().advanceBy(millis);
            Optional<Hit> hit = o.session().stoppedAt();
            stopped[0] = hit.isPresent();
            return hit.map(SimulationTexts::stopped).orElse("Advanced " + Durations.format(millis));
        }, () -> {
            if (stopped[0]) {
                view.playingProperty().set(false);
            }
        });
    }

    /**
     * Reads a trace and drives the session with it record by record as it reads ({@link TraceReplay}: a record
     * whose trigger caused several cycles stands for the records they wrote). Streaming matters: a 100,000-record
     * trace held whole is a gigabyte of young objects for the GC to copy while the UI waits, and each record is read
     * only as far as replay needs it ({@link TraceReader#forReplay()}). A bad line stops the
     * replay there, with what came before it replayed.
     */
    Job replay(Path file, Runnable done, Consumer<String> failed) {
        String[] error = new String[1];
        return new Job(o -> {
            int[] read = {0};
            TraceReplay replay = new TraceReplay(o.session(), file);
            try {
                TraceReader.forReplay().read(file, line -> {
                    read[0]++;
                    if (!replay.accept(line)) {
                        return true; // written by the cycles of a trigger before it
                    }
                    o.between("Replaying " + file.getFileName() + ": record " + read[0]);
                    return !o.cancelled();
                });
                return o.cancelled() ? "Replay paused at record " + read[0]
                        : "Replayed " + file.getFileName() + " (" + read[0] + " records)";
            } catch (Exception e) {
                error[0] = e.getMessage();
                return "Cannot replay " + file.getFileName() + ": " + e.getMessage();
            }
        }, () -> {
            if (error[0] == null) {
                done.run();
            } else {
                failed.accept(error[0]);
            }
        });
    }

    /** Reads a scenario and queues its inputs. */
    Job scenario(Path file, Consumer<String> failed) {
        String[] error = new String[1];
        return new Job(o -> {
            try {
                var inputs = ScenarioInputs.of(new ScenarioReader().read(file));
                o.session().enqueue(inputs);
                return inputs.size() + " inputs queued from " + file.getFileName() + ": Step or Continue runs them";
            } catch (Exception e) {
                error[0] = e.getMessage();
                return "Cannot read " + file.getFileName() + ": " + e.getMessage();
            }
        }, () -> {
            if (error[0] != null) {
                failed.accept(error[0]);
            }
        });
    }
}
