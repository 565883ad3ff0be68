/**
 * The course catalog as other features see it: every course that an active content
 * bundle serves right now, looked up by its global id.
 */
@Export
@Version("1.0.0")
package roadshow.catalog.api;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
