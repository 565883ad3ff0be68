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
     * Records that a new version of an installed content bundle was validated and refused
     * before it could replace the running version, so that the refusal shows in
     * {@link #states()} (as {@link ContentBundleState.State#REFUSED} with bundle id -1) beside
     * the version still serving, until that bundle next changes.
     */
    void refuseUpgrade(String symbolicName, String version, String vendor, List<ContentProblem> problems);
}
