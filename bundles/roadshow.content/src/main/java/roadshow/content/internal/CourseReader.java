package roadshow.content.internal;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IllformedLocaleException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import roadshow.content.api.Course;
import roadshow.content.api.Lesson;

/**
 * Reads one course folder, {@code courses/<id>/}: its {@code course.yaml}, the lessons
 * it names, and its translations under {@code i18n/<locale>/}.
 */
final class CourseReader {

    static final String COURSE_FILE = "course.yaml";

    private static final List<String> COURSE_FIELDS = List.of(
            "id", "title", "summary", "language", "duration", "level", "tags", "prerequisites", "lessons", "quiz");
    private static final List<String> LESSON_FIELDS = List.of("id", "title", "file", "duration");
    private static final String DEFAULT_LANGUAGE = "en";

    private final ContentFolder content;
    private final String vendor;
    private final References references;

    CourseReader(ContentFolder content, String vendor, References references) {
        this.content = content;
        this.vendor = vendor;
        this.references = references;
    }

    /**
     * Reads the course in {@code courses/<name>/}.
     *
     * @param name  the folder's name, which is the course id
     * @param files every file in the folder, relative to it
     * @return the course, or {@code null} when it is not usable (reported)
     */
    Course read(String name, Set<String> files) {
        String folder = ContentReader.COURSES + name + "/";
        Problems problems = content.problems();
        Map<String, Set<String>> translations = new TreeMap<>();
        for (String file : files) {
            checkLayout(folder, file, translations);
        }
        if (!YamlFields.ID.matcher(name).matches()) {
            problems.add(content.bundlePath(folder), null, Rule.ID_INVALID,
                    "the course folder name " + YamlFields.invalidId(name) + "; the folder name is the course id");
            return null;
        }
        if (!files.contains(COURSE_FILE)) {
            problems.add(content.bundlePath(folder), null, Rule.COURSE_MISSING,
                    "the course folder has no " + COURSE_FILE + "; every folder under courses/ is a course");
            return null;
        }
        YamlNode root = content.yaml(folder + COURSE_FILE);
        if (root == null) {
            return null;
        }
        String file = content.bundlePath(folder + COURSE_FILE);
        YamlFields fields = YamlFields.of(root, COURSE_FILE, file, problems, COURSE_FIELDS);
        String globalId = vendor + "/" + name;

        String id = fields.id("id");
        if (id != null && !id.equals(name)) {
            problems.add(file, fields.line("id"), Rule.ID_MISMATCH,
                    "the course id '" + id + "' must equal its folder name, '" + name + "'");
        }
        String title = fields.requiredText("title");
        String summary = fields.text("summary");
        String language = language(fields);
        Duration duration = fields.duration("duration");
        Course.Level level = level(fields);
        List<String> tags = new ArrayList<>();
        List<YamlFields.Text> tagTexts = fields.texts("tags");
        if (tagTexts != null) {
            tagTexts.forEach(tag -> tags.add(tag.value()));
        }
        List<String> prerequisites = prerequisites(fields, globalId, file);
        List<Lesson> lessons = lessons(fields, folder, files, file);
        String quiz = fields.text("quiz");
        if (quiz != null) {
            quiz = references.add(References.Kind.COURSE_QUIZ, globalId, quiz, file, fields.line("quiz"), problems);
        }

        Map<String, Course.Translation> translated = new LinkedHashMap<>();
        translations.forEach((locale, localized) -> {
            Course.Translation translation = translation(name, locale, localized, lessons);
            if (translation != null) {
                translated.put(locale, translation);
            }
        });
        return new Course(name, vendor, title, summary == null ? "" : summary, language, duration, level, tags,
                prerequisites, lessons, quiz, folder, translated);
    }

    /** Refuses files that have no place in a course folder, and sorts translations by locale. */
    private void checkLayout(String folder, String file, Map<String, Set<String>> translations) {
        if (file.equals(COURSE_FILE) || file.startsWith("assets/")) {
            return;
        }
        if (file.startsWith("lessons/")) {
            if (!file.endsWith(".md")) {
                unexpected(folder + file, "lesson folders hold only Markdown (.md) files; put images and other files under assets/");
            }
            return;
        }
        String[] parts = file.split("/", 3);
        if (parts[0].equals("i18n") && parts.length == 3) {
            String inLocale = parts[2];
            if (inLocale.equals(COURSE_FILE) || inLocale.startsWith("assets/")
                    || inLocale.startsWith("lessons/") && inLocale.endsWith(".md")) {
                translations.computeIfAbsent(parts[1], l -> new TreeSet<>()).add(inLocale);
            } else {
                unexpected(folder + file, "a translation under i18n/<locale>/ holds course.yaml, lessons/*.md and assets/");
            }
            return;
        }
        unexpected(folder + file, "a course folder holds course.yaml, lessons/, assets/ and i18n/");
    }

