package roadshow.identity.internal;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;

import roadshow.identity.api.Invitations.Invitation;
import roadshow.identity.api.PasswordResets;
import roadshow.identity.api.Person;
import roadshow.mail.api.Mail;
import roadshow.mail.api.Mailer;

/**
 * The mails about accounts: address verification, password reset, invitations. Links in
 * them start with the configured public URL ({@code public.url} of {@code roadshow.identity},
 * or the launcher's {@code --public-url}), never with the Host header of the request that
 * caused the mail, which an attacker could set to their own site.
 */
@Component(service = AccountMail.class, configurationPid = IdentityConfiguration.PID)
public class AccountMail {

    static final String PUBLIC_URL = "roadshow.public.url";

    /** When a mail of each kind last went to each address. */
    private final Map<String, Instant> lastSent = new ConcurrentHashMap<>();
    private final Mailer mailer;
    private final PasswordResets links;
    private final BundleContext context;
    private volatile IdentityConfiguration config;

    @Activate
    public AccountMail(@Reference Mailer mailer, @Reference PasswordResets links, BundleContext context, IdentityConfiguration config) {
        this.mailer = mailer;
        this.links = links;
        this.context = context;
        this.config = config;
    }

    @Modified
    void configure(IdentityConfiguration config) {
        this.config = config;
    }

    /** The site's address as people reach it, without a trailing slash. */
    String publicUrl() {
        String url = Optional.ofNullable(context.getProperty(PUBLIC_URL)).filter(s -> !s.isBlank())
                .orElseGet(() -> "http://localhost:" + Optional.ofNullable(context.getProperty("org.osgi.service.http.port")).orElse("8080"));
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }

    private String link(String path, String secret) {
        return publicUrl() + path + "?token=" + URLEncoder.encode(secret, StandardCharsets.UTF_8);
    }

    /**
     * Whether a mail of {@code kind} may go to {@code address} now: one a minute each at most
     * by default ({@code mail.repeat.seconds}, on this node), so that a form sent over and over
     * cannot flood someone's inbox.
     */
    private boolean due(String kind, String address) {
        Instant now = Instant.now();
        String key = kind + ":" + address.toLowerCase(Locale.ROOT);
        Instant last = lastSent.get(key);
        if (last != null && last.plusSeconds(config.mail_repeat_seconds()).isAfter(now)) {
            return false;
        }
        if (lastSent.size() > 10_000) {
            lastSent.clear();
        }
        lastSent.put(key, now);
        return true;
    }

    void verification(Person person) {
        if (!due("verify", person.email())) {
            return;
        }
        mailer.send(Mail.text(person.email(), "Confirm your e-mail address for Roadshow", "Hello " + person.name() + ",\n\n"
                + "please confirm that this is your address by opening this link:\n\n" + link("/verify", links.verificationSecret(person.id()))
                + "\n\nThe link works for " + config.link_minutes() + " minutes. If you did not sign up for Roadshow, ignore this mail.\n"));
    }

    void alreadyRegistered(Person person) {
        if (!due("registered", person.email())) {
            return;
        }
        mailer.send(Mail.text(person.email(), "You already have a Roadshow account", "Hello " + person.name() + ",\n\n"
                + "someone, probably you, tried to sign up for Roadshow with this address, which has an account already.\n"
                + "Log in at " + publicUrl() + "/login, or choose a new password at " + publicUrl() + "/password/forgot.\n\n"
                + "If it was not you, you need do nothing.\n"));
    }

    void passwordReset(Person person, String secret) {
        if (!due("reset", person.email())) {
            return;
        }
        mailer.send(Mail.text(person.email(), "Choose a new Roadshow password", "Hello " + person.name() + ",\n\n"
                + "open this link to choose a new password:\n\n" + link("/password/reset", secret) + "\n\nThe link works once, for "
                + config.link_minutes() + " minutes. If you did not ask for it, ignore this mail: your password stays as it is.\n"));
    }

    void invitation(Invitation invitation, String org, String inviter) {
        mailer.send(Mail.text(invitation.email(), inviter + " invites you to " + org + " on Roadshow", "Hello,\n\n"
                + inviter + " invites you to join " + org + " on Roadshow, where partners take their vendors' courses and earn"
                + " certifications.\n\nAccept the invitation here:\n\n" + link("/invitations/accept", invitation.secret())
                + "\n\nThe invitation works until " + invitation.expiresAt() + ".\n"));
    }
}
