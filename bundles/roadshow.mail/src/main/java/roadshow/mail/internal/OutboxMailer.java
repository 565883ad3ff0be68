package roadshow.mail.internal;

import java.sql.SQLException;
import java.time.Clock;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;

import roadshow.mail.api.Mail;
import roadshow.mail.api.Mailer;
import roadshow.store.api.Schema;

/**
 * The {@link Mailer}: checks a mail, writes it to the outbox and wakes this node's
 * {@link Courier}. It never waits for the mail server. Without a courier (its
 * configuration is being replaced, say) mails still queue, and go out once it is back.
 */
@Component(service = Mailer.class)
public class OutboxMailer implements Mailer {

    private final Outbox outbox;
    private final Clock clock;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile Courier courier;

    @Activate
    public OutboxMailer(@Reference(name = "schema", target = "(roadshow.schema=roadshow.mail)") Schema schema) {
        this(new Outbox(schema.dataSource()), Clock.systemUTC(), null);
    }

    OutboxMailer(Outbox outbox, Clock clock, Courier courier) {
        this.outbox = outbox;
        this.clock = clock;
        this.courier = courier;
    }

    @Override
    public String send(Mail mail) {
        MimeMail.check(mail);
        String id;
        try {
            id = outbox.queue(mail, clock.instant());
        } catch (SQLException e) {
            throw new IllegalStateException("The mail to " + mail.to() + " could not be queued: " + e.getMessage(), e);
        }
        Courier current = courier;
        if (current != null) {
            current.wake();
        }
        return id;
    }
}
