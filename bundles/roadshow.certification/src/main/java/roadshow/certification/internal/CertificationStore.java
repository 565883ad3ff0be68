package roadshow.certification.internal;

import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.Period;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.osgi.annotation.bundle.Requirement;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.Designate;

import roadshow.audit.api.AuditEvent;
import roadshow.audit.api.AuditLog;
import roadshow.certification.api.Certification;
import roadshow.certification.api.Certifications;
import roadshow.certification.api.TrackProgress;
import roadshow.content.api.Track;
import roadshow.learning.api.Learning;
import roadshow.quiz.api.QuizAttempts;
import roadshow.store.api.Schema;
import roadshow.store.api.Sql;

/**
 * {@link Certifications} in the certification tables, against the tracks served now and
 * what the learning and quiz bundles know a learner has done.
 */
// The tables are made by roadshow.store's schema extender from db/certification.
@Requirement(namespace = "osgi.extender", name = Schema.EXTENDER, version = "1.0.0")
@Component(service = {Certifications.class, CertificationStore.class}, configurationPid = CertificationConfig.PID)
@Designate(ocd = CertificationConfig.class)
public class CertificationStore implements Certifications {

    /** Lowercase letters and digits that cannot be mistaken for one another when typed from paper. */
    private static final char[] CODE_ALPHABET = "abcdefghjkmnpqrstuvwxyz23456789".toCharArray();
    private static final int CODE_LENGTH = 24;
    private static final String COLUMNS = "id, code, person, track, generation, vendor, track_title, track_version, issued_at, expires_at,"
            + " renewals, revoked_at, revoked_reason";
    /** Rows of an IN list per query. */
    private static final int CHUNK = 500;

    private final Sql sql;
    private final ServedTracks tracks;
    private final Learning learning;
    private final QuizAttempts attempts;
    private final AuditLog audit;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();
    /** The renewal window of tracks that set none. */
    private volatile Period window;

    @Activate
    public CertificationStore(@Reference(target = "(roadshow.schema=roadshow.certification)") Schema schema,
            @Reference ServedTracks tracks, @Reference Learning learning, @Reference QuizAttempts attempts, @Reference AuditLog audit,
            CertificationConfig config) {
        this(new Sql(schema.dataSource()), tracks, learning, attempts, audit, Clock.systemUTC(), TrackRules.window(config.renewal_window()));
    }

    CertificationStore(Sql sql, ServedTracks tracks, Learning learning, QuizAttempts attempts, AuditLog audit, Clock clock,
            Period window) {
        this.sql = sql;
        this.tracks = tracks;
        this.learning = learning;
        this.attempts = attempts;
        this.audit = audit;
        this.clock = clock;
        this.window = window;
    }

    @Modified
    void modified(CertificationConfig config) {
        this.window = TrackRules.window(config.renewal_window());
    }

    /** The track's own renewal window, or the one configured. */
    private Period window(Track track) {
        return track.renewalWindow() != null ? track.renewalWindow() : window;
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }

    /** A certification's row. */
    private record Row(String id, String code, String person, String track, int generation, String vendor, String title, String version,
            Instant issuedAt, Instant expiresAt, int renewals, Instant revokedAt, String revokedReason) {

        Certification at(Instant now) {
            return new Certification(id, code, person, track, vendor, title, version, issuedAt, expiresAt, renewals, revokedAt,
                    revokedReason, TrackRules.status(expiresAt, revokedAt, now));
        }
    }

    private static Row row(ResultSet r) throws SQLException {
        return new Row(r.getString("id"), r.getString("code"), r.getString("person"), r.getString("track"), r.getInt("generation"),
                r.getString("vendor"), r.getString("track_title"), r.getString("track_version"), Sql.instant(r, "issued_at"),
                Sql.instant(r, "expires_at"), r.getInt("renewals"), Sql.instant(r, "revoked_at"), r.getString("revoked_reason"));
    }

    @Override
    public List<Certification> of(String personId) {
        evaluate(personId);
        Instant now = now();
        return sql.list("select " + COLUMNS + " from cert_certification where person = ? order by issued_at desc", CertificationStore::row,
                personId).stream().map(row -> row.at(now)).toList();
    }

    @Override
    public List<Certification> held(Collection<String> personIds) {
        Instant now = now();
        List<String> people = List.copyOf(new HashSet<>(personIds));
        List<Row> rows = new ArrayList<>();
        for (int from = 0; from < people.size(); from += CHUNK) {
            List<String> chunk = people.subList(from, Math.min(people.size(), from + CHUNK));
            String marks = chunk.stream().map(p -> "?").collect(Collectors.joining(", "));
            rows.addAll(sql.list("select " + COLUMNS + " from cert_certification where person in (" + marks + ")", CertificationStore::row,
                    chunk.toArray()));
        }
        return rows.stream().sorted((a, b) -> b.issuedAt().compareTo(a.issuedAt())).map(row -> row.at(now)).toList();
    }

