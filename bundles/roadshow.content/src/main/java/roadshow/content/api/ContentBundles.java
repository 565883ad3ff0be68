package roadshow.content.api;

import java.util.List;

/**
 * The extender's view of every content bundle it has met in this framework.
 */
@org.osgi.annotation.versioning.ProviderType
public interface ContentBundles {

    /** Every bundle with a {@code Roadshow-Content} header, ordered by symbolic name. */
    List<ContentBundleState> states();

    /**
     * Records that a content bundle JAR was validated and refused before it was installed
     * (as a new bundle or to replace the running version), so that the refusal shows in
     * {@link #states()} as {@link ContentBundleState.State#REFUSED} with bundle id -1, beside
     * any version still serving, until a bundle of that symbolic name next changes or a
     * later refusal replaces it.
     */
    void refuseBeforeInstall(String symbolicName, String version, String vendor, List<ContentProblem> problems);
}
