package roadshow.content.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;

import org.assertj.core.api.AbstractListAssert;
import org.assertj.core.api.ObjectAssert;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import roadshow.content.api.ContentProblem;
import roadshow.content.api.Course;
import roadshow.content.api.Question;

/**
 * One bad bundle per rule of the content format: each test breaks one rule of an
 * otherwise valid bundle and checks the file, line and rule of what is reported, and
 * that nothing else is.
 */
class ContentRulesTest {

    static final String MANIFEST = "META-INF/MANIFEST.MF";
    static final String INTRO = "roadshow/courses/intro/course.yaml";
    static final String BASICS = "roadshow/courses/cloud-basics/course.yaml";
    static final String CHECK = "roadshow/quizzes/cloud-basics-check.yaml";
    static final String TRACK = "roadshow/tracks/cloud-sales-specialist.yaml";
    static final String PROGRAM = "roadshow/program.yaml";

    @TempDir
    Path temp;

    Reading reading;

    @BeforeEach
    void setUp() {
        reading = new Reading(temp);
    }

    List<ContentProblem> problems(TestBundle bundle) {
        return reading.problems(bundle);
    }

    /** The problems as (file, line, rule), to compare exactly. */
    AbstractListAssert<?, List<? extends Tuple>, Tuple, ObjectAssert<Tuple>> assertProblems(TestBundle bundle) {
        return assertThat(problems(bundle)).extracting(ContentProblem::file, ContentProblem::line, ContentProblem::rule);
    }

    static TestBundle introCourse(String yaml) {
        return TestBundle.minimal().content("courses/intro/course.yaml", yaml);
    }

    /** The minimal bundle plus one quiz, {@code quizzes/check.yaml}, holding these questions. */
    static TestBundle quizWith(String questions) {
        return TestBundle.minimal().content("quizzes/check.yaml",
                "id: check\ntitle: Check\npassScore: 0.5\nquestions:\n" + questions);
    }

    static final String CHECK_QUIZ = "roadshow/quizzes/check.yaml";

    @Nested
    class Manifest {

        @Test
        void aJarWithoutRoadshowContentIsNoContentBundle() {
            List<ContentProblem> problems = problems(TestBundle.minimal().header("Roadshow-Content", null));
            assertThat(problems).extracting(ContentProblem::file, ContentProblem::line, ContentProblem::rule)
                    .containsExactly(tuple(MANIFEST, null, "manifest.content"));
            assertThat(problems.get(0).message()).contains("not a content bundle");
        }

        @Test
        void theContentFolderMustExist() {
            List<ContentProblem> problems = problems(TestBundle.minimal().header("Roadshow-Content", "content/"));
            assertThat(problems).extracting(ContentProblem::file, ContentProblem::rule)
                    .containsExactly(tuple(MANIFEST, "manifest.content"));
            assertThat(problems.get(0).message()).contains("content/");
        }

        @Test
        void theContentFolderMustStayInsideTheBundle() {
            assertProblems(TestBundle.minimal().header("Roadshow-Content", "../roadshow/"))
                    .containsExactly(tuple(MANIFEST, null, "manifest.content"));
        }

        @Test
        void theContentFolderMayBeWrittenWithoutItsSlashes() {
            assertThat(reading.accepted(TestBundle.minimal().header("Roadshow-Content", "/roadshow")).folder())
                    .isEqualTo("roadshow/");
        }

        @Test
        void theVendorIsRequired() {
            assertProblems(TestBundle.minimal().header("Roadshow-Vendor", null))
                    .containsExactly(tuple(MANIFEST, null, "manifest.vendor"));
        }

        @Test
        void theVendorFollowsItsPattern() {
            assertProblems(TestBundle.minimal().header("Roadshow-Vendor", "Example Inc"))
                    .containsExactly(tuple(MANIFEST, null, "manifest.vendor"));
            assertProblems(TestBundle.minimal().header("Roadshow-Vendor", "x"))
                    .containsExactly(tuple(MANIFEST, null, "manifest.vendor"));
        }

        @Test
        void theSymbolicNameIsRequiredAndValid() {
            assertProblems(TestBundle.minimal().header("Bundle-SymbolicName", null))
                    .containsExactly(tuple(MANIFEST, null, "manifest.symbolic-name"));
            assertProblems(TestBundle.minimal().header("Bundle-SymbolicName", "com example"))
                    .containsExactly(tuple(MANIFEST, null, "manifest.symbolic-name"));
        }

        @Test
        void theSymbolicNameMayCarryDirectivesAndTheVersionIsNormalized() {
            Curriculum curriculum = reading.accepted(TestBundle.minimal()
                    .header("Bundle-SymbolicName", "com.example.training.cloud;singleton:=true")
                    .header("Bundle-Version", "1.2"));
            assertThat(curriculum.symbolicName()).isEqualTo("com.example.training.cloud");
            assertThat(curriculum.version()).isEqualTo("1.2.0");
        }

        @Test
        void theVersionIsRequiredAndValid() {
            assertProblems(TestBundle.minimal().header("Bundle-Version", null))
                    .containsExactly(tuple(MANIFEST, null, "manifest.version"));
            assertProblems(TestBundle.minimal().header("Bundle-Version", "1.x"))
                    .containsExactly(tuple(MANIFEST, null, "manifest.version"));
        }

        @Test
        void theManifestVersionIsTwo() {
            assertProblems(TestBundle.minimal().header("Bundle-ManifestVersion", null))
                    .containsExactly(tuple(MANIFEST, null, "manifest.manifest-version"));
        }

        @Test
        void aProvidedCourseMustBeOneOfTheBundle() {
            List<ContentProblem> problems = problems(TestBundle.minimal()
                    .header("Provide-Capability", "roadshow.course;roadshow.course=\"example/advanced\""));
            assertThat(problems).extracting(ContentProblem::file, ContentProblem::line, ContentProblem::rule)
                    .containsExactly(tuple(MANIFEST, null, "capability.course"));
            assertThat(problems.get(0).message()).contains("example/advanced");
        }

        @Test
        void aBundleCannotProvideAnotherVendorsCourse() {
            assertProblems(TestBundle.minimal()
                    .header("Provide-Capability", "roadshow.course;roadshow.course=\"northwind/intro\""))
                    .containsExactly(tuple(MANIFEST, null, "capability.course"));
        }

        @Test
        void aProvidedCourseCapabilityNamesItsCourse() {
            assertProblems(TestBundle.minimal().header("Provide-Capability", "roadshow.course;version:Version=\"1.0\""))
                    .containsExactly(tuple(MANIFEST, null, "manifest.capability"));
        }

        @Test
        void aRequiredCourseCapabilityNeedsAFilterNamingTheCourse() {
            assertProblems(TestBundle.minimal().header("Require-Capability", "roadshow.course"))
                    .containsExactly(tuple(MANIFEST, null, "manifest.capability"));
            assertProblems(TestBundle.minimal()
                    .header("Require-Capability", "roadshow.course;filter:=\"(roadshow.course=intro)\""))
                    .containsExactly(tuple(MANIFEST, null, "manifest.capability"));
        }

        @Test
        void aMalformedCapabilityHeaderIsReported() {
            assertProblems(TestBundle.minimal()
                    .header("Require-Capability", "roadshow.course;filter:=\"(roadshow.course=example/x)"))
                    .containsExactly(tuple(MANIFEST, null, "manifest.capability"));
        }

