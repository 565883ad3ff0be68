/**
 * The audit log: a durable record of who did what to what, and when, written by the
 * bundles that do it (sign-ins, roles, tokens, organisations, publishing) and read by
 * platform admins.
 */
@Export
@Version("1.0.0")
package roadshow.audit.api;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
