package roadshow.store.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static roadshow.store.internal.MigrationFiles.appliedScripts;
import static roadshow.store.internal.MigrationFiles.query;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.concurrent.BrokenBarrierException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;

import javax.sql.DataSource;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleException;
import org.osgi.framework.Constants;
import org.osgi.framework.FrameworkEvent;
import org.osgi.framework.FrameworkListener;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.ServiceReference;
import org.osgi.framework.launch.Framework;
import org.osgi.framework.launch.FrameworkFactory;
import org.osgi.framework.wiring.FrameworkWiring;

import roadshow.store.api.Database;
import roadshow.store.api.Schema;

/**
 * The extender in a real Felix framework, against real in-memory H2 databases, with
 * bundles built on the fly and started and stopped as an operator would. The extender
 * is given its database as Declarative Services would give it.
 */
class SchemaExtenderTest {

    private static final String COURSE_TABLE = "CREATE TABLE course (id VARCHAR(64) PRIMARY KEY);";

    private Framework framework;
    private BundleContext context;
    private PooledDatabase database;
    private DatabaseObjects databases;
    private SchemaExtender extender;

    /** What reached the framework's event dispatch: errors thrown by its listeners, the extender's among them. */
    private final List<FrameworkEvent> frameworkErrors = new CopyOnWriteArrayList<>();
    private final FrameworkListener errorListener = event -> {
        if (event.getType() == FrameworkEvent.ERROR) {
            frameworkErrors.add(event);
        }
    };

    private final ByteArrayOutputStream log = new ByteArrayOutputStream();
    private PrintStream standardError;

    @BeforeEach
    void startFramework(@TempDir Path storage) throws BundleException, SQLException {
        standardError = System.err;
        System.setErr(new PrintStream(log, true, StandardCharsets.UTF_8));
        FrameworkFactory factory = ServiceLoader.load(FrameworkFactory.class).findFirst().orElseThrow();
        framework = factory.newFramework(Map.of(
                Constants.FRAMEWORK_STORAGE, storage.toString(),
                Constants.FRAMEWORK_STORAGE_CLEAN, Constants.FRAMEWORK_STORAGE_CLEAN_ONFIRSTINIT));
        framework.start();
        context = framework.getBundleContext();
        context.addFrameworkListener(errorListener);
        database = DatabaseObjects.h2(context, 10);
        open(new DatabaseObjects(() -> database));
    }

    @AfterEach
    void stopFramework() throws Exception {
        try {
            extender.close();
            database.close();
            framework.stop();
            framework.waitForStop(10_000);
        } finally {
            System.setErr(standardError);
        }
    }

    /** Replaces the extender with one given its database by these service objects. */
    private void open(DatabaseObjects serviceObjects) {
        if (extender != null) {
            extender.close();
        }
        databases = serviceObjects;
        extender = new SchemaExtender(serviceObjects);
        extender.open(context);
    }

    private Bundle install(SchemaBundle bundle) throws BundleException {
        return context.installBundle("test:" + System.nanoTime(), new ByteArrayInputStream(bundle.jar()));
    }

    private Bundle start(SchemaBundle bundle) throws BundleException {
        Bundle installed = install(bundle);
        installed.start();
        return installed;
    }

    private List<ServiceReference<?>> schemas(String owner) throws InvalidSyntaxException {
        ServiceReference<?>[] references = context.getAllServiceReferences(Schema.class.getName(),
                "(" + Schema.OWNER + "=" + owner + ")");
        return references == null ? List.of() : Arrays.asList(references);
    }

    private List<String> tables() throws SQLException {
        return query(database.dataSource(), "SELECT TABLE_NAME FROM INFORMATION_SCHEMA.TABLES WHERE TABLE_SCHEMA = 'PUBLIC'");
    }

    private List<String> logLines() {
        return log.toString(StandardCharsets.UTF_8).lines().toList();
    }

    /** The framework errors, once every framework event queued so far has been delivered. */
    private List<FrameworkEvent> frameworkErrors() throws InterruptedException {
        // Felix delivers framework events in order on one thread: once this refresh is reported, the errors before it are too
        CountDownLatch delivered = new CountDownLatch(1);
        framework.adapt(FrameworkWiring.class).refreshBundles(List.of(), event -> delivered.countDown());
        assertThat(delivered.await(10, TimeUnit.SECONDS)).isTrue();
        return frameworkErrors;
    }

    @Test
    void registersTheSchemaWithTheOwnersContextOnceItsTablesExist() throws Exception {
        Bundle owner = start(SchemaBundle.named("roadshow.catalog")
                .migration("V1__create_course.sql", COURSE_TABLE)
                .migration("V2__seed_course.sql", "INSERT INTO course VALUES ('osgi-101');"));

        List<ServiceReference<?>> references = schemas("roadshow.catalog");
        assertThat(references).hasSize(1);
        assertThat(references.get(0).getBundle()).isEqualTo(owner);
        Schema schema = (Schema) context.getService(references.get(0));
        assertThat(query(schema.dataSource(), "SELECT id FROM course")).containsExactly("osgi-101");
        assertThat(schema.product()).isEqualTo(Database.Product.H2);
    }

