package roadshow.content.internal;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.util.List;
import java.util.Optional;

import org.osgi.framework.Bundle;

import roadshow.content.api.ContentBundle;
import roadshow.content.api.Course;
import roadshow.content.api.Program;
import roadshow.content.api.Quiz;
import roadshow.content.api.Track;

/** The service through which an accepted content bundle serves its curriculum and files. */
final class ActiveContentBundle implements ContentBundle {

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

    @Override
    public Optional<InputStream> open(String path) throws IOException {
        if (ContentPaths.check(path) != null) {
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

    @Override
    public String toString() {
        return "ContentBundle[" + curriculum.symbolicName() + " " + curriculum.version() + "]";
    }
}
