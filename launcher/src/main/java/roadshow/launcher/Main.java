package roadshow.launcher;

import java.nio.file.Path;
import java.util.concurrent.Callable;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Starts Roadshow: parses the options, starts the {@link Host} and waits until the
 * framework stops, on SIGTERM or Ctrl-C through a shutdown hook.
 */
@Command(name = "roadshow", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
        description = "Starts Roadshow, the partner-training LMS, on an embedded OSGi framework.",
        footer = {"", "Each option can also be set by the environment variable shown; a flag wins over the variable."})
public final class Main implements Callable<Integer> {

    @Option(names = "--port", paramLabel = "PORT", defaultValue = "${env:ROADSHOW_PORT:-8080}",
            description = "HTTP port to serve on (ROADSHOW_PORT). Default: ${DEFAULT-VALUE}.")
    int port;

    @Option(names = "--home", paramLabel = "DIR", defaultValue = "${env:ROADSHOW_HOME:-roadshow-home}",
            description = "Home folder holding deploy/, data/ and conf/ (ROADSHOW_HOME). Default: ./${DEFAULT-VALUE}.")
    Path home;

    @Option(names = "--db", paramLabel = "JDBC-URL", defaultValue = "${env:ROADSHOW_DB}",
            description = "JDBC URL of the database (ROADSHOW_DB). Default: an H2 file database under HOME/data.")
    String db;

    @Option(names = "--examples", paramLabel = "true|false", defaultValue = "${env:ROADSHOW_EXAMPLES:-true}",
            arity = "1", description = "Seed a new home's deploy/ with the example content bundles (ROADSHOW_EXAMPLES). "
                    + "Turn off for production. Default: ${DEFAULT-VALUE}.")
    boolean examples;

    @Option(names = "--public-url", paramLabel = "URL", defaultValue = "${env:ROADSHOW_PUBLIC_URL}",
            description = "The address people reach Roadshow at, used in the links of e-mails (ROADSHOW_PUBLIC_URL). "
                    + "Default: http://localhost:PORT.")
    String publicUrl;

    @Option(names = "--admin-email", paramLabel = "EMAIL", defaultValue = "${env:ROADSHOW_ADMIN_EMAIL}",
            description = "E-mail of the platform admin made on the first start (ROADSHOW_ADMIN_EMAIL). With "
                    + "ROADSHOW_ADMIN_PASSWORD set in the environment (never a flag, which others could read), that is the admin's "
                    + "password; without it, a one-time password is printed. Default: admin@roadshow.local.")
    String adminEmail;

    /** Kept so the level set on it holds: JUL forgets loggers nobody references. */
    private static final java.util.logging.Logger SPI_FLY_LOG = java.util.logging.Logger.getLogger("org.apache.aries.spifly");

    public static void main(String[] args) {
        configureLogging();
        System.exit(new CommandLine(new Main()).execute(args));
    }

    /** One readable log on standard error; the operator can override any of it with -D. */
    private static void configureLogging() {
        defaultProperty("org.slf4j.simpleLogger.showDateTime", "true");
        defaultProperty("org.slf4j.simpleLogger.dateTimeFormat", "yyyy-MM-dd HH:mm:ss.SSS");
        defaultProperty("org.slf4j.simpleLogger.showShortLogName", "true");
        defaultProperty("org.slf4j.simpleLogger.log.org.eclipse.jetty", "warn");
        // SPI Fly reports every service provider it wires through JUL: start-up noise.
        SPI_FLY_LOG.setLevel(java.util.logging.Level.WARNING);
    }

    private static void defaultProperty(String key, String value) {
        if (System.getProperty(key) == null) {
            System.setProperty(key, value);
        }
    }

    @Override
    public Integer call() throws Exception {
        Host host = Host.start(new HostOptions(port, home, db, examples, publicUrl, adminEmail,
                System.getenv("ROADSHOW_ADMIN_PASSWORD")));
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            host.stop();
            System.out.println("Roadshow stopped");
        }, "roadshow-shutdown"));
        System.out.println("Roadshow is serving on " + host.url());
        host.awaitStop();
        return 0;
    }

    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String version = Main.class.getPackage().getImplementationVersion();
            return new String[] {"Roadshow " + (version == null ? "development build" : version)};
        }
    }
}
