/**
 * Mail from Roadshow to people: password resets, enrolment notices, calendar
 * invitations. A feature bundle hands a {@link roadshow.mail.api.Mail} to the
 * {@link roadshow.mail.api.Mailer}, which keeps it in a durable outbox and delivers it
 * in the background.
 */
@Export
@Version("1.0.0")
package roadshow.mail.api;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
