package org.lectern.studio;

import io.javalin.http.BadRequestResponse;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.lectern.studio.QuizForm.Option;

/**
 * The form's buttons other than Save: add, remove and move questions and options, and show a changed kind's fields.
 * Each is a submit button ({@code op}), so they work without JavaScript; the page comes back with the change made,
 * everything typed kept, nothing saved, and the focus where the author will want it next.
 */
final class QuizFormEdits {
    private static final Pattern OP =
            Pattern.compile("(add-question|refresh)|(remove|up|down)-question-([0-9]{1,4})|add-option-([0-9]{1,4})"
                    + "|(remove|up|down)-option-([0-9]{1,4})-([0-9]{1,4})");

    private QuizFormEdits() {}

    /**
     * The form after a button, and the id of the field or button to focus.
     *
     * @param focus an element id of the page, or null for none
     */
    record Edited(QuizForm form, String focus) {}

    /** @throws BadRequestResponse for a button the form does not have */
    static Edited apply(QuizForm form, String op, QuizIds ids) {
        Matcher m = OP.matcher(op);
        if (!m.matches()) {
            throw new BadRequestResponse();
        }
        if ("refresh".equals(m.group(1))) {
            return new Edited(form, null);
        }
        if (m.group(1) != null) {
            QuizForm added = form.withQuestion(QuizForm.blankQuestion(ids, form));
            return new Edited(added, QuizFormFields.question(added.questions().size() - 1) + "-prompt");
        }
        if (m.group(2) != null) {
            return questionEdit(
                    form, m.group(2), index(m.group(3), form.questions().size()));
        }
        if (m.group(4) != null) {
            int q = index(m.group(4), form.questions().size());
            var options = form.questions().get(q).options();
            QuizForm added = form.withOption(q, new Option(ids.freshOption(options), "", false, ""));
            return new Edited(added, QuizFormFields.option(QuizFormFields.question(q), options.size()) + "-text");
        }
        int q = index(m.group(6), form.questions().size());
        int o = index(m.group(7), form.questions().get(q).options().size());
        return optionEdit(form, m.group(5), q, o);
    }

    private static Edited questionEdit(QuizForm form, String what, int q) {
        if (what.equals("remove")) {
            QuizForm removed = form.withoutQuestion(q);
            int next = Math.min(q, removed.questions().size() - 1);
            return new Edited(removed, next < 0 ? "add-question" : QuizFormFields.question(next) + "-prompt");
        }
        int to = Math.max(0, Math.min(form.questions().size() - 1, q + by(what)));
        return new Edited(
                form.movingQuestion(q, by(what)),
                moveFocus(
                        QuizFormFields.question(to), what, to, form.questions().size()));
    }

    private static Edited optionEdit(QuizForm form, String what, int q, int o) {
        String question = QuizFormFields.question(q);
        if (what.equals("remove")) {
            QuizForm removed = form.withoutOption(q, o);
            int left = removed.questions().get(q).options().size();
            int next = Math.min(o, left - 1);
            return new Edited(
                    removed, next < 0 ? question + "-add-option" : QuizFormFields.option(question, next) + "-text");
        }
        int count = form.questions().get(q).options().size();
        int to = Math.max(0, Math.min(count - 1, o + by(what)));
        return new Edited(
                form.movingOption(q, o, by(what)), moveFocus(QuizFormFields.option(question, to), what, to, count));
    }

    /** The moved item's same button, so that pressing it again moves on; at the end, the other one. */
    private static String moveFocus(String name, String what, int to, int count) {
        boolean atEnd = what.equals("up") ? to == 0 : to == count - 1;
        return name + "-" + (atEnd ? (what.equals("up") ? "down" : "up") : what);
    }

    private static int by(String what) {
        return what.equals("up") ? -1 : 1;
    }

    private static int index(String number, int size) {
        int index = Integer.parseInt(number);
        if (index >= size) {
            throw new BadRequestResponse();
        }
        return index;
    }
}
