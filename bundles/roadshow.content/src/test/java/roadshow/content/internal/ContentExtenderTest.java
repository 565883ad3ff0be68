package roadshow.content.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.tuple;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleException;
import org.osgi.framework.Constants;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.ServiceReference;
import org.osgi.framework.launch.Framework;
import org.osgi.framework.launch.FrameworkFactory;
import org.osgi.framework.wiring.FrameworkWiring;

import roadshow.content.api.ContentBundle;
import roadshow.content.api.ContentBundleState;
import roadshow.content.api.ContentBundleState.State;
import roadshow.content.api.ContentProblem;
import roadshow.content.api.Course;

/**
 * The extender in a real Felix framework, with content bundles built on the fly and
 * installed, started, stopped, updated and uninstalled as an operator would.
 */
class ContentExtenderTest {

    private Framework framework;
    private BundleContext context;
    private ContentExtender extender;

    @BeforeEach
    void startFramework(@TempDir Path storage) throws BundleException {
        FrameworkFactory factory = ServiceLoader.load(FrameworkFactory.class).findFirst().orElseThrow();
        framework = factory.newFramework(Map.of(
                Constants.FRAMEWORK_STORAGE, storage.toString(),
                Constants.FRAMEWORK_STORAGE_CLEAN, Constants.FRAMEWORK_STORAGE_CLEAN_ONFIRSTINIT));
        framework.start();
        context = framework.getBundleContext();
        extender = new ContentExtender();
        extender.open(context, ContentLimits.DEFAULTS);
    }

    @AfterEach
    void stopFramework() throws Exception {
        extender.close();
        framework.stop();
        framework.waitForStop(10_000);
    }

    /** The bundle that provides the course {@code example/intro}, which the spec's example requires. */
    private static TestBundle introBundle() {
        return TestBundle.minimal()
                .header("Bundle-SymbolicName", "com.example.training.intro")
                .header("Provide-Capability", "roadshow.course;roadshow.course=\"example/intro\"");
    }

    private Bundle install(TestBundle bundle) throws Exception {
        String name = "test:" + System.nanoTime();
        return context.installBundle(name, new ByteArrayInputStream(bundle.jar()));
    }

    private Bundle start(TestBundle bundle) throws Exception {
        Bundle installed = install(bundle);
        installed.start();
        return installed;
    }

    private List<ContentBundle> services(Bundle of) throws InvalidSyntaxException {
        ServiceReference<?>[] references = context.getAllServiceReferences(ContentBundle.class.getName(), null);
        return references == null ? List.of() : Arrays.stream(references)
                .filter(reference -> reference.getBundle().equals(of))
                .map(reference -> (ContentBundle) context.getService(reference))
                .toList();
    }

    private ContentBundleState state(Bundle bundle) {
        return extender.states().stream().filter(s -> s.bundleId() == bundle.getBundleId()).findFirst().orElse(null);
    }

