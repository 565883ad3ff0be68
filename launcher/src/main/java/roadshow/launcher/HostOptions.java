package roadshow.launcher;

import java.nio.file.Path;

/**
 * How to start a {@link Host}.
 *
 * @param port     HTTP port; 0 picks a free one
 * @param home     folder holding {@code deploy/}, {@code data/} and {@code conf/}
 * @param db       JDBC URL, or {@code null} for an H2 file database under {@code home/data}
 * @param examples whether a new home's {@code deploy/} is seeded with the example bundles
 * @param publicUrl the address people reach Roadshow at, for links in e-mails, or {@code null}
 * @param adminEmail e-mail of the admin made on the first start, or {@code null} for the default
 * @param adminPassword that admin's password, or {@code null} for a printed one-time password
 */
public record HostOptions(int port, Path home, String db, boolean examples, String publicUrl, String adminEmail,
        String adminPassword) {

    public HostOptions {
        home = home.toAbsolutePath().normalize();
    }

    /** Options with the defaults for the public URL and the first admin. */
    public HostOptions(int port, Path home, String db, boolean examples) {
        this(port, home, db, examples, null, null, null);
    }

    String jdbcUrl() {
        // WRITE_DELAY=0: a commit is on disk before it is acknowledged, so a killed process loses nothing it said was saved.
        return db != null && !db.isBlank() ? db : "jdbc:h2:file:" + home.resolve("data").resolve("roadshow") + ";WRITE_DELAY=0";
    }
}
