package roadshow.content.api;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Optional;

import org.osgi.annotation.versioning.ProviderType;

/**
 * One accepted vendor content bundle, registered as a service by the content extender
 * for as long as the bundle is active and valid. Feature bundles track these services;
 * when one goes away, everything it carried leaves the catalog.
 *
 * <p>Service properties: {@link #VENDOR}, {@link #SYMBOLIC_NAME}, {@link #VERSION}.
 */
@ProviderType
public interface ContentBundle {

    String VENDOR = "roadshow.vendor";
    String SYMBOLIC_NAME = "roadshow.bundle.symbolicName";
    String VERSION = "roadshow.bundle.version";

    String vendor();

    String symbolicName();

    String version();

    List<Course> courses();

    List<Quiz> quizzes();

    List<Track> tracks();

    Optional<Program> program();

    default Optional<Course> course(String id) {
        return courses().stream().filter(c -> c.id().equals(id)).findFirst();
    }

    default Optional<Quiz> quiz(String id) {
        return quizzes().stream().filter(q -> q.id().equals(id)).findFirst();
    }

    /**
     * Opens a lesson or an asset of this bundle by its path relative to the content
     * folder: a file under {@code courses/<id>/lessons/}, {@code courses/<id>/assets/},
     * {@code courses/<id>/i18n/<locale>/lessons/} or {@code courses/<id>/i18n/<locale>/assets/}
     * of one of its courses. Empty for any other path (its YAML files, quizzes above
     * all, never leave the server this way), when no such file exists, or when the path
     * is not a plain relative path.
     */
    Optional<InputStream> open(String path) throws IOException;
}