    @Override
    public Optional<Certification> byCode(String code) {
        if (code == null || code.length() > 40) {
            return Optional.empty();
        }
        Instant now = now();
        return sql.one("select " + COLUMNS + " from cert_certification where code = ?", CertificationStore::row, code.toLowerCase())
                .map(row -> row.at(now));
    }

    @Override
    public List<TrackProgress> tracks(String personId) {
        evaluate(personId);
        TrackRules.Evidence evidence = evidence(personId);
        Map<String, Row> latest = latest(personId);
        Instant now = now();
        return tracks.tracks().stream().map(served -> progress(served.track(), evidence, latest.get(served.track().globalId()), now))
                .toList();
    }

    @Override
    public Optional<TrackProgress> track(String personId, String trackGlobalId) {
        Optional<ServedTracks.Served> served = tracks.track(trackGlobalId);
        if (served.isEmpty()) {
            return Optional.empty();
        }
        evaluate(personId);
        return Optional.of(progress(served.get().track(), evidence(personId), latest(personId).get(trackGlobalId), now()));
    }

    private TrackProgress progress(Track track, TrackRules.Evidence evidence, Row latest, Instant now) {
        List<TrackProgress.Step> required = track.requiredCourses().stream()
                .map(course -> new TrackProgress.Step(course, tracks.courseTitle(course), evidence.completions().containsKey(course)))
                .toList();
        List<TrackProgress.Step> electives = track.electives() == null ? List.of() : track.electives().from().stream()
                .map(course -> new TrackProgress.Step(course, tracks.courseTitle(course), evidence.completions().containsKey(course)))
                .toList();
        Certification certification = latest == null ? null : latest.at(now);
        // the exam counts for the certification it gave; once that has ended, only a new pass does
        Instant endedAt = latest == null ? null : TrackRules.endedAt(latest.expiresAt(), latest.revokedAt(), now);
        TrackProgress.Step exam = track.exam() == null ? null : new TrackProgress.Step(track.exam(), tracks.quizTitle(track.exam()),
                evidence.passes(track.exam()).stream().anyMatch(p -> endedAt == null || p.at().isAfter(endedAt)));
        boolean renewable = certification != null && certification.current() && track.renewalQuiz() != null
                && certification.expiresAt() != null;
        return new TrackProgress(track.globalId(), track.title(), track.vendor(), required,
                track.electives() == null ? 0 : track.electives().choose(), electives, exam, certification,
                renewable ? TrackRules.windowOpens(certification.expiresAt(), window(track)) : null, renewable ? track.renewalQuiz() : null);
    }

    /** The person's latest certification on each track, by track. */
    private Map<String, Row> latest(String personId) {
        Map<String, Row> latest = new HashMap<>();
        for (Row row : sql.list("select " + COLUMNS + " from cert_certification where person = ? order by generation", CertificationStore::row,
                personId)) {
            latest.put(row.track(), row);
        }
        return latest;
    }

    /** What the person has done that any track served now counts. */
    private TrackRules.Evidence evidence(String personId) {
        Map<String, Instant> completions = learning.completions(personId);
        Set<String> quizzes = new HashSet<>();
        for (ServedTracks.Served served : tracks.tracks()) {
            if (served.track().exam() != null) {
                quizzes.add(served.track().exam());
            }
            if (served.track().renewalQuiz() != null) {
                quizzes.add(served.track().renewalQuiz());
            }
        }
        Map<String, List<TrackRules.Pass>> passes = new HashMap<>();
        for (String quiz : quizzes) {
            passes.put(quiz, attempts.attempts(personId, quiz).stream()
                    .filter(a -> Boolean.TRUE.equals(a.passed()) && a.submittedAt() != null)
                    .map(a -> new TrackRules.Pass(a.attempt(), a.submittedAt()))
                    .sorted((a, b) -> a.at().compareTo(b.at()))
                    .toList());
        }
        return new TrackRules.Evidence(completions, passes);
    }

    @Override
    public List<Certification> evaluate(String personId) {
        TrackRules.Evidence evidence = evidence(personId);
        List<Certification> changed = new ArrayList<>();
        for (ServedTracks.Served served : tracks.tracks()) {
            try {
                sql.transaction(c -> {
                    evaluate(c, personId, served, evidence).ifPresent(changed::add);
                    return null;
                });
            } catch (Sql.Failure e) {
                if (!e.duplicate()) {
                    throw e;
                }
                // another evaluation issued or renewed it at the same moment: it is done
            }
        }
        return changed;
    }

