/**
 * The web shell that feature bundles build their pages and endpoints on: rendering a
 * bundle's own FreeMarker templates inside the shared layout, RFC 9457 problem
 * responses, JSON, paging cursors, and the learner's language preference.
 */
@Export
@Version("1.2.0")
package roadshow.web.api;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