    @Test
    void theSchemaLeavesWithItsOwner() throws Exception {
        Bundle owner = start(SchemaBundle.named("roadshow.catalog").migration("V1__create_course.sql", COURSE_TABLE));
        assertThat(schemas("roadshow.catalog")).hasSize(1);

        owner.stop();

        assertThat(schemas("roadshow.catalog")).isEmpty();
        owner.start();
        assertThat(schemas("roadshow.catalog")).hasSize(1);
    }

    @Test
    void registersNoSchemaWhenAMigrationFailsAndSaysWhichFile() throws Exception {
        Bundle owner = start(SchemaBundle.named("roadshow.quiz")
                .migration("V1__add_pass_mark.sql", "ALTER TABLE no_such_table ADD COLUMN pass_mark INT;"));

        assertThat(owner.getState()).isEqualTo(Bundle.ACTIVE);
        assertThat(schemas("roadshow.quiz")).isEmpty();
        assertThat(logLines()).filteredOn(line -> line.contains("Schema of roadshow.quiz not migrated")).hasSize(1);
        // Flyway's message goes on over several lines
        assertThat(String.join("\n", logLines())).contains("db/migration/V1__add_pass_mark.sql", "\"NO_SUCH_TABLE\" not found");
        assertThat(frameworkErrors()).isEmpty();
    }

    @Test
    void readsMigrationsInSubfoldersOfAJarWithoutFolderEntries() throws Exception {
        start(SchemaBundle.named("roadshow.catalog")
                .migration("courses/V1__create_course.sql", COURSE_TABLE)
                .migration("lessons/V2__create_lesson.sql", "CREATE TABLE lesson (id VARCHAR(64) PRIMARY KEY);"));

        assertThat(appliedScripts(database.dataSource(), "schema_history_roadshow_catalog"))
                .containsExactly("courses/V1__create_course.sql", "lessons/V2__create_lesson.sql");
    }

    @Test
    void aFragmentCannotAddMigrationsToItsHost() throws Exception {
        install(SchemaBundle.fragmentOf("roadshow.catalog")
                .migration("V2__smuggle.sql", "CREATE TABLE smuggled (secret VARCHAR(64));"));
        Bundle host = start(SchemaBundle.named("roadshow.catalog").migration("V1__create_course.sql", COURSE_TABLE));

        // the fragment is attached: whatever reads the host's class path sees its file
        assertThat(Collections.list(host.findEntries("db/migration", "*.sql", true))).extracting(URL::getPath)
                .contains("/db/migration/V2__smuggle.sql");
        assertThat(appliedScripts(database.dataSource(), "schema_history_roadshow_catalog"))
                .containsExactly("V1__create_course.sql");
        assertThat(tables()).contains("COURSE").doesNotContain("SMUGGLED");
        assertThat(schemas("roadshow.catalog")).hasSize(1);
    }

    @Test
    void neverRunsTheSqlOfAVendorContentBundleAndSaysSoOnce() throws Exception {
        Bundle vendor = start(SchemaBundle.named("com.example.training.cloud")
                .header("Roadshow-Content", "roadshow/")
                .migration("V1__grant.sql", "CREATE TABLE vendor_owned (id INT);"));

        assertThat(vendor.getState()).isEqualTo(Bundle.ACTIVE);
        assertThat(schemas("com.example.training.cloud")).isEmpty();
        assertThat(tables()).doesNotContain("VENDOR_OWNED")
                .noneMatch(table -> table.startsWith("schema_history_com_example"));
        assertThat(databases.taken).hasValue(0);
        assertThat(logLines()).filteredOn(line -> line.contains("com.example.training.cloud"))
                .singleElement().asString()
                .contains("WARN", "Ignored the Roadshow-Schema header of vendor content bundle com.example.training.cloud");
    }

    @Test
    void opensNoDatabaseUntilABundleWithASchemaStartsAndGivesItBackWhenClosed() throws Exception {
        start(SchemaBundle.named("roadshow.web").header("Roadshow-Schema", null));
        assertThat(databases.taken).hasValue(0);

        start(SchemaBundle.named("roadshow.catalog").migration("V1__create_course.sql", COURSE_TABLE));
        start(SchemaBundle.named("roadshow.quiz").migration("V1__create_quiz.sql", "CREATE TABLE quiz (id INT);"));
        assertThat(databases.taken).hasValue(1);

        extender.close();
        assertThat(databases.givenBack).hasValue(1);
        assertThat(schemas("roadshow.catalog")).isEmpty();
    }

