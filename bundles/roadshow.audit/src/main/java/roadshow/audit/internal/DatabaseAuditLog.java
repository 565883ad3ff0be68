package roadshow.audit.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

import org.osgi.annotation.bundle.Requirement;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import roadshow.audit.api.AuditEvent;
import roadshow.audit.api.AuditLog;
import roadshow.audit.api.AuditQuery;
import roadshow.store.api.Schema;

/**
 * The audit log in the {@code audit_event} table, which this bundle's migrations create
 * (see {@code db/audit}); it starts once roadshow.store has run them.
 */
@Requirement(namespace = "osgi.extender", name = Schema.EXTENDER, version = "1.0.0")
@Component(service = AuditLog.class)
public class DatabaseAuditLog implements AuditLog {

    // the column widths of V1__create_audit_event.sql
    static final int ACTOR_LENGTH = 200;
    static final int ACTOR_NAME_LENGTH = 200;
    static final int ACTION_LENGTH = 100;
    static final int TARGET_TYPE_LENGTH = 50;
    static final int TARGET_ID_LENGTH = 320;
    static final int DETAIL_LENGTH = 2000;
    static final int ADDRESS_LENGTH = 100;

    private static final String INSERT = "INSERT INTO audit_event"
            + " (occurred_at, actor, actor_name, action, target_type, target_id, detail, address)"
            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?)";
    private static final String SELECT = "SELECT id, occurred_at, actor, actor_name, action, target_type, target_id,"
            + " detail, address FROM audit_event";
    /** Escapes the wildcards of LIKE; not a backslash, which PostgreSQL reads differently in older string modes. */
    private static final char LIKE_ESCAPE = '!';

    private final DataSource dataSource;
    private final Clock clock;

    @Activate
    public DatabaseAuditLog(@Reference(name = "schema", target = "(" + Schema.OWNER + "=roadshow.audit)") Schema schema) {
        this(schema.dataSource(), Clock.systemUTC());
    }

    DatabaseAuditLog(DataSource dataSource, Clock clock) {
        this.dataSource = dataSource;
        this.clock = clock;
    }

    @Override
    public void record(AuditEvent event) {
        // PostgreSQL keeps microseconds: cut here, so that what is read back is what was written on H2 too
        Instant at = (event.at() != null ? event.at() : clock.instant()).truncatedTo(ChronoUnit.MICROS);
        try (Connection connection = dataSource.getConnection()) {
            // a transaction of its own, committed as the insert completes, whatever the caller's connection does
            connection.setAutoCommit(true);
            try (PreparedStatement insert = connection.prepareStatement(INSERT)) {
                insert.setObject(1, OffsetDateTime.ofInstant(at, ZoneOffset.UTC));
                insert.setString(2, fit(event.actor(), ACTOR_LENGTH));
                insert.setString(3, fit(event.actorName(), ACTOR_NAME_LENGTH));
                insert.setString(4, fit(event.action(), ACTION_LENGTH));
                insert.setString(5, fit(event.targetType(), TARGET_TYPE_LENGTH));
                insert.setString(6, fit(event.targetId(), TARGET_ID_LENGTH));
                insert.setString(7, fit(event.detail(), DETAIL_LENGTH));
                insert.setString(8, fit(event.address(), ADDRESS_LENGTH));
                insert.executeUpdate();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Audit event " + event.action() + " by " + event.actor()
                    + " not recorded: " + e.getMessage(), e);
        }
    }

    @Override
    public List<AuditEvent> list(AuditQuery query) {
        List<String> conditions = new ArrayList<>();
        List<Object> values = new ArrayList<>();
        if (query.actor() != null) {
            conditions.add("actor = ?");
            values.add(query.actor());
        }
        if (query.actionIsPrefix()) {
            conditions.add("action LIKE ? ESCAPE '" + LIKE_ESCAPE + "'");
            values.add(likePrefix(query.action()));
        } else if (query.action() != null) {
            conditions.add("action = ?");
            values.add(query.action());
        }
        if (query.targetType() != null) {
            conditions.add("target_type = ?");
            values.add(query.targetType());
        }
        if (query.targetId() != null) {
            conditions.add("target_id = ?");
            values.add(query.targetId());
        }
        if (query.beforeId() != null) {
            conditions.add("id < ?");
            values.add(id(query.beforeId()));
        }
        String sql = SELECT + (conditions.isEmpty() ? "" : " WHERE " + String.join(" AND ", conditions))
                + " ORDER BY id DESC LIMIT ?";
        values.add(query.limit());
        try (Connection connection = dataSource.getConnection();
                PreparedStatement select = connection.prepareStatement(sql)) {
            for (int i = 0; i < values.size(); i++) {
                select.setObject(i + 1, values.get(i));
            }
            List<AuditEvent> events = new ArrayList<>(Math.min(query.limit(), 64));
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    events.add(event(rows));
                }
            }
            return events;
        } catch (SQLException e) {
            throw new IllegalStateException("Audit log not read: " + e.getMessage(), e);
        }
    }

    private static AuditEvent event(ResultSet rows) throws SQLException {
        return new AuditEvent(Long.toString(rows.getLong("id")),
                rows.getObject("occurred_at", OffsetDateTime.class).toInstant(),
                rows.getString("actor"), rows.getString("actor_name"), rows.getString("action"),
                rows.getString("target_type"), rows.getString("target_id"), rows.getString("detail"),
                rows.getString("address"));
    }

    /** The row id an event id stands for. */
    private static long id(String eventId) {
        try {
            return Long.parseLong(eventId);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("'" + eventId + "' is not the id of an audit event");
        }
    }

    /** A LIKE pattern for the values starting with {@code prefix}, its own wildcards escaped. */
    static String likePrefix(String prefix) {
        StringBuilder pattern = new StringBuilder(prefix.length() + 2);
        for (char c : prefix.toCharArray()) {
            if (c == '%' || c == '_' || c == LIKE_ESCAPE) {
                pattern.append(LIKE_ESCAPE);
            }
            pattern.append(c);
        }
        return pattern.append('%').toString();
    }

    /**
     * {@code value} as the column keeps it: cut to its width and marked as cut, as part of
     * it may come from whoever sent a request, and an event refused for its length would
     * refuse what it records; and without NUL characters, which PostgreSQL does not store
     * in text.
     */
    static String fit(String value, int length) {
        if (value == null) {
            return null;
        }
        String text = value.replace('\0', '\uFFFD');
        if (text.length() <= length) {
            return text;
        }
        int end = length - 1;
        if (Character.isHighSurrogate(text.charAt(end - 1))) {
            end--; // never half a character
        }
        return text.substring(0, end) + "…";
    }
}