    private void unexpected(String path, String advice) {
        content.problems().add(content.bundlePath(path), null, Rule.FILE_UNEXPECTED,
                "this file has no place in the content layout: " + advice);
    }

    private String language(YamlFields fields) {
        String language = fields.text("language");
        if (language == null) {
            return DEFAULT_LANGUAGE;
        }
        if (!isLanguageTag(language)) {
            fields.problems().add(fields.file(), fields.line("language"), Rule.LANGUAGE_INVALID,
                    "'" + language + "' is not a BCP 47 language tag such as en, de or pt-BR");
        }
        return language;
    }

    /** A well-formed BCP 47 tag with a language, such as {@code en} or {@code pt-BR} (not {@code pt_BR}). */
    static boolean isLanguageTag(String tag) {
        try {
            return !new Locale.Builder().setLanguageTag(tag).build().getLanguage().isEmpty();
        } catch (IllformedLocaleException e) {
            return false;
        }
    }

    private static Course.Level level(YamlFields fields) {
        String level = fields.text("level");
        if (level == null) {
            return null;
        }
        for (Course.Level known : Course.Level.values()) {
            if (known.id().equals(level)) {
                return known;
            }
        }
        fields.problems().add(fields.file(), fields.line("level"), Rule.LEVEL_UNKNOWN,
                "unknown level '" + level + "'; the levels are beginner, intermediate and advanced");
        return null;
    }

    private List<String> prerequisites(YamlFields fields, String course, String file) {
        List<String> prerequisites = new ArrayList<>();
        List<YamlFields.Text> texts = fields.texts("prerequisites");
        if (texts == null) {
            return prerequisites;
        }
        UniqueIds unique = new UniqueIds("prerequisite", file, fields.problems());
        for (YamlFields.Text text : texts) {
            String prerequisite = references.add(References.Kind.PREREQUISITE, course, text.value(), file, text.line(),
                    fields.problems());
            if (prerequisite != null && unique.add(prerequisite, text.line())) {
                prerequisites.add(prerequisite);
            }
        }
        return prerequisites;
    }

    private List<Lesson> lessons(YamlFields fields, String folder, Set<String> files, String file) {
        List<Lesson> lessons = new ArrayList<>();
        List<YamlNode> items = fields.requiredList("lessons");
        if (items == null) {
            return lessons;
        }
        Problems problems = fields.problems();
        UniqueIds ids = new UniqueIds("lesson id", file, problems);
        for (YamlNode item : items) {
            YamlFields lesson = YamlFields.of(item, "a lesson", file, problems, LESSON_FIELDS);
            String id = lesson.id("id");
            if (id != null) {
                ids.add(id, lesson.line("id"));
            }
            String title = lesson.requiredText("title");
            String path = lesson.requiredText("file");
            Duration duration = lesson.duration("duration");
            if (path != null && lessonFile(path, folder, files, file, lesson.line("file"))) {
                content.checkLesson(folder + path);
            }
            lessons.add(new Lesson(id, title, path, duration));
        }
        return lessons;
    }

    /** Whether a lesson's {@code file} names a Markdown file of the course that exists. */
    private boolean lessonFile(String path, String folder, Set<String> files, String file, int line) {
        Problems problems = content.problems();
        ContentPaths.Violation violation = ContentPaths.check(path);
        if (violation != null) {
            problems.add(file, line, violation.rule(), "the lesson file " + violation.message());
            return false;
        }
        if (!path.startsWith("lessons/") || !path.endsWith(".md")) {
            problems.add(file, line, Rule.LESSON_FILE,
                    "the lesson file '" + path + "' must be a Markdown file under lessons/, such as lessons/01-welcome.md");
            return false;
        }
        if (!files.contains(path)) {
            problems.add(file, line, Rule.LESSON_MISSING,
                    "the lesson file " + content.bundlePath(folder + path) + " does not exist");
            return false;
        }
        return true;
    }

