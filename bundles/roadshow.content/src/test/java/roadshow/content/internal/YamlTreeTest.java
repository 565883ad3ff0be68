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
}