    @Test
    void aDatabaseThatFailedToActivateIsReportedAndTriedAgainWhenTheOwnerRestarts() throws Exception {
        AtomicBoolean databaseUp = new AtomicBoolean();
        // as Declarative Services gives it: no service object while the component cannot activate
        open(new DatabaseObjects(() -> databaseUp.get() ? database : null));

        Bundle owner = start(SchemaBundle.named("roadshow.catalog").migration("V1__create_course.sql", COURSE_TABLE));

        assertThat(owner.getState()).isEqualTo(Bundle.ACTIVE);
        assertThat(schemas("roadshow.catalog")).isEmpty();
        assertThat(frameworkErrors()).isEmpty();
        assertThat(logLines()).filteredOn(line -> line.contains("Schema of roadshow.catalog not migrated"))
                .singleElement().asString().contains("ERROR", "no database", "failed to activate");

        databaseUp.set(true);
        owner.stop();
        owner.start();
        assertThat(schemas("roadshow.catalog")).hasSize(1);
    }

    @Test
    void anUnreachableDatabaseFailsTheMigrationNotTheFrameworksEventDispatch() throws Exception {
        DataSource unreachable = (DataSource) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {DataSource.class}, (proxy, method, arguments) -> {
                    if (method.getName().equals("getConnection")) {
                        // as a driver may throw, unchecked
                        throw new IllegalStateException("Connection to db.example.com:5432 refused");
                    }
                    return method.getName().equals("toString") ? "unreachable" : null;
                });
        open(new DatabaseObjects(() -> new Connections(unreachable)));

        Bundle owner = start(SchemaBundle.named("roadshow.catalog").migration("V1__create_course.sql", COURSE_TABLE));

        assertThat(owner.getState()).isEqualTo(Bundle.ACTIVE);
        assertThat(schemas("roadshow.catalog")).isEmpty();
        assertThat(frameworkErrors()).isEmpty();
        assertThat(String.join("\n", logLines()))
                .contains("Schema of roadshow.catalog not migrated", "Connection to db.example.com:5432 refused");
    }

    @Test
    void bundlesStartedAtOnceOnAPoolOfTwoAreMigratedOneAfterTheOther() throws Exception {
        PooledDatabase poolOfTwo = DatabaseObjects.h2(context, 2);
        try {
            open(new DatabaseObjects(() -> new Connections(meetingAtFirstConnection(poolOfTwo.dataSource()))));
            Bundle catalog = install(SchemaBundle.named("roadshow.catalog").migration("V1__create_course.sql", COURSE_TABLE));
            Bundle quiz = install(SchemaBundle.named("roadshow.quiz").migration("V1__create_quiz.sql", "CREATE TABLE quiz (id INT);"));
            // resolved first, so that the two starts meet in the extender and not in the resolver
            assertThat(framework.adapt(FrameworkWiring.class).resolveBundles(List.of(catalog, quiz))).isTrue();

            CountDownLatch go = new CountDownLatch(1);
            ExecutorService operators = Executors.newFixedThreadPool(2);
            try {
                List<Future<?>> starts = List.of(
                        operators.submit(() -> { go.await(); catalog.start(); return null; }),
                        operators.submit(() -> { go.await(); quiz.start(); return null; }));
                go.countDown();
                for (Future<?> start : starts) {
                    start.get(2, TimeUnit.MINUTES);
                }
            } finally {
                operators.shutdownNow();
            }

            assertThat(schemas("roadshow.catalog")).hasSize(1);
            assertThat(schemas("roadshow.quiz")).hasSize(1);
            assertThat(appliedScripts(poolOfTwo.dataSource(), "schema_history_roadshow_quiz")).containsExactly("V1__create_quiz.sql");
        } finally {
            extender.close();
            poolOfTwo.close();
        }
    }

    /**
     * The pool, except that a thread's first connection is handed over only once another
     * thread holds its first too, or after two seconds alone: the moment two migrations
     * at once on a pool of two each hold one connection and go on to ask for a second.
     * Without it that moment comes only by chance.
     */
    private static DataSource meetingAtFirstConnection(DataSource pool) {
        CyclicBarrier bothHoldOne = new CyclicBarrier(2);
        Set<Thread> holding = ConcurrentHashMap.newKeySet();
        return (DataSource) Proxy.newProxyInstance(SchemaExtenderTest.class.getClassLoader(),
                new Class<?>[] {DataSource.class}, (proxy, method, arguments) -> {
                    Object result;
                    try {
                        result = method.invoke(pool, arguments);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                    if (method.getName().equals("getConnection") && holding.add(Thread.currentThread())) {
                        try {
                            bothHoldOne.await(2, TimeUnit.SECONDS);
                        } catch (TimeoutException | BrokenBarrierException alone) {
                            // the other migration waits its turn, as it should
                        }
                    }
                    return result;
                });
    }

    /** A database of the given connections, as the pooled one would be. */
    private record Connections(DataSource dataSource) implements Database {
        @Override
        public Product product() {
            return Product.H2;
        }
    }
}
