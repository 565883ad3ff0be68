package roadshow.mail.internal;

import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import java.util.Properties;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;

import org.osgi.annotation.bundle.Requirement;

import roadshow.mail.api.Mail;

/**
 * An SMTP server, reached with Angus Mail through the Jakarta Mail API: one connection
 * per mail.
 */
// The Jakarta Mail API finds its implementation with ServiceLoader, so nothing in the
// imports says that one must be there: these requirements make the bundle resolve only
// where Angus Mail (or another implementation) offers both, rather than fail at each mail.
@Requirement(namespace = "osgi.serviceloader", name = "jakarta.mail.util.StreamProvider")
@Requirement(namespace = "osgi.serviceloader", name = "jakarta.mail.Provider")
final class SmtpRelay implements Relay {

    /** How the connection to the mail server is protected. */
    enum Security {
        /** Plain SMTP, usually port 25 or 587: for a relay on the same host or network. */
        NONE("smtp"),
        /** SMTP that must switch to TLS with STARTTLS before anything else is sent, usually port 587. */
        STARTTLS("smtp"),
        /** SMTP inside TLS from the start ("implicit TLS", RFC 8314), usually port 465. */
        SMTPS("smtps");

        final String protocol;

        Security(String protocol) {
            this.protocol = protocol;
        }

        /**
         * The security named in the configuration, in any case.
         *
         * @throws IllegalArgumentException if it names none
         */
        static Security named(String name) {
            try {
                return valueOf(name.trim().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("security must be none, starttls or smtps, not \"" + name + "\"", e);
            }
        }
    }

    private final String host;
    private final int port;
    private final Security security;
    private final String username;
    private final String password;
    private final String from;
    private final Duration timeout;
    private final Clock clock;
    private Session session;
    private InternetAddress sender;

    SmtpRelay(String host, int port, Security security, String username, String password, String from,
            Duration timeout, Clock clock) {
        this.host = host;
        this.port = port;
        this.security = security;
        this.username = username;
        this.password = password;
        this.from = from;
        this.timeout = timeout;
        this.clock = clock;
    }

    @Override
    public Outcome deliver(String id, Mail mail) throws MessagingException {
        MimeMessage message = MimeMail.message(session(), sender(), id, mail, clock.instant());
        try (Transport transport = session().getTransport(security.protocol)) {
            transport.connect(host, port, username.isEmpty() ? null : username, password.isEmpty() ? null : password);
            transport.sendMessage(message, message.getAllRecipients());
        }
        return Outcome.SENT;
    }

    /**
     * The mail session, made on first use rather than with the relay (which is made on
     * whichever thread configures the courier), so that it is made on the courier's
     * thread: Jakarta Mail looks for Angus Mail through the thread's context class loader
     * before anything else (see {@link Courier}).
     */
    private synchronized Session session() {
        if (session == null) {
            session = Session.getInstance(properties());
        }
        return session;
    }

    /** The sender, encoded on the courier's thread too: encoding a name takes Angus Mail's encoders. */
    private synchronized InternetAddress sender() {
        if (sender == null) {
            sender = MimeMail.address("from", from);
        }
        return sender;
    }

    Properties properties() {
        String prefix = "mail." + security.protocol + ".";
        String millis = Long.toString(timeout.toMillis());
        Properties properties = new Properties();
        properties.setProperty(prefix + "host", host);
        properties.setProperty(prefix + "port", Integer.toString(port));
        properties.setProperty(prefix + "connectiontimeout", millis);
        properties.setProperty(prefix + "timeout", millis);
        properties.setProperty(prefix + "writetimeout", millis);
        properties.setProperty(prefix + "auth", Boolean.toString(!username.isEmpty()));
        if (security == Security.STARTTLS) {
            // required, not just enabled: a server that does not offer STARTTLS must not get the mail (or password) in clear
            properties.setProperty(prefix + "starttls.enable", "true");
            properties.setProperty(prefix + "starttls.required", "true");
        }
        if (security != Security.NONE) {
            properties.setProperty(prefix + "ssl.checkserveridentity", "true");
        }
        return properties;
    }

    @Override
    public String toString() {
        return host + ":" + port + " (" + security.name().toLowerCase(Locale.ROOT) + ")";
    }
}
