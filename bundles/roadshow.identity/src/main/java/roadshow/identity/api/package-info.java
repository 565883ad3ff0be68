/**
 * Who is asking, and what they may do: people, the partner organisations and vendors
 * they belong to, their roles, the sessions and API tokens they arrive with, and the
 * {@link roadshow.identity.api.Authorization} that every page and endpoint asks.
 */
@Export
@Version("1.0.0")
package roadshow.identity.api;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
