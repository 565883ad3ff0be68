/**
 * Certification: the certifications learners earn by meeting a vendor's track, when they
 * expire and how they are renewed, their public verification by code, and the partner
 * tier each organisation holds in each vendor's programme because of them.
 */
@Export
@Version("1.0.0")
package roadshow.certification.api;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
