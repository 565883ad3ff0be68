package roadshow.mail.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

import javax.sql.DataSource;

import org.osgi.annotation.bundle.Requirement;

import roadshow.mail.api.Attachment;
import roadshow.mail.api.Mail;
import roadshow.store.api.Schema;

/**
 * The outbox tables ({@code db/migration}): mails as they are queued, claimed by the
 * node that delivers them, and finished. Every node sharing the database reads the
 * same outbox; a mail is delivered by the one node whose claim on it succeeds.
 * <p>
 * A claim is an {@code UPDATE} that succeeds only while the mail is still queued and
 * due. On PostgreSQL two nodes claiming the same mail at once both reach the row; the
 * second waits for the first to commit, finds the mail no longer queued, and updates
 * no row, so it knows to leave the mail alone. H2 locks the row the same way.
 */
// The tables are made by roadshow.store's schema extender, from the Roadshow-Schema header in bnd.bnd.
@Requirement(namespace = "osgi.extender", name = Schema.EXTENDER, version = "1.0.0")
final class Outbox {

    /** Where a mail is on its way; the {@code state} column holds the name in lower case. */
    enum State {
        QUEUED, SENDING, SENT, LOGGED, FAILED;

        String column() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /**
     * One node's claim on a mail for one attempt to deliver it.
     *
     * @param token    the claim's own id, which the outcome must name
     * @param attempts the attempts made so far, this one included
     */
    record Claim(String mailId, String token, int attempts) {
    }

    /** The longest error message kept, the size of the column. */
    static final int MAX_ERROR_LENGTH = 2000;

    private final DataSource dataSource;