        @Test
        void headersThatGiveTheBundleCodeAreRefused() {
            List<ContentProblem> problems = problems(TestBundle.minimal()
                    .header("Bundle-Activator", "com.evil.Activator")
                    .header("Service-Component", "OSGI-INF/*.xml")
                    .header("Bundle-NativeCode", "lib/evil.so")
                    .header("DynamicImport-Package", "*")
                    .header("Import-Package", "org.osgi.framework")
                    .header("Export-Package", "com.evil")
                    .header("Fragment-Host", "roadshow.store")
                    .header("Roadshow-Schema", "db/migration")
                    .header("Bundle-ClassPath", ".,lib/evil.jar"));
            assertThat(problems).extracting(ContentProblem::file, ContentProblem::rule)
                    .containsOnly(tuple(MANIFEST, "manifest.code"));
            assertThat(problems).extracting(ContentProblem::message).hasSize(9).allMatch(m -> m.contains("no code"))
                    .anyMatch(m -> m.startsWith("Bundle-Activator")).anyMatch(m -> m.startsWith("Roadshow-Schema"))
                    .anyMatch(m -> m.startsWith("Bundle-ClassPath '.,lib/evil.jar'"));
        }

        @Test
        void theBundleItselfMayBeItsClassPath() {
            reading.accepted(TestBundle.minimal().header("Bundle-ClassPath", " . "));
        }

        @Test
        void everyManifestProblemIsReportedAtOnce() {
            assertProblems(TestBundle.minimal().header("Roadshow-Vendor", null).header("Bundle-Version", "x"))
                    .containsExactlyInAnyOrder(tuple(MANIFEST, null, "manifest.version"),
                            tuple(MANIFEST, null, "manifest.vendor"));
        }
    }

    @Nested
    class Yaml {

        @Test
        void aSyntaxErrorNamesItsLine() {
            List<ContentProblem> problems = problems(introCourse("""
                    id: intro
                    title: Introduction: the basics
                    lessons:
                      - {id: hello, title: Hello, file: lessons/hello.md}
                    """));
            assertThat(problems).extracting(ContentProblem::file, ContentProblem::line, ContentProblem::rule)
                    .containsExactly(tuple(INTRO, 2, "yaml.syntax"));
            assertThat(problems.get(0).message()).contains("mapping values are not allowed here");
        }

        @Test
        void anUnclosedListIsASyntaxError() {
            assertProblems(introCourse("""
                    id: intro
                    title: Introduction
                    tags: [cloud, sales
                    lessons:
                      - {id: hello, title: Hello, file: lessons/hello.md}
                    """)).containsExactly(tuple(INTRO, 4, "yaml.syntax"));
        }

        @Test
        void aDuplicateKeyIsReportedWithBothLines() {
            List<ContentProblem> problems = problems(introCourse("""
                    id: intro
                    title: Introduction
                    lessons:
                      - {id: hello, title: Hello, file: lessons/hello.md}
                    title: Introduction again
                    """));
            assertThat(problems).extracting(ContentProblem::file, ContentProblem::line, ContentProblem::rule)
                    .containsExactly(tuple(INTRO, 5, "yaml.duplicate-key"));
            assertThat(problems.get(0).message()).contains("'title'").contains("first at line 2");
        }

        @Test
        void everyDuplicateKeyIsReported() {
            assertProblems(introCourse("""
                    id: intro
                    title: Introduction
                    lessons:
                      - {id: hello, title: Hello, file: lessons/hello.md, title: Hi}
                    id: intro
                    """)).containsExactly(tuple(INTRO, 4, "yaml.duplicate-key"), tuple(INTRO, 5, "yaml.duplicate-key"));
        }

        @Test
        void aliasesAreRefused() {
            assertProblems(introCourse("""
                    id: intro
                    title: &name Introduction
                    summary: *name
                    lessons:
                      - {id: hello, title: Hello, file: lessons/hello.md}
                    """)).containsExactly(tuple(INTRO, 3, "yaml.alias"));
        }

        @Test
        void aFileHoldsOneDocument() {
            assertProblems(introCourse("""
                    id: intro
                    title: Introduction
                    lessons:
                      - {id: hello, title: Hello, file: lessons/hello.md}
                    ---
                    id: other
                    """)).containsExactly(tuple(INTRO, 5, "yaml.syntax"));
        }

        @Test
        void nestingDeeperThanTheFormatCouldNeedIsRefusedAtItsLine() {
            String deep = "{a: ".repeat(5000) + "x" + "}".repeat(5000);
            assertProblems(introCourse("id: intro\ntitle: Introduction\nsummary: " + deep + "\n"))
                    .containsExactly(tuple(INTRO, 3, "yaml.too-deep"));
            StringBuilder block = new StringBuilder("id: intro\ntitle: Introduction\nsummary:\n");
            for (int level = 1; level <= 40; level++) {
                block.append("  ".repeat(level)).append("a:\n");
            }
            assertThat(problems(introCourse(block.toString()))).extracting(ContentProblem::file, ContentProblem::rule)
                    .containsExactly(tuple(INTRO, "yaml.too-deep"));
        }

        @Test
        void aLineOfAMillionCharactersIsRefusedBeforeItIsScanned() {
            long start = System.nanoTime();
            assertProblems(introCourse("id: intro\ntitle: Introduction\nsummary: " + "9".repeat(1_000_000) + "\n"))
                    .containsExactly(tuple(INTRO, 3, "yaml.line-too-long"));
            assertThat(java.time.Duration.ofNanos(System.nanoTime() - start)).isLessThan(java.time.Duration.ofSeconds(1));
        }

        @Test
        void aNumberOfMoreThanSixtyFourCharactersIsRefused() {
            String course = TestBundle.lessonCourse("intro", "Introduction").replace("one.md", "hello.md");
            assertProblems(introCourse(course + "summary: " + "9".repeat(65) + "\n"))
                    .containsExactly(tuple(INTRO, 5, "yaml.number-too-long"));
            assertThat(reading.accepted(introCourse(course + "summary: " + "9".repeat(64) + "\n")).courses().get(0).summary())
                    .isEqualTo("9".repeat(64));
        }

        @Test
        void anEmptyFileIsReported() {
            assertProblems(introCourse("# nothing yet\n")).containsExactly(tuple(INTRO, null, "file.empty"));
        }

        @Test
        void theFileMustHoldAMapping() {
            assertProblems(introCourse("- id: intro\n")).containsExactly(tuple(INTRO, 1, "field.type"));
        }

        @Test
        void textThatIsNotUtf8IsASyntaxError() {
            byte[] latin1 = "id: intro\ntitle: Einführung\n".getBytes(StandardCharsets.ISO_8859_1);
            assertThat(problems(TestBundle.minimal().file("roadshow/courses/intro/course.yaml", latin1, ZipEntry.DEFLATED)))
                    .extracting(ContentProblem::file, ContentProblem::rule)
                    .containsExactly(tuple(INTRO, "yaml.syntax"));
        }
    }

    @Nested
    class Fields {

        @Test
        void anUnknownFieldIsAnErrorWithASuggestion() {
            List<ContentProblem> problems = problems(introCourse("""
                    id: intro
                    titel: Introduction
                    lessons:
                      - {id: hello, title: Hello, file: lessons/hello.md}
                    """));
            assertThat(problems).extracting(ContentProblem::file, ContentProblem::line, ContentProblem::rule)
                    .containsExactly(tuple(INTRO, 2, "field.unknown"), tuple(INTRO, 1, "field.missing"));
            assertThat(problems.get(0).message()).isEqualTo("unknown field 'titel' (did you mean 'title'?)");
            assertThat(problems.get(1).message()).contains("'title'");
        }

