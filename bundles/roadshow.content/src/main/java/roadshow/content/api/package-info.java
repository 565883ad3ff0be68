/**
 * The vendor content that Roadshow's extender reads from content bundles: courses,
 * lessons, quizzes, certification tracks and partner programmes, as immutable values,
 * and the services through which feature bundles receive them.
 */
@Export
@Version("1.0.0")
package roadshow.content.api;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
