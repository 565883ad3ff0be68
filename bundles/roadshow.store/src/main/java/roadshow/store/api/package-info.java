/**
 * Roadshow's database: the pooled connection to it, and the tables each feature
 * bundle owns, created and upgraded from the bundle's own SQL migrations before
 * the bundle's components may use them.
 */
@Export
@Version("1.1.0")
package roadshow.store.api;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