        @Test
        void anUnknownFieldWithoutLikelyMeaningListsTheFields() {
            List<ContentProblem> problems = problems(introCourse("""
                    id: intro
                    title: Introduction
                    author: Jane
                    lessons:
                      - {id: hello, title: Hello, file: lessons/hello.md}
                    """));
            assertThat(problems).extracting(ContentProblem::line, ContentProblem::rule).containsExactly(tuple(3, "field.unknown"));
            assertThat(problems.get(0).message()).contains("'author'").contains("title, summary, language");
        }

        @Test
        void anUnknownFieldInANestedMappingIsReportedAtItsLine() {
            assertProblems(introCourse("""
                    id: intro
                    title: Introduction
                    lessons:
                      - id: hello
                        title: Hello
                        fiel: lessons/hello.md
                    """)).containsExactly(tuple(INTRO, 6, "field.unknown"), tuple(INTRO, 4, "field.missing"));
        }

        @Test
        void aRequiredFieldMustNotBeEmpty() {
            assertProblems(introCourse("""
                    id: intro
                    title: ""
                    lessons:
                      - {id: hello, title: Hello, file: lessons/hello.md}
                    """)).containsExactly(tuple(INTRO, 2, "field.missing"));
        }

        @Test
        void aFieldOfTheWrongTypeIsReported() {
            List<ContentProblem> problems = problems(introCourse("""
                    id: intro
                    title: [Introduction]
                    lessons:
                      - {id: hello, title: Hello, file: lessons/hello.md}
                    """));
            assertThat(problems).extracting(ContentProblem::line, ContentProblem::rule).containsExactly(tuple(2, "field.type"));
            assertThat(problems.get(0).message()).isEqualTo("'title' must be text, not a list");
        }

        @Test
        void aCourseNeedsLessons() {
            assertProblems(introCourse("id: intro\ntitle: Introduction\nlessons: []\n"))
                    .containsExactly(tuple(INTRO, 3, "field.missing"));
            assertProblems(introCourse("id: intro\ntitle: Introduction\n"))
                    .containsExactly(tuple(INTRO, 1, "field.missing"));
        }

        @Test
        void numbersAndBooleansCountAsTextWhereTextIsExpected() {
            Curriculum curriculum = reading.accepted(introCourse("""
                    id: intro
                    title: 2024
                    lessons:
                      - {id: hello, title: yes, file: lessons/hello.md}
                    """));
            assertThat(curriculum.courses().get(0).title()).isEqualTo("2024");
            assertThat(curriculum.courses().get(0).lessons().get(0).title()).isEqualTo("yes");
        }
    }

    @Nested
    class Ids {

        @Test
        void aCourseFolderIsAValidId() {
            assertProblems(TestBundle.minimal()
                    .content("courses/Intro/course.yaml", TestBundle.lessonCourse("Intro", "Intro"))
                    .content("courses/Intro/lessons/one.md", "# One\n"))
                    .containsExactly(tuple("roadshow/courses/Intro/", null, "id.invalid"));
        }

        @Test
        void aCourseIdEqualsItsFolderName() {
            List<ContentProblem> problems = problems(introCourse(TestBundle.lessonCourse("intro-two", "Intro")
                    .replace("lessons/one.md", "lessons/hello.md")));
            assertThat(problems).extracting(ContentProblem::file, ContentProblem::line, ContentProblem::rule)
                    .containsExactly(tuple(INTRO, 1, "id.mismatch"));
        }

        @Test
        void aQuizIdEqualsItsFileName() {
            assertProblems(TestBundle.minimal().content("quizzes/check.yaml", TestBundle.trueFalseQuiz("other")))
                    .containsExactly(tuple(CHECK_QUIZ, 1, "id.mismatch"));
        }

        @Test
        void aTrackIdEqualsItsFileName() {
            assertProblems(TestBundle.spec().content("tracks/cloud-sales-specialist.yaml", """
                    id: cloud-sales
                    title: Cloud Sales Specialist
                    requires:
                      courses: [cloud-basics]
                    """)).containsExactly(tuple(TRACK, 1, "id.mismatch"));
        }

        @Test
        void idsFollowTheirPattern() {
            List<ContentProblem> problems = problems(introCourse("""
                    id: intro
                    title: Introduction
                    lessons:
                      - {id: Hello World, title: Hello, file: lessons/hello.md}
                    """));
            assertThat(problems).extracting(ContentProblem::line, ContentProblem::rule).containsExactly(tuple(4, "id.invalid"));
            assertThat(problems.get(0).message()).contains("'Hello World'");
        }

        @Test
        void lessonIdsAreUniqueInTheirCourse() {
            List<ContentProblem> problems = problems(introCourse("""
                    id: intro
                    title: Introduction
                    lessons:
                      - {id: hello, title: Hello, file: lessons/hello.md}
                      - {id: hello, title: Hello again, file: lessons/hello.md}
                    """));
            assertThat(problems).extracting(ContentProblem::file, ContentProblem::line, ContentProblem::rule)
                    .containsExactly(tuple(INTRO, 5, "id.duplicate"));
            assertThat(problems.get(0).message()).contains("'hello'").contains("first at line 4");
        }

        @Test
        void questionIdsAreUniqueInTheirQuiz() {
            assertProblems(quizWith("""
                      - {id: q1, type: truefalse, prompt: One, answer: true}
                      - {id: q1, type: truefalse, prompt: Two, answer: false}
                    """)).containsExactly(tuple(CHECK_QUIZ, 6, "id.duplicate"));
        }

        @Test
        void choiceIdsAreUniqueInTheirQuestion() {
            assertProblems(quizWith("""
                      - id: q1
                        type: single
                        prompt: Which?
                        choices:
                          - {id: a, text: This, correct: true}
                          - {id: a, text: That}
                    """)).containsExactly(tuple(CHECK_QUIZ, 10, "id.duplicate"));
        }

        @Test
        void tierIdsAreUniqueInTheProgram() {
            assertProblems(TestBundle.spec().content("program.yaml", """
                    tiers:
                      - {id: silver, title: Silver Partner}
                      - {id: silver, title: Gold Partner}
                    """)).containsExactly(tuple(PROGRAM, 3, "id.duplicate"));
        }

        @Test
        void aTrackListsACourseOnce() {
            assertProblems(TestBundle.spec().content("tracks/cloud-sales-specialist.yaml", """
                    id: cloud-sales-specialist
                    title: Cloud Sales Specialist
                    requires:
                      courses: [cloud-basics, example/cloud-basics]
                    """)).containsExactly(tuple(TRACK, 4, "id.duplicate"));
        }

        @Test
        void aJarThatHoldsAPathTwiceIsRefused() throws Exception {
            // the same quiz twice: the only way to give two quizzes one id, as ids are file names
            byte[] jar = TestBundle.minimal()
                    .content("quizzes/check.yaml", TestBundle.trueFalseQuiz("check"))
                    .content("quizzes/chekk.yaml", TestBundle.trueFalseQuiz("check"))
                    .jar();
            byte[] patched = Bytes.replaceAll(jar, "quizzes/chekk.yaml", "quizzes/check.yaml");
            Path file = Files.write(temp.resolve("twice.jar"), patched);
            assertThat(new JarContentValidator(ContentLimits.DEFAULTS).validate(file))
                    .extracting(ContentProblem::file, ContentProblem::line, ContentProblem::rule)
                    .containsExactly(tuple(CHECK_QUIZ, null, "entry.duplicate"));
        }
    }

    @Nested
    class Values {

