package roadshow.certification.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.Period;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import roadshow.audit.api.AuditEvent;
import roadshow.audit.api.AuditLog;
import roadshow.audit.api.AuditQuery;
import roadshow.certification.api.Certification;
import roadshow.content.api.ContentBundle;
import roadshow.content.api.Course;
import roadshow.content.api.Program;
import roadshow.content.api.Quiz;
import roadshow.content.api.Track;
import roadshow.learning.api.CourseProgress;
import roadshow.learning.api.Learning;
import roadshow.quiz.api.AttemptDetail;
import roadshow.quiz.api.AttemptResult;
import roadshow.quiz.api.AttemptSummary;
import roadshow.quiz.api.QuizAttempt;
import roadshow.quiz.api.QuizAttempts;
import roadshow.store.api.Sql;

/** Certifications issued, expired, renewed, earned again and revoked, in H2, on a clock the test moves. */
class CertificationStoreTest {

    private static final Instant T0 = Instant.parse("2026-03-02T09:00:00Z");
    private static final String ANN = "person-ann";

    private static final class TestClock extends Clock {
        private Instant now = T0;

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }

        void move(Period by) {
            now = now.atOffset(ZoneOffset.UTC).plus(by).toInstant();
        }

        void move(Duration by) {
            now = now.plus(by);
        }
    }

    /** What the learning bundle knows: courses completed, by person. */
    private final Map<String, Map<String, Instant>> completions = new HashMap<>();
    /** What the quiz bundle knows: attempts, by person and quiz. */
    private final Map<String, List<AttemptSummary>> attempts = new HashMap<>();
    private final List<AuditEvent> audited = new CopyOnWriteArrayList<>();
    private final TestClock clock = new TestClock();
    private final ServedTracks tracks = new ServedTracks();
    private final Sql sql = new Sql(migrated());
    private final CertificationStore store = new CertificationStore(sql, tracks, learning(), quizzes(), audit(), clock,
            Period.ofMonths(6));

    private static JdbcDataSource migrated() {
        JdbcDataSource database = new JdbcDataSource();
        database.setURL("jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        Flyway.configure().dataSource(database).table("schema_history_roadshow_certification").locations("classpath:db/certification")
                .load().migrate();
        return database;
    }

    CertificationStoreTest() {
        serve("1.0.0", "Specialist");
    }

    /** Acme's specialist track: two courses, one elective of two (one Northwind's), an exam, a year, a renewal quiz. */
    private void serve(String version, String title) {
        Track track = new Track("specialist", "acme", title, List.of("acme/basics", "acme/pricing"),
                new Track.Electives(1, List.of("acme/migration", "northwind/phishing")), "acme/exam", Period.ofYears(1), "acme/renewal",
                null);
        List.copyOf(servedBundles).forEach(tracks::removeBundle);
        servedBundles.clear();
        ContentBundle bundle = new ContentBundle() {
            @Override
            public String vendor() {
                return "acme";
            }

            @Override
            public String symbolicName() {
                return "com.acme";
            }

            @Override
            public String version() {
                return version;
            }

            @Override
            public List<Course> courses() {
                return List.of();
            }

            @Override
            public List<Quiz> quizzes() {
                return List.of();
            }

            @Override
            public List<Track> tracks() {
                return List.of(track);
            }

            @Override
            public Optional<Program> program() {
                return Optional.empty();
            }

            @Override
            public Optional<InputStream> open(String path) {
                return Optional.empty();
            }
        };
        servedBundles.add(bundle);
        tracks.addBundle(bundle);
    }

    private final List<ContentBundle> servedBundles = new ArrayList<>();

    private void complete(String person, String course) {
        completions.computeIfAbsent(person, p -> new HashMap<>()).put(course, clock.instant());
        clock.move(Duration.ofMinutes(1));
    }

    private void pass(String person, String quiz) {
        attempts.computeIfAbsent(person + " " + quiz, k -> new ArrayList<>()).add(new AttemptSummary(UUID.randomUUID().toString(), quiz,
                1, AttemptSummary.State.SUBMITTED, clock.instant(), null, clock.instant(), 1.0, 1.0, true));
        clock.move(Duration.ofMinutes(1));
    }

    private void meetTheTrack(String person) {
        complete(person, "acme/basics");
        complete(person, "acme/pricing");
        complete(person, "northwind/phishing");
        pass(person, "acme/exam");
    }

    @Test
    void aCertificationIsIssuedOnceWhenTheTrackIsMetWithAnElectiveOfAnotherVendor() {
        complete(ANN, "acme/basics");
        complete(ANN, "acme/pricing");
        pass(ANN, "acme/exam");
        assertThat(store.evaluate(ANN)).as("no elective yet, and the exam must come last anyway").isEmpty();
        complete(ANN, "northwind/phishing");
        assertThat(store.evaluate(ANN)).as("the exam was passed before the last course").isEmpty();
        pass(ANN, "acme/exam");
        List<Certification> issued = store.evaluate(ANN);
        assertThat(issued).singleElement().satisfies(c -> {
            assertThat(c.status()).isEqualTo(Certification.Status.CURRENT);
            assertThat(c.track()).isEqualTo("acme/specialist");
            assertThat(c.expiresAt()).isEqualTo(c.issuedAt().atOffset(ZoneOffset.UTC).plusYears(1).toInstant());
            assertThat(c.code()).hasSize(24);
        });
        assertThat(store.evaluate(ANN)).as("issued once").isEmpty();
        assertThat(store.of(ANN)).hasSize(1);
        assertThat(store.byCode(issued.get(0).code().toUpperCase())).as("a code typed in capitals").isPresent();
        assertThat(store.track(ANN, "acme/specialist").orElseThrow().met()).isTrue();
    }

    @Test
    void evaluationsAtTheSameMomentIssueOneCertification() throws Exception {
        meetTheTrack(ANN);
        ExecutorService threads = Executors.newFixedThreadPool(8);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<List<Certification>>> results = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            results.add(threads.submit(() -> {
                start.await();
                return store.evaluate(ANN);
            }));
        }
        start.countDown();
        int issued = 0;
        for (Future<List<Certification>> result : results) {
            issued += result.get().size();
        }
        threads.shutdown();
        assertThat(issued).isEqualTo(1);
        assertThat(store.of(ANN)).hasSize(1);
    }

    @Test
    void aRenewalInTheWindowExtendsItByAYearFromTheOldExpiryAndOneOutsideDoesNot() {
        meetTheTrack(ANN);
        Certification issued = store.evaluate(ANN).get(0);
        clock.move(Period.ofMonths(5));
        pass(ANN, "acme/renewal");
        assertThat(store.evaluate(ANN)).as("seven months before expiry: the window is not open").isEmpty();
        clock.move(Period.ofMonths(3));
        pass(ANN, "acme/renewal");
        Certification renewed = store.evaluate(ANN).get(0);
        assertThat(renewed.id()).isEqualTo(issued.id());
        assertThat(renewed.code()).as("the same certificate").isEqualTo(issued.code());
        assertThat(renewed.expiresAt()).isEqualTo(issued.expiresAt().atOffset(ZoneOffset.UTC).plusYears(1).toInstant());
        assertThat(renewed.renewals()).isEqualTo(1);
        assertThat(store.evaluate(ANN)).as("a pass renews once").isEmpty();
        clock.move(Period.ofMonths(13));
        assertThat(store.byCode(issued.code()).orElseThrow().status()).as("renewed, so current a year past the first expiry")
                .isEqualTo(Certification.Status.CURRENT);
    }

    @Test
    void anExpiredCertificationStaysInTheHistoryAndANewExamPassEarnsItAgain() {
        meetTheTrack(ANN);
        Certification first = store.evaluate(ANN).get(0);
        clock.move(Period.ofMonths(12));
        clock.move(Duration.ofDays(2));
        assertThat(store.byCode(first.code()).orElseThrow().status()).isEqualTo(Certification.Status.EXPIRED);
        assertThat(store.evaluate(ANN)).as("the courses still count, the old exam pass does not").isEmpty();
        pass(ANN, "acme/renewal");
        assertThat(store.evaluate(ANN)).as("after expiry a renewal quiz renews nothing").isEmpty();
        pass(ANN, "acme/exam");
        Certification second = store.evaluate(ANN).get(0);
        assertThat(second.id()).isNotEqualTo(first.id());
        assertThat(second.status()).isEqualTo(Certification.Status.CURRENT);
        assertThat(store.of(ANN)).extracting(Certification::status)
                .containsExactly(Certification.Status.CURRENT, Certification.Status.EXPIRED);
    }

    @Test
    void aRevokedCertificationNoLongerCountsAndIsNotIssuedAgainOnTheOldProof() {
        meetTheTrack(ANN);
        Certification issued = store.evaluate(ANN).get(0);
        Certification revoked = store.revoke(issued.id(), "Exam taken by someone else", "admin-1").orElseThrow();
        assertThat(revoked.status()).isEqualTo(Certification.Status.REVOKED);
        assertThat(revoked.revokedReason()).isEqualTo("Exam taken by someone else");
        assertThat(store.revoke(issued.id(), "again", "admin-1").orElseThrow().revokedReason()).as("revoking again changes nothing")
                .isEqualTo("Exam taken by someone else");
        assertThat(audited).singleElement().satisfies(e -> assertThat(e.action()).isEqualTo("certification.revoke"));
        assertThat(store.evaluate(ANN)).isEmpty();
        assertThat(store.revoke("no-such-id", "x", "admin-1")).isEmpty();
    }

    @Test
    void aNewVersionOfTheTrackKeepsWhatWasIssuedOnTheOldOne() {
        meetTheTrack(ANN);
        Certification issued = store.evaluate(ANN).get(0);
        serve("2.0.0", "Specialist, renamed");
        assertThat(store.evaluate(ANN)).isEmpty();
        Certification kept = store.byCode(issued.code()).orElseThrow();
        assertThat(kept.status()).isEqualTo(Certification.Status.CURRENT);
        assertThat(kept.trackTitle()).isEqualTo("Specialist");
        assertThat(kept.trackVersion()).isEqualTo("1.0.0");
    }

    @Test
    void expiringBetweenFindsCurrentCertificationsByExpiry() {
        meetTheTrack(ANN);
        Certification issued = store.evaluate(ANN).get(0);
        assertThat(store.expiringBetween(clock.instant(), clock.instant().plus(Duration.ofDays(30)))).isEmpty();
        assertThat(store.expiringBetween(clock.instant(), clock.instant().plus(Duration.ofDays(366)))).extracting(Certification::id)
                .containsExactly(issued.id());
    }

    private Learning learning() {
        return new Learning() {
            @Override
            public Map<String, Instant> completions(String personId) {
                return Map.copyOf(completions.getOrDefault(personId, Map.of()));
            }

            @Override
            public CourseProgress enroll(String personId, String course) {
                throw new UnsupportedOperationException();
            }

            @Override
            public CourseProgress completeLesson(String personId, String course, String lesson) {
                throw new UnsupportedOperationException();
            }

            @Override
            public Optional<CourseProgress> progress(String personId, String course) {
                throw new UnsupportedOperationException();
            }

            @Override
            public Set<String> doneLessons(String personId, String course) {
                throw new UnsupportedOperationException();
            }

            @Override
            public List<CourseProgress> progress(String personId) {
                throw new UnsupportedOperationException();
            }
        };
    }

    private QuizAttempts quizzes() {
        return new QuizAttempts() {
            @Override
            public List<AttemptSummary> attempts(String personId, String quizGlobalId) {
                return List.copyOf(attempts.getOrDefault(personId + " " + quizGlobalId, List.of()));
            }

            @Override
            public QuizAttempt start(String personId, String quizGlobalId) {
                throw new UnsupportedOperationException();
            }

            @Override
            public void saveAnswer(String personId, String attemptId, String questionId, JsonNode answer) {
                throw new UnsupportedOperationException();
            }

            @Override
            public AttemptResult submit(String personId, String attemptId) {
                throw new UnsupportedOperationException();
            }

            @Override
            public boolean passed(String personId, String quizGlobalId) {
                throw new UnsupportedOperationException();
            }

            @Override
            public AttemptDetail attempt(String personId, String attemptId) {
                throw new UnsupportedOperationException();
            }
        };
    }

    private AuditLog audit() {
        return new AuditLog() {
            @Override
            public void record(AuditEvent event) {
                audited.add(event);
            }

            @Override
            public List<AuditEvent> list(AuditQuery query) {
                return List.copyOf(audited);
            }
        };
    }
}
