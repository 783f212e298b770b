package io.detectorstudio.editor.properties;

import io.detectorstudio.editor.document.ActionRef;
import io.detectorstudio.editor.document.ModelDocument;
import io.detectorstudio.editor.expression.ModelSymbols;
import io.detectorstudio.engine.model.Action;
import io.detectorstudio.engine.model.FieldKind;
import io.detectorstudio.engine.model.Payload;
import java.util.List;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.UnaryOperator;

/**
 * Binds rows of a {@link Form} to the fields of one action record of type {@code A}: each row reads with a getter
 * and commits a copy made by a "with" function, as one command. Row ids are {@code <key>-<member>}.
 */
final class ActionBinder<A extends Action> {
    private final Form form;
    private final ModelDocument document;
    private final ActionRef ref;
    private final Class<A> type;
    private final String key;
    private final String structure;

    ActionBinder(Form form, ModelDocument document, ActionRef ref, Class<A> type, String key) {
        this.form = form;
        this.document = document;
        this.ref = ref;
        this.type = type;
        this.key = key;
        this.structure = FieldRules.ACTION_SHAPES.get(key);
    }

    Optional<A> current() {
        return ref.resolve(document.model()).filter(type::isInstance).map(type::cast);
    }

    boolean commit(String member, UnaryOperator<A> change) {
        return document.edit("Edit " + key + " " + member,
                m -> ref.update(m, a -> type.isInstance(a) ? change.apply(type.cast(a)) : a));
    }

    /** A literal text member of the action structure. */
    void text(String member, Function<A, String> get, BiFunction<A, String, A> with, FieldRules.Check extra) {
        text(structure, member, member, get, with, extra);
    }

    /** A literal text member of a nested structure (label and id say where). */
    void text(String shape, String member, String label, Function<A, String> get, BiFunction<A, String, A> with,
              FieldRules.Check extra) {
        boolean required = FieldRules.isRequired(shape, member);
        form.text(label, key + "-" + label, TextInputs.plain(), FieldRules.member(shape, member).and(extra), required,
                !required, () -> current().map(get).orElse(null), v -> commit(label, a -> with.apply(a, v)));
    }

    void expression(String member, FieldKind kind, Function<A, String> get, BiFunction<A, String, A> with) {
        expression(structure, member, member, kind, get, with);
    }

    void expression(String shape, String member, String label, FieldKind kind, Function<A, String> get,
                    BiFunction<A, String, A> with) {
        boolean required = FieldRules.isRequired(shape, member);
        form.text(label, key + "-" + label, TextInputs.expression(kind, ModelSymbols.from(document.model(), document.inputs())),
                FieldRules.member(shape, member).and(FieldRules.syntax(kind)), required, !required,
                () -> current().map(get).orElse(null), v -> commit(label, a -> with.apply(a, v)));
    }

    void choice(String member, List<String> options, Function<A, String> get, BiFunction<A, String, A> with) {
        form.choice(member, key + "-" + member, options, () -> current().map(get).orElse(null),
                v -> commit(member, a -> with.apply(a, v)));
    }

    void payload(Function<A, Payload> get, BiFunction<A, Payload, A> with) {
        PayloadEditor.add(form, key + "-payload", document, () -> current().map(get).orElse(null),
                p -> commit("payload", a -> with.apply(a, p)));
    }
}