        @Test
        void durationsAreIso8601() {
            assertProblems(introCourse("""
                    id: intro
                    title: Introduction
                    duration: 45 minutes
                    lessons:
                      - {id: hello, title: Hello, file: lessons/hello.md, duration: PT0S}
                    """)).containsExactly(tuple(INTRO, 3, "duration.invalid"), tuple(INTRO, 5, "duration.invalid"));
        }

        @Test
        void theLevelIsOneOfThree() {
            assertProblems(introCourse("""
                    id: intro
                    title: Introduction
                    level: expert
                    lessons:
                      - {id: hello, title: Hello, file: lessons/hello.md}
                    """)).containsExactly(tuple(INTRO, 3, "level.unknown"));
        }

        @Test
        void theLanguageIsABcp47Tag() {
            assertProblems(introCourse("""
                    id: intro
                    title: Introduction
                    language: en_US
                    lessons:
                      - {id: hello, title: Hello, file: lessons/hello.md}
                    """)).containsExactly(tuple(INTRO, 3, "language.invalid"));
            assertThat(reading.accepted(introCourse("""
                    id: intro
                    title: Introduction
                    language: pt-BR
                    lessons:
                      - {id: hello, title: Hello, file: lessons/hello.md}
                    """)).courses().get(0).language()).isEqualTo("pt-BR");
        }

        @Test
        void thePassScoreIsAFractionFromZeroToOne() {
            assertProblems(TestBundle.minimal().content("quizzes/check.yaml", TestBundle.trueFalseQuiz("check")
                    .replace("passScore: 1", "passScore: 80"))).containsExactly(tuple(CHECK_QUIZ, 3, "value.range"));
            assertProblems(TestBundle.minimal().content("quizzes/check.yaml", TestBundle.trueFalseQuiz("check")
                    .replace("passScore: 1", "passScore: 80%"))).containsExactly(tuple(CHECK_QUIZ, 3, "field.type"));
        }

        @Test
        void aQuizNeedsAPassScore() {
            assertProblems(TestBundle.minimal().content("quizzes/check.yaml", TestBundle.trueFalseQuiz("check")
                    .replace("passScore: 1\n", ""))).containsExactly(tuple(CHECK_QUIZ, 1, "field.missing"));
        }

        @Test
        void quizSettingsHaveTheirTypesAndRanges() {
            assertProblems(TestBundle.minimal().content("quizzes/check.yaml", """
                    id: check
                    title: Check
                    passScore: 0.5
                    timeLimit: 15 minutes
                    maxAttempts: -1
                    draw: 1.5
                    shuffle: sometimes
                    questions:
                      - {id: q1, type: truefalse, prompt: Is it so, answer: true}
                    """)).containsExactly(
                    tuple(CHECK_QUIZ, 4, "duration.invalid"),
                    tuple(CHECK_QUIZ, 5, "value.range"),
                    tuple(CHECK_QUIZ, 6, "field.type"),
                    tuple(CHECK_QUIZ, 7, "field.type"));
        }

        @Test
        void aQuizCannotDrawMoreQuestionsThanItsPoolHolds() {
            List<ContentProblem> problems = problems(TestBundle.minimal().content("quizzes/check.yaml",
                    TestBundle.trueFalseQuiz("check").replace("passScore: 1\n", "passScore: 1\ndraw: 2\n")));
            assertThat(problems).extracting(ContentProblem::file, ContentProblem::line, ContentProblem::rule)
                    .containsExactly(tuple(CHECK_QUIZ, 4, "quiz.draw"));
            assertThat(problems.get(0).message()).contains("2").contains("only 1");
        }

        @Test
        void aQuizNeedsQuestions() {
            assertProblems(TestBundle.minimal().content("quizzes/check.yaml",
                    "id: check\ntitle: Check\npassScore: 1\nquestions: []\n"))
                    .containsExactly(tuple(CHECK_QUIZ, 4, "field.missing"));
        }

        @Test
        void validForIsAnIso8601Period() {
            assertProblems(TestBundle.spec().content("tracks/cloud-sales-specialist.yaml", """
                    id: cloud-sales-specialist
                    title: Cloud Sales Specialist
                    requires:
                      courses: [cloud-basics]
                    validFor: one year
                    """)).containsExactly(tuple(TRACK, 5, "period.invalid"));
            assertProblems(TestBundle.spec().content("tracks/cloud-sales-specialist.yaml", """
                    id: cloud-sales-specialist
                    title: Cloud Sales Specialist
                    requires:
                      courses: [cloud-basics]
                    validFor: P0D
                    """)).containsExactly(tuple(TRACK, 5, "period.invalid"));
        }

        @Test
        void electivesChooseNoMoreThanTheyOffer() {
            assertProblems(TestBundle.spec().content("tracks/cloud-sales-specialist.yaml", """
                    id: cloud-sales-specialist
                    title: Cloud Sales Specialist
                    requires:
                      electives: {choose: 3, from: [migration, licensing]}
                    """)).containsExactly(tuple(TRACK, 4, "value.range"));
        }

        @Test
        void aTierRequiresAtLeastOnePerson() {
            assertProblems(TestBundle.spec().content("program.yaml", """
                    tiers:
                      - id: silver
                        title: Silver Partner
                        requires:
                          - {track: cloud-sales-specialist, people: 0}
                    """)).containsExactly(tuple(PROGRAM, 5, "value.range"));
        }

        @Test
        void aProgramNeedsTiers() {
            assertProblems(TestBundle.spec().content("program.yaml", "tiers: []\n"))
                    .containsExactly(tuple(PROGRAM, 1, "field.missing"));
        }
    }

    @Nested
    class Lessons {

        @Test
        void aLessonFileMustExist() {
            List<ContentProblem> problems = problems(TestBundle.minimal().remove("courses/intro/lessons/hello.md"));
            assertThat(problems).extracting(ContentProblem::file, ContentProblem::line, ContentProblem::rule)
                    .containsExactly(tuple(INTRO, 6, "lesson.missing"));
            assertThat(problems.get(0).message()).contains("roadshow/courses/intro/lessons/hello.md");
        }

        @Test
        void aLessonFileCannotLeaveTheContentFolder() {
            assertProblems(introCourse("""
                    id: intro
                    title: Introduction
                    lessons:
                      - {id: a, title: A, file: ../../../META-INF/MANIFEST.MF}
                      - {id: b, title: B, file: /etc/passwd.md}
                      - {id: c, title: C, file: 'lessons\\hello.md'}
                      - {id: d, title: D, file: 'C:/lessons/hello.md'}
                    """)).containsExactly(
                    tuple(INTRO, 4, "path.outside"),
                    tuple(INTRO, 5, "path.outside"),
                    tuple(INTRO, 6, "path.outside"),
                    tuple(INTRO, 7, "path.outside"));
        }

        @Test
        void aLessonFileIsMarkdownUnderLessons() {
            assertProblems(introCourse("""
                    id: intro
                    title: Introduction
                    lessons:
                      - {id: hello, title: Hello, file: assets/hello.pdf}
                    """).content("courses/intro/assets/hello.pdf", "%PDF"))
                    .containsExactly(tuple(INTRO, 4, "lesson.file"));
        }

        @Test
        void aLessonIsUtf8Text() {
            byte[] latin1 = "# Einführung\n".getBytes(StandardCharsets.ISO_8859_1);
            assertProblems(TestBundle.minimal().file("roadshow/courses/intro/lessons/hello.md", latin1, ZipEntry.DEFLATED))
                    .containsExactly(tuple("roadshow/courses/intro/lessons/hello.md", null, "lesson.encoding"));
        }

