package roadshow.mail.internal;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import jakarta.mail.MessagingException;

import roadshow.mail.api.Mail;

/** A relay that records what it is handed, and fails as often as a test tells it to. */
final class RecordingRelay implements Relay {

    final List<String> delivered = new CopyOnWriteArrayList<>();
    final List<String> attempted = new CopyOnWriteArrayList<>();
    private final Deque<MessagingException> failures = new ArrayDeque<>();
    private final long millisPerMail;

    RecordingRelay() {
        this(0);
    }

    /** A relay that takes its time over each mail, as a real server does. */
    RecordingRelay(long millisPerMail) {
        this.millisPerMail = millisPerMail;
    }

    /** The next attempts fail with these, in order. */
    synchronized RecordingRelay failing(MessagingException... next) {
        failures.addAll(List.of(next));
        return this;
    }

    @Override
    public Outcome deliver(String id, Mail mail) throws MessagingException {
        attempted.add(id);
        MessagingException failure;
        synchronized (this) {
            failure = failures.poll();
        }
        if (failure != null) {
            throw failure;
        }
        if (millisPerMail > 0) {
            try {
                Thread.sleep(millisPerMail);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        delivered.add(id);
        return Outcome.SENT;
    }
}
