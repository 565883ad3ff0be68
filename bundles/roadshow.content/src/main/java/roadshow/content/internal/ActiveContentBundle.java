package roadshow.content.internal;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.osgi.framework.Bundle;

import roadshow.content.api.ContentBundle;
import roadshow.content.api.Course;
import roadshow.content.api.Program;
import roadshow.content.api.Quiz;
import roadshow.content.api.Track;

/** The service through which an accepted content bundle serves its curriculum and files. */
final class ActiveContentBundle implements ContentBundle {

    private static final Pattern SERVABLE = Pattern.compile(
            ContentReader.COURSES + "([^/]+)/(?:i18n/[^/]+/)?(?:lessons|assets)/.+");

    private final Bundle bundle;
    private final Curriculum curriculum;

    ActiveContentBundle(Bundle bundle, Curriculum curriculum) {
        this.bundle = bundle;
        this.curriculum = curriculum;
    }

    @Override
    public String vendor() {
        return curriculum.vendor();
    }

    @Override
    public String symbolicName() {
        return curriculum.symbolicName();
    }

    @Override
    public String version() {
        return curriculum.version();
    }

    @Override
    public List<Course> courses() {
        return curriculum.courses();
    }

    @Override
    public List<Quiz> quizzes() {
        return curriculum.quizzes();
    }

    @Override
    public List<Track> tracks() {
        return curriculum.tracks();
    }

    @Override
    public Optional<Program> program() {
        return curriculum.optionalProgram();
    }

    /**
     * Only lessons and assets leave the bundle: its YAML files hold what the learner must
     * not see, above all the correct answers of its quizzes.
     */
    @Override
    public Optional<InputStream> open(String path) throws IOException {
        if (ContentPaths.check(path) != null || !servable(path)) {
            return Optional.empty();
        }
        URL entry;
        try {
            entry = bundle.getEntry(curriculum.folder() + path);
        } catch (IllegalStateException e) {
            // uninstalled since this service was looked up; its files are gone with it
            return Optional.empty();
        }
        return entry == null ? Optional.empty() : Optional.of(entry.openStream());
    }

    /**
     * Whether a path is a lesson or an asset of one of the bundle's courses:
     * {@code courses/<id>/lessons/**}, {@code courses/<id>/assets/**}, or the same under
     * {@code courses/<id>/i18n/<locale>/}.
     */
    private boolean servable(String path) {
        Matcher matcher = SERVABLE.matcher(path);
        return matcher.matches() && curriculum.courses().stream().anyMatch(c -> c.id().equals(matcher.group(1)));
    }

    @Override
    public String toString() {
        return "ContentBundle[" + curriculum.symbolicName() + " " + curriculum.version() + "]";
    }
}