        @Test
        void lessonFoldersHoldOnlyMarkdown() {
            assertProblems(TestBundle.minimal().content("courses/intro/lessons/diagram.png", "png"))
                    .containsExactly(tuple("roadshow/courses/intro/lessons/diagram.png", null, "file.unexpected"));
        }
    }

    @Nested
    class Questions {

        @Test
        void anUnknownQuestionTypeIsReportedAtItsLine() {
            List<ContentProblem> problems = problems(quizWith("""
                      - id: q1
                        type: singel
                        prompt: Which?
                        choices:
                          - {id: a, text: This, correct: true}
                    """));
            assertThat(problems).extracting(ContentProblem::file, ContentProblem::line, ContentProblem::rule)
                    .containsExactly(tuple(CHECK_QUIZ, 6, "question.type.unknown"));
            assertThat(problems.get(0).message()).contains("'singel'").contains("did you mean 'single'?");
        }

        @Test
        void aQuestionNeedsAType() {
            assertProblems(quizWith("  - {id: q1, prompt: Is it so, answer: true}\n"))
                    .containsExactly(tuple(CHECK_QUIZ, 5, "field.missing"));
        }

        @Test
        void aQuestionNeedsAPromptAndNonNegativePoints() {
            assertProblems(quizWith("  - {id: q1, type: truefalse, points: -1, answer: true}\n"))
                    .containsExactly(tuple(CHECK_QUIZ, 5, "field.missing"), tuple(CHECK_QUIZ, 5, "value.range"));
        }

        @Test
        void aSingleChoiceQuestionHasExactlyOneCorrectChoice() {
            assertProblems(quizWith("""
                      - id: q1
                        type: single
                        prompt: Which?
                        choices:
                          - {id: a, text: This, correct: true}
                          - {id: b, text: That, correct: true}
                    """)).containsExactly(tuple(CHECK_QUIZ, 8, "question.correct"));
            assertProblems(quizWith("""
                      - id: q1
                        type: single
                        prompt: Which?
                        choices:
                          - {id: a, text: This}
                    """)).containsExactly(tuple(CHECK_QUIZ, 8, "question.correct"));
        }

        @Test
        void aMultipleChoiceQuestionHasACorrectChoice() {
            assertProblems(quizWith("""
                      - id: q1
                        type: multiple
                        partial: yes please
                        prompt: Which?
                        choices:
                          - {id: a, text: This}
                          - {id: b, text: That}
                    """)).containsExactly(tuple(CHECK_QUIZ, 7, "field.type"), tuple(CHECK_QUIZ, 9, "question.correct"));
        }

        @Test
        void partialCreditIsForMultipleChoiceOnly() {
            assertProblems(quizWith("""
                      - id: q1
                        type: single
                        partial: true
                        prompt: Which?
                        choices:
                          - {id: a, text: This, correct: true}
                    """)).containsExactly(tuple(CHECK_QUIZ, 7, "field.unknown"));
        }

        @Test
        void aChoiceNeedsAnIdAndText() {
            assertProblems(quizWith("""
                      - id: q1
                        type: single
                        prompt: Which?
                        choices:
                          - {text: This, correct: true}
                          - {id: b, correct: false}
                          - {id: c, text: Other, correct: maybe}
                    """)).containsExactly(
                    tuple(CHECK_QUIZ, 9, "field.missing"),
                    tuple(CHECK_QUIZ, 10, "field.missing"),
                    tuple(CHECK_QUIZ, 11, "field.type"));
        }

        @Test
        void aTrueFalseAnswerIsABoolean() {
            assertProblems(quizWith("  - {id: q1, type: truefalse, prompt: Is it so, answer: correct}\n"))
                    .containsExactly(tuple(CHECK_QUIZ, 5, "field.type"));
            assertProblems(quizWith("  - {id: q1, type: truefalse, prompt: Is it so}\n"))
                    .containsExactly(tuple(CHECK_QUIZ, 5, "field.missing"));
        }

        @Test
        void aNumericAnswerIsANumberWithANonNegativeTolerance() {
            assertProblems(quizWith("""
                      - id: q1
                        type: numeric
                        prompt: How many?
                        answer: seven
                        tolerance: -0.1
                    """)).containsExactly(tuple(CHECK_QUIZ, 8, "field.type"), tuple(CHECK_QUIZ, 9, "value.range"));
        }

        @Test
        void aTextQuestionAcceptsAtLeastOneAnswer() {
            assertProblems(quizWith("  - {id: q1, type: text, prompt: Name it., answers: []}\n"))
                    .containsExactly(tuple(CHECK_QUIZ, 5, "question.too-few"));
            assertProblems(quizWith("  - {id: q1, type: text, prompt: Name it.}\n"))
                    .containsExactly(tuple(CHECK_QUIZ, 5, "field.missing"));
        }

        @Test
        void anOrderingQuestionHasAtLeastTwoItems() {
            assertProblems(quizWith("  - {id: q1, type: ordering, prompt: Order them., items: [Discover]}\n"))
                    .containsExactly(tuple(CHECK_QUIZ, 5, "question.too-few"));
        }

        @Test
        void aMatchingQuestionHasAtLeastTwoCompletePairs() {
            assertProblems(quizWith("""
                      - id: q1
                        type: matching
                        prompt: Match them.
                        pairs:
                          - {left: Word processor}
                    """)).containsExactly(tuple(CHECK_QUIZ, 9, "field.missing"), tuple(CHECK_QUIZ, 8, "question.too-few"));
        }

        @Test
        void textFieldsKeepTheTextAsWrittenWhereYamlWouldTypeIt() {
            Curriculum curriculum = reading.accepted(quizWith("""
                      - id: q1
                        type: text
                        prompt: 017
                        answers: [no, NO, 017, 1.10, yes, ~x]
                      - id: q2
                        type: matching
                        prompt: Match them.
                        pairs:
                          - {left: Is it on, right: NO}
                          - {left: 1.10, right: off}
                      - id: q3
                        type: single
                        prompt: Pick one.
                        choices:
                          - {id: a, text: yes, correct: true, feedback: on}
                          - {id: b, text: 0x1F}
                      - id: q4
                        type: ordering
                        prompt: Order them.
                        items: [true, false, 2.50]
                      - id: q5
                        type: numeric
                        prompt: How many?
                        points: 2
                        answer: 1.10
                        tolerance: 0
                    """));
            List<Question> questions = curriculum.quizzes().get(0).questions();
            assertThat(questions.get(0).prompt()).isEqualTo("017");
            assertThat(questions.get(0).definition()).containsEntry("prompt", "017")
                    .containsEntry("answers", List.of("no", "NO", "017", "1.10", "yes", "~x"));
            assertThat(questions.get(1).definition()).containsEntry("pairs", List.of(
                    Map.of("left", "Is it on", "right", "NO"), Map.of("left", "1.10", "right", "off")));
            assertThat(questions.get(2).definition()).containsEntry("choices", List.of(
                    Map.of("id", "a", "text", "yes", "correct", true, "feedback", "on"), Map.of("id", "b", "text", "0x1F")));
            assertThat(questions.get(3).definition()).containsEntry("items", List.of("true", "false", "2.50"));
            // numbers stay numbers, true/false stay true/false
            assertThat(questions.get(4).definition()).containsEntry("answer", 1.1).containsEntry("tolerance", 0L)
                    .containsEntry("points", 2L);
        }

