package io.detectorstudio.app.gui.sim;

import io.detectorstudio.simulator.session.Breakpoint;
import io.detectorstudio.simulator.session.Hit;

/** How the workbench words breakpoints and stops. */
public final class SimulationTexts {

    private SimulationTexts() {
    }

    public static String describe(Breakpoint b) {
        if (b instanceof Breakpoint.StateEntered e) {
            return "enter " + e.stateName();
        } else if (b instanceof Breakpoint.StateExited e) {
            return "exit " + e.stateName();
        } else if (b instanceof Breakpoint.EventFired e) {
            return "fired " + (e.stateName() == null ? "" : e.stateName() + " / ") + e.eventName();
        } else if (b instanceof Breakpoint.ConditionBecameTrue c) {
            return "became true " + c.eventName();
        } else if (b instanceof Breakpoint.ActionType a) {
            return "action " + a.type();
        } else if (b instanceof Breakpoint.Watch w) {
            return "watch " + w.expression();
        }
        return b.toString();
    }

    /** Where a breakpoint stopped the session, and how to go on. */
    static String stopped(Hit hit) {
        var at = hit.position();
        return "Breakpoint: " + hit.description() + (hit.keyValue() == null ? "" : " (" + hit.keyValue() + ")")
                + " at cycle " + at.cycle() + (at.complete() ? "" : ", step " + at.subStep())
                + " — Continue (F9) or Step (F8) goes on";
    }

    static boolean isStop(String status) {
        return status != null && status.startsWith("Breakpoint:");
    }
}