    private Optional<Certification> evaluate(Connection c, String personId, ServedTracks.Served served, TrackRules.Evidence evidence)
            throws SQLException {
        Track track = served.track();
        Instant now = now();
        Optional<Row> latest = Sql.one(c, "select " + COLUMNS + " from cert_certification where person = ? and track = ?"
                + " order by generation desc fetch first 1 rows only", CertificationStore::row, personId, track.globalId());
        if (latest.isPresent() && latest.get().at(now).current()) {
            Row row = latest.get();
            Set<String> used = new HashSet<>(Sql.list(c, "select attempt from cert_renewal where certification = ?", r -> r.getString(1),
                    row.id()));
            List<TrackRules.Renewal> renewals = TrackRules.renewals(track, row.issuedAt(), row.expiresAt(), window(track), evidence, used,
                    now);
            if (renewals.isEmpty()) {
                return Optional.empty();
            }
            Instant expiry = row.expiresAt();
            for (TrackRules.Renewal renewal : renewals) {
                Sql.update(c, "insert into cert_renewal (certification, attempt, renewed_at, expired_at, expires_at) values (?, ?, ?, ?, ?)",
                        row.id(), renewal.pass().attempt(), renewal.pass().at(), expiry, renewal.expiresAt());
                expiry = renewal.expiresAt();
            }
            Sql.update(c, "update cert_certification set expires_at = ?, renewals = renewals + ? where id = ?", expiry, renewals.size(),
                    row.id());
            return Sql.one(c, "select " + COLUMNS + " from cert_certification where id = ?", CertificationStore::row, row.id())
                    .map(r -> r.at(now));
        }
        Instant endedAt = latest.map(row -> TrackRules.endedAt(row.expiresAt(), row.revokedAt(), now)).orElse(null);
        if (TrackRules.metAt(track, evidence, endedAt).isEmpty()) {
            return Optional.empty();
        }
        Instant expiresAt = TrackRules.expiry(track, now);
        Row issued = new Row(UUID.randomUUID().toString(), newCode(), personId, track.globalId(), latest.map(Row::generation).orElse(0) + 1,
                track.vendor(), track.title(), served.version(), now, expiresAt, 0, null, null);
        Sql.update(c, "insert into cert_certification (id, code, person, track, generation, vendor, track_title, track_version, issued_at,"
                + " expires_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", issued.id(), issued.code(), personId, track.globalId(),
                issued.generation(), track.vendor(), track.title(), served.version(), now, expiresAt);
        return Optional.of(issued.at(now));
    }

    private String newCode() {
        StringBuilder code = new StringBuilder(CODE_LENGTH);
        for (int i = 0; i < CODE_LENGTH; i++) {
            code.append(CODE_ALPHABET[random.nextInt(CODE_ALPHABET.length)]);
        }
        return code.toString();
    }

    @Override
    public Optional<Certification> revoke(String certificationId, String reason, String actorId) {
        Instant now = now();
        boolean[] revokedNow = new boolean[1];
        Optional<Row> row = sql.transaction(c -> {
            Optional<Row> found = Sql.one(c, "select " + COLUMNS + " from cert_certification where id = ? for update",
                    CertificationStore::row, certificationId);
            if (found.isEmpty() || found.get().revokedAt() != null) {
                return found;
            }
            Sql.update(c, "update cert_certification set revoked_at = ?, revoked_reason = ?, revoked_by = ? where id = ?", now, reason,
                    actorId, certificationId);
            revokedNow[0] = true;
            return Sql.one(c, "select " + COLUMNS + " from cert_certification where id = ?", CertificationStore::row, certificationId);
        });
        if (revokedNow[0]) {
            audit.record(AuditEvent.of(actorId, null, "certification.revoke", "certification", certificationId,
                    row.get().track() + " of " + row.get().person() + ": " + reason, null));
        }
        return row.map(r -> r.at(now));
    }

    /** The certification with this id. */
    Optional<Certification> find(String id) {
        Instant now = now();
        return sql.one("select " + COLUMNS + " from cert_certification where id = ?", CertificationStore::row, id).map(row -> row.at(now));
    }

    /** Every current certification expiring between the two moments, soonest first: what reminders are about. */
    List<Certification> expiringBetween(Instant from, Instant to) {
        Instant now = now();
        return sql.list("select " + COLUMNS + " from cert_certification where revoked_at is null and expires_at > ? and expires_at <= ?"
                + " order by expires_at", CertificationStore::row, from, to).stream().map(row -> row.at(now)).toList();
    }
}