        @Test
        void aTextFieldThatHoldsAListOrMappingIsRefused() {
            assertProblems(quizWith("""
                      - id: q1
                        type: single
                        prompt: [Which, one]
                        choices:
                          - {id: a, text: {This: one}, correct: true}
                      - {id: q2, type: text, prompt: Name it., answers: [[linux, gnu]]}
                      - {id: q3, type: matching, prompt: Match., pairs: [{left: [a], right: b}, {left: c, right: d}]}
                    """)).containsExactly(
                    tuple(CHECK_QUIZ, 7, "field.type"), tuple(CHECK_QUIZ, 9, "field.type"),
                    tuple(CHECK_QUIZ, 10, "field.type"), tuple(CHECK_QUIZ, 10, "question.too-few"),
                    tuple(CHECK_QUIZ, 11, "field.type"));
        }

        @Test
        void aFieldWrittenWithoutValueAfterATextIsNotJoinedToIt() {
            Curriculum curriculum = reading.accepted(quizWith("""
                      - id: q1
                        type: multiple
                        prompt: Which?
                        choices:
                          - {id: a, text: Foo, correct: }
                          - {id: b, text: Right, no more boxes, correct: true, feedback: Yes, exactly}
                    """));
            assertThat(curriculum.quizzes().get(0).questions().get(0).definition()).containsEntry("choices", List.of(
                    Map.of("id", "a", "text", "Foo"),
                    Map.of("id", "b", "text", "Right, no more boxes", "correct", true, "feedback", "Yes, exactly")));
            assertProblems(quizWith("""
                      - id: q1
                        type: single
                        prompt: Which?
                        choices:
                          - {id: a, text: Foo, correct, correct: true}
                    """)).containsExactly(tuple(CHECK_QUIZ, 9, "yaml.duplicate-key"));
        }

        @Test
        void aFieldOfAnotherTypeIsUnknown() {
            assertProblems(quizWith("  - {id: q1, type: truefalse, prompt: Is it so, answer: true, tolerance: 1}\n"))
                    .containsExactly(tuple(CHECK_QUIZ, 5, "field.unknown"));
        }
    }

    /** Question types that a code bundle adds, which a content bundle uses by requiring them in its manifest. */
    @Nested
    class QuestionTypesOfCodeBundles {

        static final String CLOZE = """
                  - id: q1
                    type: cloze
                    points: 2
                    prompt: Fill in the blanks.
                    text: "[[Users]] can be added at [[any time|anytime]]."
                    partial: true
                    weights: [1, 2.5]
                    hints: {b1: Who, 'no': no}
                """;
        static final String REQUIRES_CLOZE = "roadshow.question.type;filter:=\"(roadshow.question.type=cloze)\"";

        @Test
        void aTypeTheManifestRequiresIsAcceptedWithEveryFieldAsWritten() {
            Curriculum curriculum = reading.accepted(quizWith(CLOZE).header("Require-Capability", REQUIRES_CLOZE));
            Question question = curriculum.quizzes().get(0).questions().get(0);
            assertThat(question.type()).isEqualTo("cloze");
            assertThat(question.points()).isEqualTo(2.0);
            assertThat(question.prompt()).isEqualTo("Fill in the blanks.");
            assertThat(question.definition()).containsExactlyInAnyOrderEntriesOf(Map.of(
                    "id", "q1", "type", "cloze", "points", 2L, "prompt", "Fill in the blanks.",
                    "text", "[[Users]] can be added at [[any time|anytime]].", "partial", true,
                    "weights", List.of(1L, 2.5), "hints", Map.of("b1", "Who", "no", false)));
        }

        @Test
        void aTypeThatIsNeitherBuiltInNorRequiredIsUnknown() {
            List<ContentProblem> problems = problems(quizWith(CLOZE));
            assertThat(problems).extracting(ContentProblem::file, ContentProblem::line, ContentProblem::rule)
                    .containsExactly(tuple(CHECK_QUIZ, 6, "question.type.unknown"));
            assertThat(problems.get(0).message()).isEqualTo("unknown question type 'cloze'; the types are single, multiple, "
                    + "truefalse, numeric, text, ordering, matching, and those that code bundles add: to use one, require it "
                    + "in the manifest with Require-Capability: " + REQUIRES_CLOZE);
        }

        @Test
        void aRequirementOfAnotherTypeDoesNotDeclareIt() {
            assertProblems(quizWith(CLOZE).header("Require-Capability",
                    "roadshow.course;filter:=\"(roadshow.course=example/intro)\","
                            + "roadshow.question.type;filter:=\"(roadshow.question.type=hotspot)\""))
                    .containsExactly(tuple(CHECK_QUIZ, 6, "question.type.unknown"));
            assertProblems(quizWith(CLOZE).header("Require-Capability", "roadshow.course;filter:=\"(roadshow.course=example/cloze)\""))
                    .containsExactly(tuple(CHECK_QUIZ, 6, "question.type.unknown"));
        }

        @Test
        void aRequirementMayNameSeveralTypesAndConditions() {
            reading.accepted(quizWith(CLOZE + "  - {id: q2, type: hotspot, prompt: Where, image: assets/map.png}\n")
                    .header("Require-Capability", "roadshow.question.type;filter:=\"(&(roadshow.question.type=cloze)(version>=1.0))\","
                            + "roadshow.question.type;filter:=\"(roadshow.question.type=hotspot)\""));
        }

        @Test
        void aQuestionOfARequiredTypeStillHasTheFieldsOfEveryQuestion() {
            assertProblems(quizWith("  - {id: Q1, type: cloze, points: -2, text: 'A [[b]]'}\n")
                    .header("Require-Capability", REQUIRES_CLOZE)).containsExactly(
                    tuple(CHECK_QUIZ, 5, "id.invalid"), tuple(CHECK_QUIZ, 5, "field.missing"), tuple(CHECK_QUIZ, 5, "value.range"));
        }

        @Test
        void aTypeRequirementNamesTheType() {
            assertProblems(quizWith(CLOZE).header("Require-Capability", "roadshow.question.type"))
                    .containsExactly(tuple(MANIFEST, null, "manifest.capability"), tuple(CHECK_QUIZ, 6, "question.type.unknown"));
        }

        @Test
        void aBuiltInTypeIsNotRequired() {
            List<ContentProblem> problems = problems(TestBundle.minimal()
                    .header("Require-Capability", "roadshow.question.type;filter:=\"(roadshow.question.type=single)\""));
            assertThat(problems).extracting(ContentProblem::file, ContentProblem::rule)
                    .containsExactly(tuple(MANIFEST, "manifest.capability"));
            assertThat(problems.get(0).message()).contains("'single', which is built in");
        }
    }

    @Nested
    class Tracks {

        @Test
        void aTrackRequiresSomething() {
            assertProblems(TestBundle.spec().content("tracks/cloud-sales-specialist.yaml",
                    "id: cloud-sales-specialist\ntitle: Cloud Sales Specialist\n"))
                    .containsExactly(tuple(TRACK, 1, "field.missing"));
            assertProblems(TestBundle.spec().content("tracks/cloud-sales-specialist.yaml",
                    "id: cloud-sales-specialist\ntitle: Cloud Sales Specialist\nrequires: {}\n"))
                    .containsExactly(tuple(TRACK, 3, "field.missing"));
        }

        @Test
        void aRenewalNeedsACertificationThatExpires() {
            assertProblems(TestBundle.spec().content("tracks/cloud-sales-specialist.yaml", """
                    id: cloud-sales-specialist
                    title: Cloud Sales Specialist
                    requires:
                      courses: [cloud-basics]
                    renewal:
                      quiz: specialist-renewal
                    """)).containsExactly(tuple(TRACK, 5, "track.renewal"));
        }
    }

