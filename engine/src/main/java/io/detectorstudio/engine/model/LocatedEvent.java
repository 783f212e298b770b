package io.detectorstudio.engine.model;

/**
 * An event of a detector model with where it is.
 *
 * @param path       absolute JSON path in request shape, e.g. {@code $.detectorModelDefinition.states[1].onInput.events[0]}
 * @param stateIndex index of the state in {@code states}
 * @param stateName  name of that state
 * @param list       which event list of the state holds it
 * @param index      index in that list
 * @param event      the event itself
 */
public record LocatedEvent(String path, int stateIndex, String stateName, State.EventList list, int index,
                           ModelEvent event) {

    /** JSON path of the event's condition. */
    public String conditionPath() {
        return path + ".condition";
    }

    /** JSON path of action {@code i} of the event. */
    public String actionPath(int i) {
        return path + ".actions[" + i + "]";
    }
}