    private static String read(Optional<InputStream> file) throws IOException {
        try (InputStream in = file.orElseThrow()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void servesAStartedContentBundleThroughItsOwnContext() throws Exception {
        start(introBundle());
        Bundle bundle = start(TestBundle.spec());

        ServiceReference<?> reference = Arrays.stream(context.getAllServiceReferences(ContentBundle.class.getName(), null))
                .filter(r -> r.getBundle().equals(bundle)).findFirst().orElseThrow();
        assertThat(reference.getProperty(ContentBundle.VENDOR)).isEqualTo("example");
        assertThat(reference.getProperty(ContentBundle.SYMBOLIC_NAME)).isEqualTo("com.example.training.cloud");
        assertThat(reference.getProperty(ContentBundle.VERSION)).isEqualTo("1.2.0");

        ContentBundle content = (ContentBundle) context.getService(reference);
        assertThat(content.courses()).extracting(Course::globalId)
                .containsExactly("example/cloud-basics", "example/licensing", "example/migration", "example/pricing");
        assertThat(content.quiz("cloud-basics-check")).isPresent();
        assertThat(content.program()).isPresent();

        ContentBundleState state = state(bundle);
        assertThat(state.state()).isEqualTo(State.ACTIVE);
        assertThat(state.vendor()).isEqualTo("example");
        assertThat(state.courses()).contains("example/cloud-basics");
        assertThat(state.problems()).isEmpty();
    }

    @Test
    void opensFilesOnlyInsideTheContentFolder() throws Exception {
        Bundle bundle = start(TestBundle.minimal());
        ContentBundle content = services(bundle).get(0);

        assertThat(read(content.open("courses/intro/lessons/hello.md"))).isEqualTo("# Hello\n");
        assertThat(content.open("courses/intro/lessons/missing.md")).isEmpty();
        assertThat(content.open("../META-INF/MANIFEST.MF")).isEmpty();
        assertThat(content.open("/roadshow/courses/intro/course.yaml")).isEmpty();
    }

    @Test
    void opensLessonsAndAssetsButNeverTheQuizzesOrOtherYaml() throws Exception {
        start(introBundle());
        Bundle bundle = start(TestBundle.spec());
        ContentBundle content = services(bundle).get(0);

        assertThat(read(content.open("courses/cloud-basics/lessons/01-welcome.md"))).startsWith("# Welcome");
        assertThat(read(content.open("courses/cloud-basics/assets/tco.png"))).isEqualTo("not really a PNG");
        assertThat(read(content.open("courses/cloud-basics/i18n/de/lessons/01-welcome.md"))).startsWith("# Willkommen");
        assertThat(content.open("quizzes/cloud-basics-check.yaml")).isEmpty();
        assertThat(content.open("courses/cloud-basics/course.yaml")).isEmpty();
        assertThat(content.open("courses/cloud-basics/i18n/de/course.yaml")).isEmpty();
        assertThat(content.open("tracks/cloud-sales-specialist.yaml")).isEmpty();
        assertThat(content.open("program.yaml")).isEmpty();
        assertThat(content.open("courses/other/lessons/01-welcome.md")).isEmpty();
    }

    @Test
    void withdrawsTheContentWhenTheBundleStops() throws Exception {
        Bundle bundle = start(TestBundle.minimal());
        assertThat(services(bundle)).hasSize(1);

        bundle.stop();

        assertThat(services(bundle)).isEmpty();
        assertThat(state(bundle)).isNull();
    }

    @Test
    void refusesABadBundleAndServesNothingOfIt() throws Exception {
        Bundle bundle = start(TestBundle.minimal().remove("courses/intro/lessons/hello.md"));

        assertThat(services(bundle)).isEmpty();
        ContentBundleState state = state(bundle);
        assertThat(state.state()).isEqualTo(State.REFUSED);
        assertThat(state.symbolicName()).isEqualTo("com.example.training.cloud");
        assertThat(state.courses()).isEmpty();
        assertThat(state.problems()).extracting(ContentProblem::file, ContentProblem::line, ContentProblem::rule)
                .containsExactly(tuple("roadshow/courses/intro/course.yaml", 6, "lesson.missing"));
    }

    @Test
    void explainsWhyABundleStaysUnresolved() throws Exception {
        Bundle bundle = install(TestBundle.spec());
        assertThatExceptionOfType(BundleException.class).isThrownBy(bundle::start);

        assertThat(state(bundle).state()).isEqualTo(State.UNRESOLVED);
        assertThat(state(bundle).problems()).extracting(ContentProblem::rule, ContentProblem::message).containsExactly(
                tuple("requirement.unsatisfied", "requires course example/intro, which no installed bundle provides"));

        Bundle intro = install(introBundle());
        assertThat(state(bundle).problems()).extracting(ContentProblem::message).containsExactly(
                "requires course example/intro, which com.example.training.intro 1.2.0 provides, "
                        + "but that bundle is not resolved itself");

        intro.start();
        bundle.start();
        assertThat(state(bundle).state()).isEqualTo(State.ACTIVE);
        assertThat(services(bundle)).hasSize(1);
    }

    @Test
    void explainsThatAQuestionTypeItRequiresIsMissing() throws Exception {
        Bundle bundle = install(TestBundle.minimal()
                .header("Require-Capability", "roadshow.question.type;filter:=\"(roadshow.question.type=cloze)\""));
        assertThatExceptionOfType(BundleException.class).isThrownBy(bundle::start);

        assertThat(state(bundle).state()).isEqualTo(State.UNRESOLVED);
        assertThat(state(bundle).problems()).extracting(ContentProblem::rule, ContentProblem::message).containsExactly(
                tuple("requirement.unsatisfied", "requires question type cloze, which no installed bundle provides: "
                        + "a platform operator adds it by installing the code bundle that provides it"));

        // a code bundle, not a content bundle: it only provides the type
        install(TestBundle.minimal().header("Roadshow-Content", null).header("Bundle-SymbolicName", "com.example.quiz.cloze")
                .header("Provide-Capability", "roadshow.question.type;roadshow.question.type=cloze"));
        bundle.start();
        assertThat(state(bundle).state()).isEqualTo(State.ACTIVE);
    }

    @Test
    void saysSoWhenEveryRequiredCourseIsThereButTheBundleIsNotResolvedYet() throws Exception {
        Bundle intro = start(introBundle());
        Bundle bundle = install(TestBundle.spec());

        assertThat(state(bundle).problems()).extracting(ContentProblem::rule).containsExactly("bundle.unresolved");

        framework.adapt(FrameworkWiring.class).resolveBundles(List.of(bundle));
        assertThat(state(bundle)).isNull();
        assertThat(intro.getState()).isEqualTo(Bundle.ACTIVE);
    }

    @Test
    void refusesACourseAnotherBundleServesAndServesItOnceThatBundleLeaves() throws Exception {
        Bundle first = start(TestBundle.minimal());
        Bundle second = start(TestBundle.minimal().header("Bundle-SymbolicName", "com.example.training.cloud.copy"));

        assertThat(services(second)).isEmpty();
        ContentBundleState refused = state(second);
        assertThat(refused.state()).isEqualTo(State.REFUSED);
        assertThat(refused.problems()).extracting(ContentProblem::file, ContentProblem::rule)
                .containsExactly(tuple("roadshow/courses/intro/course.yaml", "id.taken"));
        assertThat(refused.problems().get(0).message()).contains("example/intro").contains("com.example.training.cloud 1.2.0");

        first.uninstall();

        assertThat(state(second).state()).isEqualTo(State.ACTIVE);
        assertThat(services(second)).hasSize(1);
    }

    @Test
    void refusesATrackOrProgrammeAnotherBundleOfTheVendorServes() throws Exception {
        Bundle first = start(TestBundle.minimal()
                .content("tracks/specialist.yaml", "id: specialist\ntitle: Specialist\nrequires: {courses: [intro]}\n")
                .content("program.yaml", "tiers:\n  - {id: silver, title: Silver}\n"));
        Bundle track = start(TestBundle.minimal().header("Bundle-SymbolicName", "com.example.training.other")
                .content("courses/other/course.yaml", TestBundle.lessonCourse("other", "Other"))
                .content("courses/other/lessons/one.md", "# One\n")
                .remove("courses/intro/course.yaml").remove("courses/intro/lessons/hello.md")
                .content("tracks/specialist.yaml", "id: specialist\ntitle: Specialist\nrequires: {courses: [other]}\n"));
        Bundle program = start(TestBundle.minimal().header("Bundle-SymbolicName", "com.example.training.third")
                .content("courses/third/course.yaml", TestBundle.lessonCourse("third", "Third"))
                .content("courses/third/lessons/one.md", "# One\n")
                .remove("courses/intro/course.yaml").remove("courses/intro/lessons/hello.md")
                .content("program.yaml", "tiers:\n  - {id: gold, title: Gold}\n"));

        assertThat(state(first).state()).isEqualTo(State.ACTIVE);
        assertThat(state(track).problems()).extracting(ContentProblem::file, ContentProblem::rule)
                .containsExactly(tuple("roadshow/tracks/specialist.yaml", "id.taken"));
        assertThat(state(track).problems().get(0).message()).contains("example/specialist");
        assertThat(state(program).problems()).extracting(ContentProblem::file, ContentProblem::rule)
                .containsExactly(tuple("roadshow/program.yaml", "id.taken"));
        assertThat(services(track)).isEmpty();
        assertThat(services(program)).isEmpty();

        first.uninstall();

        assertThat(state(track).state()).isEqualTo(State.ACTIVE);
        assertThat(state(program).state()).isEqualTo(State.ACTIVE);
    }

    @Test
    void anOldTrackingOfABundleLettingGoDoesNotFreeTheIdsOfTheNewOne() throws Exception {
        Bundle bundle = start(TestBundle.minimal());
        ContentExtender.TrackedBundle old = extender.tracking(bundle);
        ContentExtender.Customizer customizer = extender.new Customizer();

        // the tracker takes up the bundle anew before it has let go of the old tracking
        customizer.addingBundle(bundle, null);
        customizer.removedBundle(bundle, null, old);
        Bundle copy = start(TestBundle.minimal().header("Bundle-SymbolicName", "com.example.training.cloud.copy"));

        assertThat(state(bundle).state()).isEqualTo(State.ACTIVE);
        assertThat(state(copy).problems()).extracting(ContentProblem::rule).containsExactly("id.taken");
        assertThat(services(copy)).isEmpty();
    }

    @Test
    void aBundleRefusedForATakenIdIsServedWhenTheIdIsFreedRightAfterTheRefusal() throws Exception {
        start(TestBundle.minimal());
        start(TestBundle.minimal().header("Bundle-SymbolicName", "com.example.training.cloud.copy"));
        extender.close();
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        Thread[] uninstalling = new Thread[1];
        extender = new ContentExtender();
        extender.afterRefusedClaim = () -> {
            // the bundle that serves the course leaves between the other's refused claim and its refusal being shown
            long serving = extender.states().stream().filter(s -> s.state() == State.ACTIVE).findFirst().orElseThrow().bundleId();
            uninstalling[0] = new Thread(() -> {
                try {
                    context.getBundle(serving).uninstall();
                } catch (BundleException e) {
                    throw new IllegalStateException(e);
                }
            });
            uninstalling[0].start();
            long deadline = System.nanoTime() + 10_000_000_000L;
            while (uninstalling[0].isAlive() && System.nanoTime() < deadline) {
                // until it is done, or waits for this refusal to finish so as to serve this bundle
                ThreadInfo info = threads.getThreadInfo(uninstalling[0].getId());
                if (info != null && info.getLockOwnerId() == Thread.currentThread().getId()) {
                    break;
                }
                Thread.onSpinWait();
            }
        };

        // both bundles are already started, so the tracker reads them as it opens, one after the other
        extender.open(context, ContentLimits.DEFAULTS);
        extender.afterRefusedClaim = () -> { };
        uninstalling[0].join(10_000);

        List<ContentBundleState> states = extender.states();
        assertThat(states).extracting(ContentBundleState::state).containsExactly(State.ACTIVE);
        assertThat(services(context.getBundle(states.get(0).bundleId()))).hasSize(1);
    }

    @Test
    void refusesABundleTooDeepToListWithoutOverflowingTheStack() throws Exception {
        Bundle bundle = install(TestBundle.minimal().file("deep/" + "a/".repeat(5_000) + "x.txt", "x"));
        Throwable[] failure = new Throwable[1];
        // a small stack, as on a framework thread: listing must not recurse once per folder
        Thread starter = new Thread(null, () -> {
            try {
                bundle.start();
            } catch (Throwable e) {
                failure[0] = e;
            }
        }, "starter", 512 * 1024);
        starter.start();
        starter.join(60_000);

        assertThat(failure[0]).isNull();
        assertThat(state(bundle).state()).isEqualTo(State.REFUSED);
        assertThat(state(bundle).problems()).extracting(ContentProblem::rule).containsExactly("path.too-deep");
    }

    @Test
    void refusesABundleOfTooManyFoldersQuickly() throws Exception {
        TestBundle wide = TestBundle.minimal();
        for (int i = 0; i < 12_000; i++) {
            wide.file("x/d" + i + "/f", "");
        }
        Bundle bundle = install(wide);
        long start = System.nanoTime();

        bundle.start();

        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
        assertThat(state(bundle).problems()).extracting(ContentProblem::file, ContentProblem::rule)
                .containsExactly(tuple(null, "bundle.too-many-entries"));
    }

    @Test
    void aFailureWhileReadingRefusesTheBundleInsteadOfEscaping() throws Exception {
        extender.close();
        extender = new ContentExtender();
        extender.open(context, new ContentReader(ContentLimits.DEFAULTS) {
            @Override
            public Verdict read(ContentSource source) throws IOException {
                String version = source.headers().get("Bundle-Version");
                if (version.equals("1.3.0")) {
                    throw new StackOverflowError();
                }
                if (version.equals("1.4.0")) {
                    throw new IllegalArgumentException("no such thing");
                }
                return super.read(source);
            }
        });
        Bundle bundle = start(TestBundle.minimal());
        assertThat(state(bundle).state()).isEqualTo(State.ACTIVE);

        bundle.update(new ByteArrayInputStream(TestBundle.minimal().header("Bundle-Version", "1.3.0").jar()));

        assertThat(state(bundle).state()).isEqualTo(State.REFUSED);
        assertThat(state(bundle).problems()).extracting(ContentProblem::file, ContentProblem::rule)
                .containsExactly(tuple(null, "bundle.unreadable"));
        assertThat(state(bundle).problems().get(0).message()).contains("overflowed the stack");

        bundle.update(new ByteArrayInputStream(TestBundle.minimal().header("Bundle-Version", "1.4.0").jar()));

        assertThat(state(bundle).problems()).extracting(ContentProblem::rule).containsExactly("bundle.unreadable");
        assertThat(state(bundle).problems().get(0).message()).contains("IllegalArgumentException: no such thing");
    }

    @Test
    void listsOnlyTheBundlesOwnFilesNotThoseOfAnAttachedFragment() throws Exception {
        Bundle bundle = install(TestBundle.minimal());
        install(TestBundle.minimal().header("Roadshow-Content", null).header("Roadshow-Vendor", null)
                .header("Bundle-SymbolicName", "com.example.training.cloud.fragment")
                .header("Fragment-Host", "com.example.training.cloud")
                .content("courses/intro/lessons/extra.md", "# Extra\n")
                .content("quizes/typo.yaml", "not content"));

        bundle.start();

        assertThat(bundle.findEntries("roadshow/", "extra.md", true)).as("the fragment is attached").isNotNull();
        assertThat(state(bundle).state()).isEqualTo(State.ACTIVE);
        assertThat(services(bundle).get(0).open("courses/intro/lessons/extra.md")).isEmpty();
    }

    @Test
    void rereadsABundleWhenItIsUpdated() throws Exception {
        Bundle bundle = start(TestBundle.minimal());

        bundle.update(new ByteArrayInputStream(TestBundle.minimal()
                .header("Bundle-Version", "1.3.0")
                .content("courses/intro/course.yaml", TestBundle.lessonCourse("intro", "Introduction, revised")
                        .replace("one.md", "hello.md"))
                .jar()));

        List<ContentBundle> served = services(bundle);
        assertThat(served).hasSize(1);
        assertThat(served.get(0).version()).isEqualTo("1.3.0");
        assertThat(served.get(0).courses().get(0).title()).isEqualTo("Introduction, revised");
        assertThat(state(bundle).version()).isEqualTo("1.3.0");
    }

    @Test
    void anUpdateThatBreaksARuleWithdrawsTheContent() throws Exception {
        Bundle bundle = start(TestBundle.minimal());

        bundle.update(new ByteArrayInputStream(TestBundle.minimal().content("courses/intro/course.yaml", "id: [").jar()));

        assertThat(services(bundle)).isEmpty();
        assertThat(state(bundle).state()).isEqualTo(State.REFUSED);
        assertThat(state(bundle).problems()).extracting(ContentProblem::rule).containsExactly("yaml.syntax");
    }

    @Test
    void servesALazilyStartedBundleThatNeverLeavesStarting() throws Exception {
        Bundle bundle = install(TestBundle.minimal().header("Bundle-ActivationPolicy", "lazy"));

        bundle.start(Bundle.START_ACTIVATION_POLICY);

        assertThat(bundle.getState()).isEqualTo(Bundle.STARTING);
        assertThat(services(bundle)).hasSize(1);
    }

    @Test
    void ignoresBundlesWithoutContent() throws Exception {
        start(TestBundle.minimal().header("Roadshow-Content", null));

        assertThat(extender.states()).isEmpty();
    }

    @Test
    void listsBundlesBySymbolicName() throws Exception {
        start(TestBundle.minimal().header("Bundle-SymbolicName", "b.second").remove("courses/intro/lessons/hello.md"));
        start(TestBundle.minimal().header("Bundle-SymbolicName", "a.first"));

        assertThat(extender.states()).extracting(ContentBundleState::symbolicName, ContentBundleState::state)
                .containsExactly(tuple("a.first", State.ACTIVE), tuple("b.second", State.REFUSED));
    }

    @Test
    void closingTheExtenderWithdrawsEveryContentBundle() throws Exception {
        Bundle bundle = start(TestBundle.minimal());

        extender.close();

        assertThat(services(bundle)).isEmpty();
        assertThat(extender.states()).isEmpty();
        extender.open(context, ContentLimits.DEFAULTS);
        assertThat(services(bundle)).hasSize(1);
    }
}
