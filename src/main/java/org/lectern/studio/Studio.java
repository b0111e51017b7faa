package org.lectern.studio;

import io.javalin.router.JavalinDefaultRoutingApi;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Locale;
import org.jooq.DSLContext;
import org.lectern.accounts.CurrentUser;
import org.lectern.challenge.Challenges;
import org.lectern.content.ContentLoader;
import org.lectern.content.CourseExporter;
import org.lectern.runner.RunCaller;
import org.lectern.web.Access;
import org.lectern.web.Flash;
import org.lectern.web.Renderer;

/** The authoring studio: authors and admins edit a course's files in the browser, publish them and export them. */
public final class Studio {
    private final StudioController studio;
    private final RevisionController revisions;
    private final StructureController structure;
    private final ImportController imports;
    private final MediaController media;
    private final ChallengeEditor challenges;
    private final FolderImport folderImport;
    private final QuizEditor quizzes;

    /**
     * @param uploads where uploaded zips wait for the author's go-ahead (under the data folder)
     * @param challenges the code challenges' checks, which Verify and publishing run on an author's challenges
     */
    public Studio(
            DSLContext dsl,
            ContentLoader loader,
            CourseExporter exporter,
            Renderer renderer,
            CurrentUser currentUser,
            Flash flash,
            Path uploads,
            Challenges challenges) {
        Drafts drafts = new Drafts(dsl);
        ChallengeGate gate = new ChallengeGate(challenges::verify);
        AnswerChanges answerChanges = new AnswerChanges(dsl);
        Publisher publisher = new Publisher(loader, drafts, answerChanges, gate);
        LearnerWork work = new LearnerWork(dsl);
        this.studio = new StudioController(drafts, publisher, new Preview(), exporter, renderer, currentUser, flash);
        this.revisions = new RevisionController(drafts, new RevisionRepository(dsl), renderer, currentUser, flash);
        this.structure = new StructureController(drafts, work, studio, renderer, currentUser, flash);
        this.media = new MediaController(drafts, studio, currentUser, flash);
        this.challenges = new ChallengeEditor(studio, drafts, gate, flash);
        this.quizzes = new QuizEditor(studio, new QuizIds(new SecureRandom()));
        this.imports = new ImportController(
                new ZipImports(uploads, loader, drafts, publisher, work, answerChanges, gate), studio, flash);
        // The command line is no learner: its runs are known by their own key, under the quota its process sets.
        RunCaller commandLine = new RunCaller(null, "command-line");
        this.folderImport = new FolderImport(
                loader,
                drafts,
                work,
                answerChanges,
                new ChallengeGate((author, source) -> challenges.verify(commandLine, source)),
                (key, arguments) -> renderer.messages().get(Locale.ENGLISH, key, arguments));
    }

    /** Importing a content folder from the command line or at start-up. */
    public FolderImport folderImport() {
        return folderImport;
    }

    public void addRoutes(JavalinDefaultRoutingApi routes) {
        String course = "/studio/courses/{course}";
        String section = course + "/sections/{section}";
        String chapter = course + "/chapters/{section}/{chapter}";
        routes.get("/studio", studio::courses, Access.AUTHOR);
        routes.post("/studio/courses", studio::create, Access.AUTHOR);
        routes.get("/studio/import", imports::form, Access.AUTHOR);
        routes.post("/studio/import", imports::upload, Access.AUTHOR);
        routes.post("/studio/import/{token}", imports::apply, Access.AUTHOR);
        routes.get(course, studio::course, Access.AUTHOR);
        routes.post(course + "/publish", studio::publishCourse, Access.AUTHOR);
        routes.get(course + "/export.zip", studio::exportZip, Access.AUTHOR);
        routes.get(chapter, studio::editor, Access.AUTHOR);
        routes.post(chapter, studio::save, Access.AUTHOR);
        routes.get(chapter + "/state", studio::state, Access.AUTHOR);
        routes.get(chapter + "/quiz", studio::quizEditor, Access.AUTHOR);
        routes.post(chapter + "/quiz", studio::saveQuiz, Access.AUTHOR);
        routes.post(chapter + "/quiz/preview", studio::checkQuiz, Access.AUTHOR);
        routes.get(chapter + "/quiz/state", studio::state, Access.AUTHOR);
        routes.get(chapter + "/quiz/form", quizzes::form, Access.AUTHOR);
        routes.post(chapter + "/quiz/form", quizzes::submit, Access.AUTHOR);
        routes.post(chapter + "/quiz/form/publish", quizzes::publish, Access.AUTHOR);
        routes.post(chapter + "/preview", studio::preview, Access.AUTHOR);
        routes.post(chapter + "/publish", studio::publishChapter, Access.AUTHOR);
        String challenge = chapter + "/challenges/{key}";
        routes.get(chapter + "/challenges", challenges::list, Access.AUTHOR);
        routes.post(chapter + "/challenges", challenges::add, Access.AUTHOR);
        routes.get(challenge + "/files/{file}", challenges::editor, Access.AUTHOR);
        routes.post(challenge + "/files/{file}", challenges::save, Access.AUTHOR);
        routes.get(challenge + "/files/{file}/state", challenges::state, Access.AUTHOR);
        routes.post(challenge + "/files/{file}/preview", challenges::preview, Access.AUTHOR);
        routes.post(challenge + "/verify", challenges::verify, Access.AUTHOR);
        routes.post(challenge + "/delete", challenges::delete, Access.AUTHOR);
        routes.post(course + "/media", media::upload, Access.AUTHOR);
        routes.get(course + "/media/{name}", media::serve, Access.AUTHOR);
        routes.post(course + "/sections", structure::addSection, Access.AUTHOR);
        routes.post(section + "/title", structure::retitleSection, Access.AUTHOR);
        routes.post(section + "/move", structure::moveSection, Access.AUTHOR);
        routes.post(section + "/chapters", structure::addChapter, Access.AUTHOR);
        routes.post(section + "/order", structure::orderChapters, Access.AUTHOR);
        routes.get(section + "/delete", structure::confirmDeleteSection, Access.AUTHOR);
        routes.post(section + "/delete", structure::deleteSection, Access.AUTHOR);
        routes.post(chapter + "/move", structure::moveChapter, Access.AUTHOR);
        routes.post(chapter + "/free", structure::setFree, Access.AUTHOR);
        routes.get(chapter + "/delete", structure::confirmDeleteChapter, Access.AUTHOR);
        routes.post(chapter + "/delete", structure::deleteChapter, Access.AUTHOR);
        routes.get(course + "/revisions", revisions::list, Access.AUTHOR);
        routes.get(course + "/revisions/{revision}", revisions::show, Access.AUTHOR);
        routes.post(course + "/revisions/{revision}/restore", revisions::restore, Access.AUTHOR);
    }
}
