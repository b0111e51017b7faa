package org.lectern.studio;

import io.javalin.http.Context;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.lectern.content.ContentException;
import org.lectern.content.QuestionKind;
import org.lectern.content.QuizSource;
import org.lectern.studio.StudioController.Editing;

/**
 * The quiz editor's form: every question's fields, its options with their correct answers and explanations, and
 * buttons that add, remove and move them. Saving writes the chapter's {@code .quiz.yaml} ({@link QuizYaml}) and
 * saves it as the source view would, under the same lock, as a revision.
 */
final class QuizEditor {
    private static final List<String> KINDS =
            Arrays.stream(QuestionKind.values()).map(QuestionKind::code).toList();
    private final StudioController studio;
    private final QuizIds ids;

    QuizEditor(StudioController studio, QuizIds ids) {
        this.studio = studio;
        this.ids = ids;
    }

    void form(Context ctx) {
        Editing at = studio.editing(ctx);
        String base = at.files().bytes(path(at)).map(Drafts::sha).orElse("");
        showSaved(ctx, 200, at, base, null);
    }

    /** A button of the form: Save, or one that changes the form and shows it again without saving. */
    void submit(Context ctx) {
        Editing at = studio.editing(ctx);
        QuizForm form = QuizFormFields.parse(ctx.formParamMap());
        String base = StudioController.param(ctx, "base");
        String op = ctx.formParam("op");
        if (op != null && !op.equals("save")) {
            QuizFormEdits.Edited edited = QuizFormEdits.apply(form, op, ids);
            Map<String, Object> model = model(ctx, at, edited.form(), base);
            model.put("focus", edited.focus());
            studio.page(ctx, 200, "studio/quiz", model);
            return;
        }
        List<QuizFormRules.Problem> problems = QuizFormRules.check(form);
        if (!problems.isEmpty()) {
            Map<String, Object> model = model(ctx, at, form, base);
            Map<String, String> errors = new LinkedHashMap<>();
            Map<String, String> summary = new LinkedHashMap<>();
            for (QuizFormRules.Problem p : problems) {
                String text = studio.text(ctx, p.key(), p.arguments().toArray());
                errors.putIfAbsent(p.field(), text);
                summary.putIfAbsent(p.field(), where(ctx, p.place(), text));
            }
            model.put("errors", errors);
            model.put("summary", summary);
            studio.page(ctx, 422, "studio/quiz", model);
            return;
        }
        String yaml = keepLayoutIfUnchanged(at, base, QuizYaml.write(form));
        try {
            QuizSource.read(path(at), yaml);
        } catch (ContentException invalid) {
            Map<String, Object> model = model(ctx, at, form, base);
            model.put("error", studio.text(ctx, "studio.quiz.invalid", invalid.getMessage()));
            studio.page(ctx, 422, "studio/quiz", model);
            return;
        }
        studio.saveText(ctx, at, path(at), yaml, page(at), (yours, theirSha, theirs) -> {
            Map<String, Object> model = model(ctx, at, form, theirSha);
            model.put("text", yours);
            model.put("theirs", theirs);
            studio.page(ctx, 409, "studio/quiz", model);
        });
    }

    /** A problem for the list above the form, which says which question and option it is about. */
    private String where(Context ctx, List<Integer> place, String problem) {
        return switch (place.size()) {
            case 1 -> studio.text(ctx, "studio.quizForm.at.question", place.get(0), problem);
            case 2 -> studio.text(ctx, "studio.quizForm.at.option", place.get(0), place.get(1), problem);
            default -> problem;
        };
    }

    /** Publishes the chapter from the form, which the author comes back to (the regrade question included). */
    void publish(Context ctx) {
        Editing at = studio.editing(ctx);
        studio.publishChapter(ctx, at, page(at), reason -> {
            String base = at.files().bytes(path(at)).map(Drafts::sha).orElse("");
            showSaved(ctx, 422, at, base, reason);
        });
    }

    /**
     * A save from the form of a quiz it did not change keeps the file as written, comments, order and quoting
     * included, rather than the form's layout of the same quiz.
     */
    private static String keepLayoutIfUnchanged(Editing at, String base, String written) {
        Optional<String> current = at.files().text(path(at));
        if (current.isPresent()
                && Drafts.sha(StudioController.bytes(current.get())).equals(base)
                && layout(current.get()).filter(written::equals).isPresent()) {
            return current.get();
        }
        return written;
    }

    /** The quiz file as the form would write it, or empty when the form cannot show it. */
    private static Optional<String> layout(String text) {
        try {
            return Optional.of(QuizYaml.write(QuizYaml.read(text)));
        } catch (QuizYaml.Unreadable unreadable) {
            return Optional.empty();
        }
    }

    /** The form of the saved quiz (one blank question when the chapter has none), or why it cannot be shown. */
    private void showSaved(Context ctx, int status, Editing at, String base, String error) {
        Optional<String> text = at.files().text(path(at));
        QuizForm form;
        try {
            form = text.map(QuizYaml::read).orElseGet(() -> {
                QuizForm none = new QuizForm(List.of());
                return none.withQuestion(QuizForm.blankQuestion(ids, none));
            });
        } catch (QuizYaml.Unreadable unreadable) {
            Map<String, Object> model = model(ctx, at, new QuizForm(List.of()), base);
            model.put("unreadable", unreadableReason(ctx, at, text.orElseThrow()));
            model.put("error", error);
            studio.page(ctx, status, "studio/quiz", model);
            return;
        }
        Map<String, Object> model = model(ctx, at, form, base);
        model.put("error", error);
        studio.page(ctx, status, "studio/quiz", model);
    }

    private String unreadableReason(Context ctx, Editing at, String text) {
        try {
            QuizSource.read(path(at), text);
            return studio.text(ctx, "studio.quizForm.unreadableShape");
        } catch (ContentException invalid) {
            return invalid.getMessage();
        }
    }

    private Map<String, Object> model(Context ctx, Editing at, QuizForm form, String base) {
        Map<String, Object> model = StudioController.editorModel(at, "", base, null, null);
        model.put("mode", "form");
        model.put("action", page(at));
        model.put("quizForm", form);
        model.put("kinds", KINDS);
        model.put("errors", Map.of());
        model.put("summary", Map.of());
        model.put("message", StudioController.optional(ctx, "message"));
        Optional<String> saved = at.files().text(path(at));
        model.put(
                "relayout",
                saved.isPresent()
                        && !layout(saved.get()).filter(saved.get()::equals).isPresent());
        return model;
    }

    private static String path(Editing at) {
        return StudioController.quizPath(at);
    }

    static String page(Editing at) {
        return StudioController.editorPath(at) + "/quiz/form";
    }
}