    @Nested
    class References {

        @Test
        void aCoursesQuizMustBeInTheBundle() {
            List<ContentProblem> problems = problems(introCourse("""
                    id: intro
                    title: Introduction
                    lessons:
                      - {id: hello, title: Hello, file: lessons/hello.md}
                    quiz: intro-check
                    """));
            assertThat(problems).extracting(ContentProblem::file, ContentProblem::line, ContentProblem::rule)
                    .containsExactly(tuple(INTRO, 5, "reference.unknown"));
            assertThat(problems.get(0).message()).contains("example/intro-check");
        }

        @Test
        void aPrerequisiteOutsideTheBundleMustBeDeclared() {
            TestBundle bundle = TestBundle.spec().header("Require-Capability", null);
            List<ContentProblem> problems = problems(bundle);
            assertThat(problems).extracting(ContentProblem::file, ContentProblem::line, ContentProblem::rule)
                    .containsExactly(tuple(BASICS, 8, "reference.unknown"));
            assertThat(problems.get(0).message())
                    .contains("Require-Capability: roadshow.course;filter:=\"(roadshow.course=example/intro)\"");
        }

        @Test
        void aRequiredCourseOfAnotherVendorMustBeDeclared() {
            TestBundle bundle = TestBundle.spec().content("tracks/cloud-sales-specialist.yaml", """
                    id: cloud-sales-specialist
                    title: Cloud Sales Specialist
                    requires:
                      courses: [cloud-basics, northwind/security-basics]
                    """);
            assertProblems(bundle).containsExactly(tuple(TRACK, 4, "reference.unknown"));
            reading.accepted(bundle.header("Require-Capability", "roadshow.course;filter:=\"(roadshow.course=example/intro)\","
                    + "roadshow.course;filter:=\"(roadshow.course=northwind/security-basics)\""));
        }

        @Test
        void anElectiveOfTheSameVendorMustBeInTheBundleOrDeclared() {
            assertProblems(TestBundle.spec().content("tracks/cloud-sales-specialist.yaml", """
                    id: cloud-sales-specialist
                    title: Cloud Sales Specialist
                    requires:
                      electives: {choose: 1, from: [migration, mainframes, other-vendor/anything]}
                    """)).containsExactly(tuple(TRACK, 4, "reference.unknown"));
        }

        @Test
        void aTracksExamAndRenewalQuizMustBeInTheBundle() {
            assertProblems(TestBundle.spec().content("tracks/cloud-sales-specialist.yaml", """
                    id: cloud-sales-specialist
                    title: Cloud Sales Specialist
                    requires:
                      exam: final-exam
                    validFor: P1Y
                    renewal:
                      quiz: other-vendor/renewal
                    """)).containsExactly(tuple(TRACK, 4, "reference.unknown"), tuple(TRACK, 7, "reference.unknown"));
        }

        @Test
        void aTiersTrackOfTheSameVendorMustBeInTheBundle() {
            assertProblems(TestBundle.spec().content("program.yaml", """
                    tiers:
                      - id: silver
                        title: Silver Partner
                        requires:
                          - {track: cloud-architect, people: 2}
                          - {track: other-vendor/anything, people: 1}
                    """)).containsExactly(tuple(PROGRAM, 5, "reference.unknown"));
        }

        @Test
        void prerequisitesMustNotFormACycle() {
            List<ContentProblem> problems = problems(TestBundle.minimal()
                    .content("courses/a/course.yaml", TestBundle.lessonCourse("a", "A") + "prerequisites: [b]\n")
                    .content("courses/a/lessons/one.md", "# One\n")
                    .content("courses/b/course.yaml", TestBundle.lessonCourse("b", "B") + "prerequisites: [a]\n")
                    .content("courses/b/lessons/one.md", "# One\n"));
            assertThat(problems).extracting(ContentProblem::file, ContentProblem::line, ContentProblem::rule)
                    .containsExactly(tuple("roadshow/courses/b/course.yaml", 5, "reference.cycle"));
            assertThat(problems.get(0).message()).endsWith("a -> b -> a");
        }

        @Test
        void aCourseIsNotItsOwnPrerequisite() {
            assertProblems(introCourse(TestBundle.lessonCourse("intro", "Intro").replace("one.md", "hello.md")
                    + "prerequisites: [example/intro]\n")).containsExactly(tuple(INTRO, 5, "reference.cycle"));
        }

        @Test
        void aReferenceIsAnIdOrAGlobalId() {
            assertProblems(introCourse(TestBundle.lessonCourse("intro", "Intro").replace("one.md", "hello.md")
                    + "prerequisites: [Intro Course]\n")).containsExactly(tuple(INTRO, 5, "id.invalid"));
        }

        @Test
        void oneBrokenFileDoesNotBreakTheReferencesToIt() {
            assertThat(problems(TestBundle.spec().content("quizzes/specialist-exam.yaml", "id: [\n")))
                    .extracting(ContentProblem::file, ContentProblem::rule)
                    .containsExactly(tuple("roadshow/quizzes/specialist-exam.yaml", "yaml.syntax"));
        }
    }

    @Nested
    class Layout {

        @Test
        void aJarEntryCannotLeaveTheBundle() {
            assertProblems(TestBundle.minimal()
                    .file("roadshow/../../evil.sh", "rm -rf /")
                    .file("roadshow/courses\\intro\\x.md", "# x"))
                    .containsExactlyInAnyOrder(tuple("roadshow/../../evil.sh", null, "path.outside"),
                            tuple("roadshow/courses\\intro\\x.md", null, "path.outside"));
        }

        @Test
        void aJarEntryWithAnEmptySegmentIsInvalid() {
            assertProblems(TestBundle.minimal().file("roadshow//x.md", "x"))
                    .containsExactly(tuple("roadshow//x.md", null, "path.invalid"));
        }

        @Test
        void aFileOutsideTheLayoutIsReported() {
            assertProblems(TestBundle.minimal()
                    .content("README.md", "# Read me")
                    .content("quizes/check.yaml", TestBundle.trueFalseQuiz("check"))
                    .content("quizzes/check.yml", TestBundle.trueFalseQuiz("check"))
                    .content("tracks/sales/track.yaml", "id: track")
                    .content("courses/intro/notes.txt", "notes"))
                    .containsExactlyInAnyOrder(
                            tuple("roadshow/README.md", null, "file.unexpected"),
                            tuple("roadshow/quizes/check.yaml", null, "file.unexpected"),
                            tuple("roadshow/quizzes/check.yml", null, "file.unexpected"),
                            tuple("roadshow/tracks/sales/track.yaml", null, "file.unexpected"),
                            tuple("roadshow/courses/intro/notes.txt", null, "file.unexpected"));
        }

        @Test
        void filesOutsideTheContentFolderAreRefused() {
            assertProblems(TestBundle.minimal()
                    .file("OSGI-INF/readme.txt", "not content")
                    .file("OSGI-INF/evil.xml", "<scr:component/>")
                    .file("db/V1__own.sql", "DROP TABLE learner;")
                    .file("README.md", "# Read me"))
                    .containsExactlyInAnyOrder(
                            tuple("OSGI-INF/readme.txt", null, "file.outside"),
                            tuple("OSGI-INF/evil.xml", null, "file.outside"),
                            tuple("db/V1__own.sql", null, "file.outside"),
                            tuple("README.md", null, "file.outside"));
        }