    Outbox(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Queues a mail, attachments and all, in one transaction; its id. */
    String queue(Mail mail, Instant now) throws SQLException {
        String id = UUID.randomUUID().toString();
        try (Connection connection = dataSource.getConnection()) {
            boolean autoCommit = connection.getAutoCommit();
            connection.setAutoCommit(false);
            try {
                try (PreparedStatement insert = connection.prepareStatement("INSERT INTO mail_outbox"
                        + " (id, recipient, subject, text_body, html_body, state, attempts, queued_at, next_attempt_at)"
                        + " VALUES (?, ?, ?, ?, ?, ?, 0, ?, ?)")) {
                    insert.setString(1, id);
                    insert.setString(2, mail.to());
                    insert.setString(3, mail.subject());
                    insert.setString(4, mail.text());
                    insert.setString(5, mail.html());
                    insert.setString(6, State.QUEUED.column());
                    insert.setObject(7, timestamp(now));
                    insert.setObject(8, timestamp(now));
                    insert.executeUpdate();
                }
                if (!mail.attachments().isEmpty()) {
                    try (PreparedStatement insert = connection.prepareStatement("INSERT INTO mail_attachment"
                            + " (mail_id, ordinal, file_name, content_type, content) VALUES (?, ?, ?, ?, ?)")) {
                        int ordinal = 0;
                        for (Attachment attachment : mail.attachments()) {
                            insert.setString(1, id);
                            insert.setInt(2, ordinal++);
                            insert.setString(3, attachment.fileName());
                            insert.setString(4, attachment.contentType());
                            insert.setBytes(5, attachment.content());
                            insert.addBatch();
                        }
                        insert.executeBatch();
                    }
                }
                connection.commit();
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            } finally {
                connection.setAutoCommit(autoCommit);
            }
        }
        return id;
    }

    /** The ids of queued mails that are due, the longest due first. */
    List<String> due(Instant now, int limit) throws SQLException {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement select = connection.prepareStatement("SELECT id FROM mail_outbox"
                        + " WHERE state = ? AND next_attempt_at <= ? ORDER BY next_attempt_at FETCH FIRST " + limit + " ROWS ONLY")) {
            select.setString(1, State.QUEUED.column());
            select.setObject(2, timestamp(now));
            List<String> ids = new ArrayList<>();
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    ids.add(rows.getString(1));
                }
            }
            return ids;
        }
    }

    /** When the next queued mail falls due, if any is queued. */
    Optional<Instant> nextDue() throws SQLException {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement select = connection.prepareStatement(
                        "SELECT MIN(next_attempt_at) FROM mail_outbox WHERE state = ?")) {
            select.setString(1, State.QUEUED.column());
            try (ResultSet rows = select.executeQuery()) {
                rows.next();
                return Optional.ofNullable(rows.getObject(1, OffsetDateTime.class)).map(OffsetDateTime::toInstant);
            }
        }
    }

    /**
     * Claims a mail for one attempt to deliver it, counting the attempt; empty if it is
     * not there to claim: another node claimed it first, or it is no longer due.
     */
    Optional<Claim> claim(String mailId, Instant now) throws SQLException {
        String token = UUID.randomUUID().toString();
        try (Connection connection = dataSource.getConnection()) {
            try (PreparedStatement update = connection.prepareStatement("UPDATE mail_outbox"
                    + " SET state = ?, attempts = attempts + 1, claim = ?, claimed_at = ?"
                    + " WHERE id = ? AND state = ? AND next_attempt_at <= ?")) {
                update.setString(1, State.SENDING.column());
                update.setString(2, token);
                update.setObject(3, timestamp(now));
                update.setString(4, mailId);
                update.setString(5, State.QUEUED.column());
                update.setObject(6, timestamp(now));
                if (update.executeUpdate() != 1) {
                    return Optional.empty();
                }
            }
            try (PreparedStatement select = connection.prepareStatement(
                    "SELECT attempts FROM mail_outbox WHERE id = ? AND claim = ?")) {
                select.setString(1, mailId);
                select.setString(2, token);
                try (ResultSet rows = select.executeQuery()) {
                    return rows.next() ? Optional.of(new Claim(mailId, token, rows.getInt(1))) : Optional.empty();
                }
            }
        }
    }

    /**
     * The mail as it was queued.
     *
     * @throws IllegalArgumentException if what is stored is no longer a valid mail
     * @throws SQLException             if there is no such mail, or it cannot be read
     */
    Mail load(String mailId) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            List<Attachment> attachments = new ArrayList<>();
            try (PreparedStatement select = connection.prepareStatement("SELECT file_name, content_type, content"
                    + " FROM mail_attachment WHERE mail_id = ? ORDER BY ordinal")) {
                select.setString(1, mailId);
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        attachments.add(new Attachment(rows.getString(1), rows.getString(2), rows.getBytes(3)));
                    }
                }
            }
            try (PreparedStatement select = connection.prepareStatement(
                    "SELECT recipient, subject, text_body, html_body FROM mail_outbox WHERE id = ?")) {
                select.setString(1, mailId);
                try (ResultSet rows = select.executeQuery()) {
                    if (!rows.next()) {
                        throw new SQLException("No mail " + mailId + " in the outbox");
                    }
                    return new Mail(rows.getString(1), rows.getString(2), rows.getString(3), rows.getString(4), attachments);
                }
            }
        }
    }

    /**
     * Records how a claimed attempt ended for good: sent, logged or failed. A mail sent
     * after failed attempts keeps the error of the last of them. Its body and attachments
     * go: they hold the links of password resets and invitations, which must not outlive
     * the delivery in a table anyone with database access could read; recipient, subject
     * and outcome stay for the record until the mail is purged.
     *
     * @return whether the claim still held; if not, another node has taken the mail over
     */
    boolean finish(Claim claim, State state, Instant now, String error) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try (PreparedStatement update = connection.prepareStatement("UPDATE mail_outbox"
                    + " SET state = ?, finished_at = ?, last_error = COALESCE(?, last_error), claim = NULL,"
                    + " text_body = '', html_body = NULL WHERE id = ? AND claim = ?");
                    PreparedStatement attachments = connection.prepareStatement("DELETE FROM mail_attachment WHERE mail_id = ?")) {
                update.setString(1, state.column());
                update.setObject(2, timestamp(now));
                update.setString(3, error == null ? null : truncate(error));
                update.setString(4, claim.mailId());
                update.setString(5, claim.token());
                boolean held = update.executeUpdate() == 1;
                if (held) {
                    attachments.setString(1, claim.mailId());
                    attachments.executeUpdate();
                }
                connection.commit();
                return held;
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            }
        }
    }

    /**
     * Puts a mail whose attempt failed back in the queue, due again at {@code next}.
     *
     * @return whether the claim still held; if not, another node has taken the mail over
     */
    boolean retry(Claim claim, Instant next, String error) throws SQLException {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement update = connection.prepareStatement("UPDATE mail_outbox"
                        + " SET state = ?, next_attempt_at = ?, last_error = ?, claim = NULL WHERE id = ? AND claim = ?")) {
            update.setString(1, State.QUEUED.column());
            update.setObject(2, timestamp(next));
            update.setString(3, truncate(error));
            update.setString(4, claim.mailId());
            update.setString(5, claim.token());
            return update.executeUpdate() == 1;
        }
    }

    /**
     * Queues again, due at once, the mails claimed before {@code claimedBefore} and not
     * finished since: their node stopped while delivering them. Such a mail may have
     * reached the mail server before the node stopped, and then arrives twice; its
     * Message-ID is the same both times.
     *
     * @return how many were queued again
     */
    int releaseAbandoned(Instant claimedBefore, Instant now) throws SQLException {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement update = connection.prepareStatement("UPDATE mail_outbox"
                        + " SET state = ?, next_attempt_at = ?, claim = NULL, last_error = ?"
                        + " WHERE state = ? AND claimed_at < ?")) {
            update.setString(1, State.QUEUED.column());
            update.setObject(2, timestamp(now));
            update.setString(3, "abandoned by the node delivering it, which stopped or took too long");
            update.setString(4, State.SENDING.column());
            update.setObject(5, timestamp(claimedBefore));
            return update.executeUpdate();
        }
    }

    /** Deletes the mails finished before {@code finishedBefore}, attachments and all; how many. */
    int purge(Instant finishedBefore) throws SQLException {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement delete = connection.prepareStatement(
                        "DELETE FROM mail_outbox WHERE state IN (?, ?, ?) AND finished_at < ?")) {
            delete.setString(1, State.SENT.column());
            delete.setString(2, State.LOGGED.column());
            delete.setString(3, State.FAILED.column());
            delete.setObject(4, timestamp(finishedBefore));
            return delete.executeUpdate();
        }
    }

    private static OffsetDateTime timestamp(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }

    private static String truncate(String error) {
        return error.length() <= MAX_ERROR_LENGTH ? error : error.substring(0, MAX_ERROR_LENGTH - 1) + "…";
    }
}
