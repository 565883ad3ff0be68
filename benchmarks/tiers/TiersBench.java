import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.UUID;

/**
 * The tier benchmark's two halves (benchmarks/tiers.sh runs them):
 *
 * <pre>
 *   java -cp h2.jar TiersBench.java populate JDBC-URL ORG MEMBERS CERTIFICATIONS
 *   java TiersBench.java measure BASE-URL EMAIL PASSWORD ORG WARMUP RUNS
 * </pre>
 *
 * populate writes an organisation, its members and their certifications straight into the
 * tables of a Roadshow home that is not running (the rows Roadshow itself would write, with
 * passwords no one can log in with). measure asks {@code GET /api/v1/orgs/ORG/tiers}, which
 * recomputes the organisation's standing from its members' certifications each time, and
 * prints every latency in milliseconds.
 */
public class TiersBench {

    private static final int TRACKS = 5;

    public static void main(String[] args) throws Exception {
        switch (args[0]) {
            case "populate" -> populate(args[1], args[2], Integer.parseInt(args[3]), Integer.parseInt(args[4]));
            case "measure" -> measure(args[1], args[2], args[3], args[4], Integer.parseInt(args[5]), Integer.parseInt(args[6]));
            default -> throw new IllegalArgumentException(args[0]);
        }
    }

    /**
     * Each member holds certifications on the five tracks in turn until the number asked for
     * is reached; one in ten has expired, one in fifty was revoked, the rest expire over the
     * next two years.
     */
    static void populate(String url, String org, int members, int certifications) throws Exception {
        Random random = new Random(42);
        Instant now = Instant.now();
        try (Connection c = DriverManager.getConnection(url, "", "")) {
            c.setAutoCommit(false);
            try (PreparedStatement insert = c.prepareStatement("insert into identity_org (id, name, created_at) values (?, ?, ?)")) {
                insert.setString(1, org);
                insert.setString(2, "Benchmark partner " + org);
                insert.setTimestamp(3, Timestamp.from(now));
                insert.executeUpdate();
            }
            List<String> people = new ArrayList<>();
            try (PreparedStatement insert = c.prepareStatement("insert into identity_person (id, email, email_key, name, org,"
                    + " password_hash, email_verified, password_change_required, created_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                for (int i = 0; i < members; i++) {
                    String id = UUID.randomUUID().toString();
                    people.add(id);
                    String email = "member" + i + "@" + org + ".bench";
                    insert.setString(1, id);
                    insert.setString(2, email);
                    insert.setString(3, email);
                    insert.setString(4, "Member " + i);
                    insert.setString(5, org);
                    insert.setString(6, "!not-a-password-hash");
                    insert.setBoolean(7, true);
                    insert.setBoolean(8, false);
                    insert.setTimestamp(9, Timestamp.from(now));
                    insert.addBatch();
                    if (i % 1000 == 999) {
                        insert.executeBatch();
                    }
                }
                insert.executeBatch();
            }
            try (PreparedStatement insert = c.prepareStatement("insert into cert_certification (id, code, person, track, generation,"
                    + " vendor, track_title, track_version, issued_at, expires_at, revoked_at) values (?, ?, ?, ?, 1, 'bench', ?, '1.0.0', ?, ?, ?)")) {
                for (int i = 0; i < certifications; i++) {
                    String person = people.get(i % members);
                    int track = 1 + (i / members) % TRACKS;
                    int kind = random.nextInt(100);
                    Instant expires = kind < 10 ? now.minus(Duration.ofDays(1 + random.nextInt(300)))
                            : now.plus(Duration.ofDays(1 + random.nextInt(730)));
                    insert.setString(1, UUID.randomUUID().toString());
                    insert.setString(2, UUID.randomUUID().toString().replace("-", "").substring(0, 24));
                    insert.setString(3, person);
                    insert.setString(4, "bench/track-" + track);
                    insert.setString(5, "Benchmark track " + track);
                    insert.setTimestamp(6, Timestamp.from(expires.minus(Duration.ofDays(730))));
                    insert.setTimestamp(7, Timestamp.from(expires));
                    insert.setTimestamp(8, kind >= 98 ? Timestamp.from(now.minus(Duration.ofDays(3))) : null);
                    insert.addBatch();
                    if (i % 1000 == 999) {
                        insert.executeBatch();
                    }
                }
                insert.executeBatch();
            }
            c.commit();
        }
        System.out.println("populated " + org + ": " + members + " members, " + certifications + " certifications");
    }

    static void measure(String base, String email, String password, String org, int warmup, int runs) throws Exception {
        HttpClient client = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
        HttpResponse<String> login = client.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/session"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"email\": \"" + email + "\", \"password\": \"" + password + "\"}")).build(),
                HttpResponse.BodyHandlers.ofString());
        if (login.statusCode() != 200) {
            throw new IllegalStateException("log-in refused: " + login.statusCode() + " " + login.body());
        }
        HttpRequest tiers = HttpRequest.newBuilder(URI.create(base + "/api/v1/orgs/" + org + "/tiers")).build();
        String body = null;
        for (int i = 0; i < warmup; i++) {
            body = client.send(tiers, HttpResponse.BodyHandlers.ofString()).body();
        }
        double[] millis = new double[runs];
        for (int i = 0; i < runs; i++) {
            long start = System.nanoTime();
            HttpResponse<String> response = client.send(tiers, HttpResponse.BodyHandlers.ofString());
            millis[i] = (System.nanoTime() - start) / 1e6;
            if (response.statusCode() != 200) {
                throw new IllegalStateException("GET tiers answered " + response.statusCode() + " " + response.body());
            }
            body = response.body();
        }
        double[] sorted = millis.clone();
        Arrays.sort(sorted);
        System.out.printf("runs=%d median_ms=%.1f p90_ms=%.1f min_ms=%.1f max_ms=%.1f%n", runs, sorted[runs / 2],
                sorted[(int) Math.ceil(runs * 0.9) - 1], sorted[0], sorted[runs - 1]);
        StringBuilder all = new StringBuilder("all_ms=");
        for (double m : millis) {
            all.append(String.format("%.1f ", m));
        }
        System.out.println(all.toString().trim());
        System.out.println("standing=" + body.substring(0, Math.min(600, body.length())));
    }
}
