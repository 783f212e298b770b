package io.detectorstudio.editor.properties;

import io.detectorstudio.editor.document.ActionRef;
import io.detectorstudio.editor.document.EventRef;

/** What the properties pane shows: the model, a state, an event (or transition), an action, or the inputs. */
public sealed interface PropertyTarget {

    /** The model's own members (name, description, key, evaluation method, role). */
    record Model() implements PropertyTarget {
    }

    record State(String name) implements PropertyTarget {
    }

    record Event(EventRef ref) implements PropertyTarget {
    }

    record Action(ActionRef ref) implements PropertyTarget {
    }

    /** The input definitions that go with the model. */
    record Inputs() implements PropertyTarget {
    }

    PropertyTarget MODEL = new Model();
    PropertyTarget INPUTS = new Inputs();
}