        @Test
        void filesUnderMetaInfAreAllowedButNotServicesOrVersions() {
            reading.accepted(TestBundle.minimal()
                    .file("META-INF/maven/com.example/cloud/pom.xml", "<project/>")
                    .file("META-INF/LICENSE", "Apache-2.0"));
            assertProblems(TestBundle.minimal()
                    .file("META-INF/services/java.sql.Driver", "com.evil.Driver")
                    .file("META-INF/versions/11/notes.txt", "x"))
                    .containsExactlyInAnyOrder(
                            tuple("META-INF/services/java.sql.Driver", null, "file.outside"),
                            tuple("META-INF/versions/11/notes.txt", null, "file.outside"));
        }

        @Test
        void aClassFileIsRefusedWhereverItIs() {
            byte[] magic = {(byte) 0xCA, (byte) 0xFE, (byte) 0xBA, (byte) 0xBE};
            assertProblems(TestBundle.minimal()
                    .file("com/evil/A.class", magic, ZipEntry.DEFLATED)
                    .file("META-INF/versions/17/com/evil/B.class", magic, ZipEntry.DEFLATED)
                    .file("roadshow/courses/intro/assets/C.CLASS", magic, ZipEntry.DEFLATED))
                    .containsExactlyInAnyOrder(
                            tuple("com/evil/A.class", null, "file.code"),
                            tuple("META-INF/versions/17/com/evil/B.class", null, "file.code"),
                            tuple("roadshow/courses/intro/assets/C.CLASS", null, "file.code"));
        }

        @Test
        void everyCourseFolderHasACourseFile() {
            assertProblems(TestBundle.minimal().content("courses/draft/lessons/one.md", "# One\n"))
                    .containsExactly(tuple("roadshow/courses/draft/", null, "course.missing"));
        }

        @Test
        void assetsMayBeAnythingAndNestedAnywhereUnderAssets() {
            reading.accepted(TestBundle.minimal()
                    .content("courses/intro/assets/img/diagram.svg", "<svg/>")
                    .content("courses/intro/assets/handout.pdf", "%PDF"));
        }
    }

    @Nested
    class Translations {

        @Test
        void theLocaleFolderIsABcp47Tag() {
            assertProblems(TestBundle.minimal().content("courses/intro/i18n/en_GB/lessons/hello.md", "# Hello\n"))
                    .containsExactly(tuple("roadshow/courses/intro/i18n/en_GB/", null, "language.invalid"));
        }

        @Test
        void aTranslatedLessonFileTranslatesALessonOfTheCourse() {
            List<ContentProblem> problems = problems(TestBundle.minimal()
                    .content("courses/intro/i18n/de/lessons/hello.md", "# Hallo\n")
                    .content("courses/intro/i18n/de/lessons/goodbye.md", "# Tschüss\n"));
            assertThat(problems).extracting(ContentProblem::file, ContentProblem::line, ContentProblem::rule)
                    .containsExactly(tuple("roadshow/courses/intro/i18n/de/lessons/goodbye.md", null, "translation.lesson"));
        }

        @Test
        void aTranslatedTitleTranslatesALessonOfTheCourse() {
            assertProblems(TestBundle.minimal().content("courses/intro/i18n/de/course.yaml", """
                    title: Einführung
                    lessons:
                      - {id: hello, title: Hallo}
                      - {id: goodbye, title: Tschüss}
                    """)).containsExactly(tuple("roadshow/courses/intro/i18n/de/course.yaml", 4, "translation.lesson"));
        }

        @Test
        void aTranslationMayBeATranslatedCopyOfTheCourseFile() {
            Curriculum curriculum = reading.accepted(TestBundle.minimal().content("courses/intro/i18n/de/course.yaml", """
                    id: intro
                    title: Einführung
                    language: de
                    level: beginner
                    duration: PT1H
                    lessons:
                      - id: hello
                        title: Hallo
                        file: lessons/hello.md
                        duration: PT5M
                    """));
            Course.Translation german = curriculum.courses().get(0).translations().get("de");
            assertThat(german.title()).isEqualTo("Einführung");
            assertThat(german.lessonTitles()).isEqualTo(Map.of("hello", "Hallo"));
            // only texts are translated: the course keeps its own settings
            assertThat(curriculum.courses().get(0).language()).isEqualTo("en");
            assertThat(curriculum.courses().get(0).duration()).isNull();
        }

        @Test
        void aTranslatedCopyAgreesWithTheCourse() {
            assertProblems(TestBundle.minimal().content("courses/intro/i18n/de/course.yaml", """
                    id: einfuehrung
                    title: Einführung
                    language: fr
                    level: expert
                    lessons:
                      - {id: hello, title: Hallo, file: lessons/hallo.md}
                    """)).containsExactly(
                    tuple("roadshow/courses/intro/i18n/de/course.yaml", 1, "id.mismatch"),
                    tuple("roadshow/courses/intro/i18n/de/course.yaml", 3, "language.invalid"),
                    tuple("roadshow/courses/intro/i18n/de/course.yaml", 4, "level.unknown"),
                    tuple("roadshow/courses/intro/i18n/de/course.yaml", 6, "translation.lesson"));
        }

        @Test
        void anUnknownFieldOfATranslationIsAnError() {
            assertProblems(TestBundle.minimal().content("courses/intro/i18n/de/course.yaml", """
                    titel: Einführung
                    """)).containsExactly(tuple("roadshow/courses/intro/i18n/de/course.yaml", 1, "field.unknown"));
        }

        @Test
        void aTranslationFolderHoldsTheCourseLayout() {
            assertProblems(TestBundle.minimal().content("courses/intro/i18n/de/notes.txt", "x"))
                    .containsExactly(tuple("roadshow/courses/intro/i18n/de/notes.txt", null, "file.unexpected"));
        }
    }

    @Test
    void refusesTheExampleOfTheVendorGuideAsTheGuideSays() {
        // docs/content-bundles.md shows these two lines; keep them in step
        TestBundle bundle = TestBundle.spec().remove("courses/cloud-basics/lessons/02-pricing.md");
        String quiz = "roadshow/quizzes/cloud-basics-check.yaml";
        assertThat(problems(bundle.file(quiz, new String(bundle.jarEntry(quiz), StandardCharsets.UTF_8)
                .replace("type: single ", "type: singel "))))
                .extracting(ContentProblem::toString)
                .containsExactly(
                        "roadshow/courses/cloud-basics/course.yaml:16: the lesson file "
                                + "roadshow/courses/cloud-basics/lessons/02-pricing.md does not exist [lesson.missing]",
                        "roadshow/quizzes/cloud-basics-check.yaml:10: unknown question type 'singel' (did you mean "
                                + "'single'?); the types are single, multiple, truefalse, numeric, text, ordering, matching, "
                                + "and those that code bundles add: to use one, require it in the manifest with "
                                + "Require-Capability: roadshow.question.type;filter:=\"(roadshow.question.type=singel)\" "
                                + "[question.type.unknown]");
    }

    @Test
    void everyProblemOfABundleIsReportedTogether() {
        List<ContentProblem> problems = problems(TestBundle.spec()
                .header("Roadshow-Vendor", "Example")
                .remove("courses/cloud-basics/lessons/01-welcome.md")
                .content("quizzes/specialist-exam.yaml", TestBundle.trueFalseQuiz("specialist-exam")
                        .replace("truefalse", "essay"))
                .content("courses/pricing/course.yaml", "id: pricing\ntitle: [oops\n"));
        assertThat(problems).extracting(ContentProblem::rule)
                .contains("manifest.vendor", "lesson.missing", "question.type.unknown", "yaml.syntax");
    }
}
