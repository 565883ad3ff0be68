package roadshow.content.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import roadshow.content.api.ContentProblem;

class YamlTreeTest {

    private final YamlTree tree = new YamlTree(1024 * 1024);
    private final Problems problems = new Problems();

    private YamlNode read(String yaml) {
        return tree.read(yaml.getBytes(StandardCharsets.UTF_8), "f.yaml", problems);
    }

    @Test
    void remembersTheLineOfEveryNode() {
        YamlNode.Mapping root = (YamlNode.Mapping) read("""
                # a comment
                id: intro
                lessons:
                  - id: a
                    title: A
                  - {id: b, title: B}
                """);

        assertThat(root.line()).isEqualTo(2);
        assertThat(root.entries().get("id").line()).isEqualTo(2);
        YamlNode.Entry lessons = root.entries().get("lessons");
        assertThat(lessons.line()).isEqualTo(3);
        List<YamlNode> items = ((YamlNode.Sequence) lessons.value()).items();
        assertThat(items).extracting(YamlNode::line).containsExactly(4, 6);
        YamlNode.Mapping first = (YamlNode.Mapping) items.get(0);
        assertThat(first.entries().get("title").line()).isEqualTo(5);
        assertThat(first.entries().get("title").value().line()).isEqualTo(5);
        assertThat(problems.isEmpty()).isTrue();
    }

    @Test
    void typesScalarsAsYamlDoes() {
        YamlNode.Mapping root = (YamlNode.Mapping) read("""
                text: PT45M
                whole: 3
                huge: 123456789012345678901234567890
                fraction: 0.8
                yes: true
                empty:
                quoted: "7"
                """);

        assertThat(root.plain()).isEqualTo(Map.of(
                "text", "PT45M", "whole", 3L, "huge", new java.math.BigInteger("123456789012345678901234567890"),
                "fraction", 0.8, "yes", true, "quoted", "7"));
        assertThat(((YamlNode.Scalar) root.entries().get("whole").value()).text()).isEqualTo("3");
    }

    @Test
    void joinsATextCutOffByACommaInsideBraces() {
        YamlNode.Mapping root = (YamlNode.Mapping) read("""
                choice: {id: a, feedback: Yes, exactly, well done., correct: true}
                """);

        assertThat(root.plain()).isEqualTo(Map.of(
                "choice", Map.of("id", "a", "feedback", "Yes, exactly, well done.", "correct", true)));
        assertThat(problems.isEmpty()).isTrue();
    }

    @Test
    void keepsTheFirstValueOfADuplicateKeyAndReadsOn() {
        YamlNode.Mapping root = (YamlNode.Mapping) read("""
                a: 1
                b: 2
                a: 3
                c: [1, 2]
                c: x
                """);

        assertThat(root.plain()).isEqualTo(Map.of("a", 1L, "b", 2L, "c", List.of(1L, 2L)));
        assertThat(problems.list()).extracting(ContentProblem::line, ContentProblem::rule)
                .containsExactly(tuple(3, "yaml.duplicate-key"), tuple(5, "yaml.duplicate-key"));
    }

    @Test
    void reportsASyntaxErrorWithoutSnakeYamlsExcerpt() {
        assertThat(read("a: [1, 2\nb: 3\n")).isNull();

        assertThat(problems.list()).extracting(ContentProblem::line, ContentProblem::rule).containsExactly(tuple(2, "yaml.syntax"));
        assertThat(problems.list().get(0).message())
                .isEqualTo("YAML syntax error: while parsing a flow sequence: expected ',' or ']', but got :");
    }

    @Test
    void reportsTabIndentation() {
        assertThat(read("a:\n\tb: 1\n")).isNull();

        assertThat(problems.list()).extracting(ContentProblem::line, ContentProblem::rule).containsExactly(tuple(2, "yaml.syntax"));
    }

    @Test
    void reportsASecondDocumentAtItsMarker() {
        assertThat(read("a: 1\n---\nb: 2\n")).isNull();
        assertThat(read("# one\na: 1\n...\n# two\n--- {b: 2}\n")).isNull();
        assertThat(read("a: 1\n---\n")).isNull();

        assertThat(problems.list()).extracting(ContentProblem::line, ContentProblem::rule)
                .containsExactly(tuple(2, "yaml.syntax"), tuple(5, "yaml.syntax"), tuple(2, "yaml.syntax"));
    }

    @Test
    void refusesNestingPastTheLimitWithoutOverflowingTheStack() {
        assertThat(read("a: " + "[".repeat(10_000) + "]".repeat(10_000) + "\n")).isNull();
        assertThat(read("\n\nb: " + "{a: ".repeat(10_000) + "1" + "}".repeat(10_000) + "\n")).isNull();
        StringBuilder mixed = new StringBuilder("c:\n");
        for (int level = 1; level <= YamlTree.MAX_DEPTH; level++) {
            mixed.append("  ".repeat(level)).append("- d:\n");
        }
        assertThat(read(mixed.toString())).isNull();

        assertThat(problems.list()).extracting(ContentProblem::line, ContentProblem::rule)
                .containsExactly(tuple(1, "yaml.too-deep"), tuple(3, "yaml.too-deep"), tuple(17, "yaml.too-deep"));
    }

    @Test
    void readsNestingUpToTheLimit() {
        String deep = "{a: ".repeat(YamlTree.MAX_DEPTH - 1) + "1" + "}".repeat(YamlTree.MAX_DEPTH - 1);
        assertThat(read("a: " + deep + "\n")).isNotNull();
        assertThat(problems.isEmpty()).isTrue();
    }

    @Test
    void keepsNumbersAsWrittenBesideTheirValue() {
        YamlNode.Mapping root = (YamlNode.Mapping) read("a: 017\nb: 1.10\nc: NO\nd: 0x1F\n");

        assertThat(root.entries().values()).extracting(e -> ((YamlNode.Scalar) e.value()).text())
                .containsExactly("017", "1.10", "NO", "0x1F");
        assertThat(root.plain()).isEqualTo(Map.of("a", 15L, "b", 1.1, "c", false, "d", 31L));
    }

    @Test
    void undoesAJoinWhereTheKeyIsAFieldOfTheMapping() {
        YamlNode.Mapping choice = (YamlNode.Mapping) ((YamlNode.Mapping) read("""
                choice: {text: Foo, correct, feedback: Right, no more, boxes, id}
                """)).entries().get("choice").value();
        assertThat(choice.plain()).isEqualTo(Map.of("text", "Foo, correct", "feedback", "Right, no more, boxes, id"));

        YamlNode.Mapping separated = choice.separating(List.of("id", "text", "correct", "feedback"), "f.yaml", problems);

        assertThat(separated.plain()).isEqualTo(Map.of("text", "Foo", "feedback", "Right, no more, boxes"));
        assertThat(separated.entries().keySet()).containsExactly("text", "feedback", "correct", "id");
        assertThat(separated.entries().get("correct").line()).isEqualTo(1);
        assertThat(choice.separating(List.of("other"), "f.yaml", problems)).isSameAs(choice);
        assertThat(problems.isEmpty()).isTrue();
    }
}
