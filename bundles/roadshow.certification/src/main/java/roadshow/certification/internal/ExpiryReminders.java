package roadshow.certification.internal;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import roadshow.certification.api.Certification;
import roadshow.identity.api.People;
import roadshow.identity.api.Person;
import roadshow.mail.api.Mail;
import roadshow.mail.api.Mailer;
import roadshow.store.api.Sql;

/**
 * The e-mails before a certification expires: to its holder some days before (60, 30 and
 * 7 by default), and to the admins of the holder's organisation a digest of the reminders
 * each round sent to its people. Each reminder is sent once for each expiry, across
 * restarts and nodes: it is recorded, under a unique key, before the mail is handed to the
 * outbox. A certification issued or renewed with less time left gets only the reminder
 * for the time it has (20 days left: the 30-day one), not the earlier ones.
 */
final class ExpiryReminders {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMMM yyyy").withZone(ZoneOffset.UTC);

    private final Sql sql;
    private final CertificationStore certifications;
    private final ServedTracks tracks;
    private final People people;
    private final Mailer mailer;
    private final String publicUrl;

    ExpiryReminders(Sql sql, CertificationStore certifications, ServedTracks tracks, People people, Mailer mailer, String publicUrl) {
        this.sql = sql;
        this.certifications = certifications;
        this.tracks = tracks;
        this.people = people;
        this.mailer = mailer;
        this.publicUrl = publicUrl;
    }

    /** A reminder sent in a round: the certification, the days it was about, its holder. */
    record Sent(Certification certification, int days, Person holder) {
    }

    /**
     * Sends the reminders due at {@code now}.
     *
     * @param days the reminder days, such as {@code 60, 30, 7}
     * @return the reminders this call sent (none that another node or an earlier round sent)
     */
    List<Sent> send(int[] days, Instant now) {
        int[] ascending = Arrays.stream(days).filter(d -> d > 0).sorted().distinct().toArray();
        if (ascending.length == 0) {
            return List.of();
        }
        List<Sent> sent = new ArrayList<>();
        for (Certification certification : certifications.expiringBetween(now, now.plus(Duration.ofDays(ascending[ascending.length - 1])))) {
            long left = Duration.between(now, certification.expiresAt()).toDays();
            // the nearest reminder the time left is within: 20 days left is the 30-day one
            int due = Arrays.stream(ascending).filter(d -> left <= d).findFirst().orElse(-1);
            if (due < 0 || !claim(certification, due, now)) {
                continue;
            }
            Optional<Person> holder = people.find(certification.personId());
            if (holder.isEmpty()) {
                continue;
            }
            mailer.send(toHolder(certification, due, holder.get(), ascending));
            sent.add(new Sent(certification, due, holder.get()));
        }
        digests(sent);
        return sent;
    }

    /** Records the reminder; false when it was recorded before, by this node or another. */
    private boolean claim(Certification certification, int days, Instant now) {
        // a smaller reminder already sent for this expiry means this larger one is past
        boolean later = sql.one("select days from cert_reminder where certification = ? and expires_at = ? and days <= ?"
                + " fetch first 1 rows only", r -> r.getInt(1), certification.id(), certification.expiresAt(), days).isPresent();
        if (later) {
            return false;
        }
        try {
            return sql.update("insert into cert_reminder (certification, days, expires_at, sent_at) values (?, ?, ?, ?)", certification.id(),
                    days, certification.expiresAt(), now) == 1;
        } catch (Sql.Failure e) {
            if (e.duplicate()) {
                return false;
            }
            throw e;
        }
    }

    private Mail toHolder(Certification certification, int days, Person holder, int[] reminderDays) {
        String renew = tracks.track(certification.track()).map(s -> s.track().renewalQuiz()).map(quiz -> "Renew it by passing the"
                + " renewal quiz before then: " + publicUrl + "/quizzes/" + quiz + "\n\n").orElse("");
        String text = "Hello " + holder.name() + ",\n\n"
                + "your " + certification.trackTitle() + " certification expires on " + DAY.format(certification.expiresAt())
                + ", in " + days + " days or less.\n\n"
                + renew
                + "Your certifications: " + publicUrl + "/certifications\n"
                + "Its public verification: " + publicUrl + "/certificates/" + certification.code() + "\n\n"
                + "Roadshow reminds you " + reminderDays(reminderDays) + " days before a certification expires.\n";
        return new Mail(holder.email(), "Your " + certification.trackTitle() + " certification expires on "
                + DAY.format(certification.expiresAt()), text, null, List.of());
    }

    private static String reminderDays(int[] ascending) {
        List<String> days = new ArrayList<>();
        for (int i = ascending.length - 1; i >= 0; i--) {
            days.add(Integer.toString(ascending[i]));
        }
        return days.size() == 1 ? days.get(0) : String.join(", ", days.subList(0, days.size() - 1)) + " and " + days.get(days.size() - 1);
    }

    /** One e-mail per organisation admin listing the reminders this round sent to the organisation's people. */
    private void digests(List<Sent> sent) {
        Map<String, List<Sent>> byOrg = new LinkedHashMap<>();
        for (Sent reminder : sent) {
            if (reminder.holder().org() != null) {
                byOrg.computeIfAbsent(reminder.holder().org(), org -> new ArrayList<>()).add(reminder);
            }
        }
        byOrg.forEach((org, reminders) -> {
            StringBuilder text = new StringBuilder("Certifications of your organisation's people expire soon:\n\n");
            for (Sent reminder : reminders) {
                text.append("- ").append(reminder.holder().name()).append(", ").append(reminder.certification().trackTitle())
                        .append(": expires on ").append(DAY.format(reminder.certification().expiresAt())).append('\n');
            }
            text.append("\nEach of them was reminded by e-mail. Your organisation's certifications and partner tiers: ")
                    .append(publicUrl).append("/orgs/").append(org).append("/certifications\n");
            String subject = reminders.size() == 1 ? "A certification in your organisation expires soon"
                    : reminders.size() + " certifications in your organisation expire soon";
            for (Person admin : people.adminsOf(org)) {
                mailer.send(new Mail(admin.email(), subject, text.toString(), null, List.of()));
            }
        });
    }
}
