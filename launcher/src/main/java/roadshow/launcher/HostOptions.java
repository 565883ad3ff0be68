package roadshow.launcher;

import java.nio.file.Path;

/**
 * How to start a {@link Host}.
 *
 * @param port     HTTP port; 0 picks a free one
 * @param home     folder holding {@code deploy/}, {@code data/} and {@code conf/}
 * @param db       JDBC URL, or {@code null} for an H2 file database under {@code home/data}
 * @param examples whether a new home's {@code deploy/} is seeded with the example bundles
 */
public record HostOptions(int port, Path home, String db, boolean examples) {

    public HostOptions {
        home = home.toAbsolutePath().normalize();
    }

    String jdbcUrl() {
        return db != null && !db.isBlank() ? db : "jdbc:h2:file:" + home.resolve("data").resolve("roadshow");
    }
}