    private Course.Translation translation(String name, String locale, Set<String> files, List<Lesson> lessons) {
        Problems problems = content.problems();
        String localeFolder = ContentReader.COURSES + name + "/i18n/" + locale + "/";
        if (!isLanguageTag(locale)) {
            problems.add(content.bundlePath(localeFolder), null, Rule.LANGUAGE_INVALID,
                    "the translation folder '" + locale + "' is not a BCP 47 language tag such as de or pt-BR");
            return null;
        }
        TranslatedTexts texts = files.contains(COURSE_FILE)
                ? translatedTexts(name, locale, localeFolder + COURSE_FILE, lessons)
                : new TranslatedTexts(null, null, Map.of());

        Map<String, String> lessonByFile = new HashMap<>();
        for (Lesson lesson : lessons) {
            if (lesson.file() != null && lesson.id() != null) {
                lessonByFile.put(lesson.file(), lesson.id());
            }
        }
        Map<String, String> lessonFiles = new LinkedHashMap<>();
        for (String file : files) {
            if (!file.startsWith("lessons/")) {
                continue;
            }
            String lesson = lessonByFile.get(file);
            if (lesson == null) {
                problems.add(content.bundlePath(localeFolder + file), null, Rule.TRANSLATION_LESSON,
                        "no lesson of the course is in " + file + "; a translated lesson has the same path as the lesson it translates");
            } else {
                content.checkLesson(localeFolder + file);
                lessonFiles.put(lesson, "i18n/" + locale + "/" + file);
            }
        }
        return new Course.Translation(texts.title(), texts.summary(), texts.lessonTitles(), lessonFiles);
    }

    /** What a translation's {@code course.yaml} translates. */
    private record TranslatedTexts(String title, String summary, Map<String, String> lessonTitles) {
    }

    /**
     * Reads a translation's {@code course.yaml}. It has the layout of the course's own,
     * so that a vendor may write it as a translated copy, but only the texts are taken
     * from it: the title, the summary and the lesson titles. What it repeats must agree
     * with the course, or is checked for its type and left aside.
     */
    private TranslatedTexts translatedTexts(String name, String locale, String path, List<Lesson> lessons) {
        Problems problems = content.problems();
        String file = content.bundlePath(path);
        YamlNode root = content.yaml(path);
        if (root == null) {
            return new TranslatedTexts(null, null, Map.of());
        }
        YamlFields fields = YamlFields.of(root, COURSE_FILE, file, problems, COURSE_FIELDS);
        String id = fields.text("id");
        if (id != null && !id.equals(name)) {
            problems.add(file, fields.line("id"), Rule.ID_MISMATCH,
                    "a translation keeps the course id, '" + name + "', not '" + id + "'");
        }
        String language = fields.text("language");
        if (language != null && !language.equalsIgnoreCase(locale)) {
            problems.add(file, fields.line("language"), Rule.LANGUAGE_INVALID,
                    "a translation's language is the locale of its folder, '" + locale + "', not '" + language + "'");
        }
        fields.duration("duration");
        level(fields);
        fields.texts("tags");
        fields.texts("prerequisites");
        fields.text("quiz");

        Map<String, Lesson> lessonsById = new HashMap<>();
        lessons.stream().filter(l -> l.id() != null).forEach(l -> lessonsById.put(l.id(), l));
        Map<String, String> lessonTitles = new LinkedHashMap<>();
        List<YamlNode> items = fields.list("lessons");
        UniqueIds ids = new UniqueIds("lesson id", file, problems);
        for (YamlNode item : items == null ? List.<YamlNode>of() : items) {
            YamlFields lesson = YamlFields.of(item, "a translated lesson", file, problems, LESSON_FIELDS);
            String lessonId = lesson.id("id");
            String title = lesson.requiredText("title");
            String lessonFile = lesson.text("file");
            lesson.duration("duration");
            if (lessonId == null || !ids.add(lessonId, lesson.line("id"))) {
                continue;
            }
            Lesson translated = lessonsById.get(lessonId);
            if (translated == null) {
                problems.add(file, lesson.line("id"), Rule.TRANSLATION_LESSON,
                        "the course has no lesson '" + lessonId + "' to translate");
            } else if (lessonFile != null && !lessonFile.equals(translated.file())) {
                problems.add(file, lesson.line("file"), Rule.TRANSLATION_LESSON, "a translated lesson keeps the file of the "
                        + "lesson it translates, " + translated.file() + "; its translated text goes in i18n/" + locale + "/"
                        + translated.file());
            } else if (title != null) {
                lessonTitles.put(lessonId, title);
            }
        }
        return new TranslatedTexts(fields.text("title"), fields.text("summary"), lessonTitles);
    }
}
