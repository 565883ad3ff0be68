/**
 * Learning: who is enrolled in which course, which lessons they have done, and which
 * courses they completed, keyed by the course's global id and lesson ids so that a new
 * version of a course bundle keeps every learner's progress.
 */
@Export
@Version("1.0.0")
package roadshow.learning.api;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
