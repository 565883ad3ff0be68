package roadshow.content.internal;

/**
 * The rules of the content format, each with the stable id a vendor sees in a
 * {@link roadshow.content.api.ContentProblem}. The ids are part of the contract with
 * vendors (their tooling may match on them), so an id never changes meaning.
 */
enum Rule {
    MANIFEST_MANIFEST_VERSION("manifest.manifest-version"),
    MANIFEST_SYMBOLIC_NAME("manifest.symbolic-name"),
    MANIFEST_VERSION("manifest.version"),
    MANIFEST_VENDOR("manifest.vendor"),
    MANIFEST_CONTENT("manifest.content"),
    MANIFEST_CAPABILITY("manifest.capability"),
    MANIFEST_CODE("manifest.code"),
    CAPABILITY_COURSE("capability.course"),
    JAR_INVALID("jar.invalid"),
    ENTRY_UNREADABLE("entry.unreadable"),
    ENTRY_DUPLICATE("entry.duplicate"),
    ENTRY_TOO_LARGE("entry.too-large"),
    ENTRY_RATIO("entry.ratio"),
    BUNDLE_TOO_LARGE("bundle.too-large"),
    BUNDLE_TOO_MANY_ENTRIES("bundle.too-many-entries"),
    BUNDLE_UNREADABLE("bundle.unreadable"),
    DOCUMENT_TOO_LARGE("document.too-large"),
    PATH_OUTSIDE("path.outside"),
    PATH_INVALID("path.invalid"),
    PATH_TOO_LONG("path.too-long"),
    PATH_TOO_DEEP("path.too-deep"),
    FILE_UNEXPECTED("file.unexpected"),
    FILE_OUTSIDE("file.outside"),
    FILE_CODE("file.code"),
    FILE_EMPTY("file.empty"),
    COURSE_MISSING("course.missing"),
    YAML_SYNTAX("yaml.syntax"),
    YAML_DUPLICATE_KEY("yaml.duplicate-key"),
    YAML_ALIAS("yaml.alias"),
    YAML_TOO_DEEP("yaml.too-deep"),
    YAML_NUMBER_TOO_LONG("yaml.number-too-long"),
    YAML_LINE_TOO_LONG("yaml.line-too-long"),
    FIELD_UNKNOWN("field.unknown"),
    FIELD_MISSING("field.missing"),
    FIELD_TYPE("field.type"),
    ID_INVALID("id.invalid"),
    ID_MISMATCH("id.mismatch"),
    ID_DUPLICATE("id.duplicate"),
    ID_TAKEN("id.taken"),
    VALUE_RANGE("value.range"),
    DURATION_INVALID("duration.invalid"),
    PERIOD_INVALID("period.invalid"),
    LANGUAGE_INVALID("language.invalid"),
    LEVEL_UNKNOWN("level.unknown"),
    LESSON_FILE("lesson.file"),
    LESSON_MISSING("lesson.missing"),
    LESSON_ENCODING("lesson.encoding"),
    QUESTION_TYPE_UNKNOWN("question.type.unknown"),
    QUESTION_CORRECT("question.correct"),
    QUESTION_TOO_FEW("question.too-few"),
    QUIZ_DRAW("quiz.draw"),
    TRACK_RENEWAL("track.renewal"),
    TRANSLATION_LESSON("translation.lesson"),
    REFERENCE_UNKNOWN("reference.unknown"),
    REFERENCE_CYCLE("reference.cycle"),
    REQUIREMENT_UNSATISFIED("requirement.unsatisfied"),
    BUNDLE_UNRESOLVED("bundle.unresolved");

    private final String id;

    Rule(String id) {
        this.id = id;
    }

    String id() {
        return id;
    }
}
