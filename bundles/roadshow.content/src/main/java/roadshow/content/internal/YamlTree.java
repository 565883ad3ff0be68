package roadshow.content.internal;

import java.io.IOException;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;

/**
 * Reads one YAML document into {@link YamlNode}s with Jackson's streaming parser.
 *
 * <p>Duplicate keys are detected here rather than by Jackson's
 * {@code STRICT_DUPLICATE_DETECTION}: that feature aborts the file at the first
 * duplicate with an error indistinguishable from a syntax error, while here every
 * duplicate is reported, with the line of the first occurrence, and reading goes on.
 */
final class YamlTree {

    private final YAMLFactory factory;

    YamlTree(int maxDocumentBytes) {
        // SnakeYAML stops at 3 MB of code points by default; our own byte limit applies first
        LoaderOptions options = new LoaderOptions();
        options.setCodePointLimit(maxDocumentBytes);
        // 'key:' with nothing after it reads as empty, as YAML means; "key: ''" stays an empty text
        factory = YAMLFactory.builder().loaderOptions(options).enable(YAMLParser.Feature.EMPTY_STRING_AS_NULL).build();
    }

    /**
     * The document's root, or {@code null} when it cannot be read as YAML or is empty
     * (the problem is reported). Duplicate keys and aliases are reported but do not stop
     * reading: the first value of a duplicated key is kept.
     */
    YamlNode read(byte[] yaml, String file, Problems problems) {
        try (YAMLParser parser = factory.createParser(yaml)) {
            JsonToken first = parser.nextToken();
            if (first == null) {
                problems.add(file, null, Rule.FILE_EMPTY, "the file is empty");
                return null;
            }
            YamlNode root = node(parser, first, file, problems);
            if (parser.nextToken() != null) {
                problems.add(file, line(parser.currentTokenLocation()), Rule.YAML_SYNTAX,
                        "a second YAML document starts here; a file holds exactly one (remove the '---')");
                return null;
            }
            return root;
        } catch (JacksonException e) {
            syntaxError(e, file, problems);
            return null;
        } catch (IOException e) {
            problems.add(file, null, Rule.YAML_SYNTAX, "the file cannot be read as YAML: " + e.getMessage());
            return null;
        }
    }

    private YamlNode node(YAMLParser parser, JsonToken token, String file, Problems problems) throws IOException {
        int line = line(parser.currentTokenLocation());
        if (parser.isCurrentAlias()) {
            // without replay Jackson hands over the alias name as if it were the value
            problems.add(file, line, Rule.YAML_ALIAS,
                    "YAML aliases (*" + parser.getText() + ") are not supported; write the value out");
            return new YamlNode.Scalar(null, parser.getText(), line);
        }
        switch (token) {
            case START_OBJECT:
                return mapping(parser, line, file, problems);
            case START_ARRAY:
                List<YamlNode> items = new ArrayList<>();
                for (JsonToken next = parser.nextToken(); next != JsonToken.END_ARRAY; next = parser.nextToken()) {
                    items.add(node(parser, next, file, problems));
                }
                return new YamlNode.Sequence(items, line);
            case VALUE_NULL:
                return new YamlNode.Scalar(null, parser.getText(), line);
            case VALUE_TRUE:
            case VALUE_FALSE:
                return new YamlNode.Scalar(token == JsonToken.VALUE_TRUE, parser.getText(), line);
            case VALUE_NUMBER_INT:
                BigInteger integer = parser.getBigIntegerValue();
                Object value = integer.bitLength() < Long.SIZE ? (Object) integer.longValue() : integer;
                return new YamlNode.Scalar(value, parser.getText(), line);
            case VALUE_NUMBER_FLOAT:
                return new YamlNode.Scalar(parser.getDoubleValue(), parser.getText(), line);
            default:
                // strings, and tagged values such as !!binary, which the format has no use for
                return new YamlNode.Scalar(parser.getText(), parser.getText(), line);
        }
    }

    private YamlNode.Mapping mapping(YAMLParser parser, int line, String file, Problems problems) throws IOException {
        Map<String, YamlNode.Entry> entries = new LinkedHashMap<>();
        YamlNode.Entry previous = null;
        for (JsonToken next = parser.nextToken(); next != JsonToken.END_OBJECT; next = parser.nextToken()) {
            String key = parser.currentName();
            int keyLine = line(parser.currentTokenLocation());
            YamlNode value = node(parser, parser.nextToken(), file, problems);
            if (previous != null && continues(previous, keyLine, value)) {
                // In {text: Right, no more boxes.} the comma ends the value and leaves a key
                // without one; the format's own examples are written so, and mean the whole text.
                YamlNode.Scalar text = (YamlNode.Scalar) previous.value();
                String joined = text.text() + ", " + key;
                previous = new YamlNode.Entry(previous.key(), previous.line(), new YamlNode.Scalar(joined, joined, text.line()));
                entries.put(previous.key(), previous);
                continue;
            }
            YamlNode.Entry first = entries.get(key);
            if (first != null) {
                problems.add(file, keyLine, Rule.YAML_DUPLICATE_KEY,
                        "key '" + key + "' appears twice in the same mapping (first at line " + first.line() + ")");
            } else {
                previous = new YamlNode.Entry(key, keyLine, value);
                entries.put(key, previous);
            }
        }
        return new YamlNode.Mapping(entries, line);
    }

    /**
     * Whether a key is really the rest of the previous value, cut off by a comma inside
     * braces: it has no value and sits on the line of a value. Keys of a block mapping
     * each start their own line, so this never joins those.
     */
    private static boolean continues(YamlNode.Entry previous, int keyLine, YamlNode value) {
        return value instanceof YamlNode.Scalar empty && empty.value() == null
                && previous.value() instanceof YamlNode.Scalar text && text.value() != null
                && text.line() == keyLine;
    }

    private static int line(JsonLocation location) {
        return Math.max(1, location.getLineNr());
    }

    /**
     * Reports a syntax error at the line SnakeYAML found it on, which Jackson's own
     * location does not always match (it points at the last token read), and without
     * SnakeYAML's source excerpt, which the vendor sees in their editor anyway.
     */
    private static void syntaxError(JacksonException e, String file, Problems problems) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof MarkedYAMLException marked) {
                Mark mark = marked.getProblemMark() != null ? marked.getProblemMark() : marked.getContextMark();
                String context = marked.getContext() == null ? "" : marked.getContext() + ": ";
                problems.add(file, mark == null ? null : mark.getLine() + 1, Rule.YAML_SYNTAX,
                        "YAML syntax error: " + context + marked.getProblem());
                return;
            }
        }
        problems.add(file, e.getLocation() == null ? null : line(e.getLocation()), Rule.YAML_SYNTAX,
                "YAML syntax error: " + e.getOriginalMessage());
    }
}
