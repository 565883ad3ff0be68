package roadshow.content.internal;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.events.DocumentStartEvent;
import org.yaml.snakeyaml.events.Event;
import org.yaml.snakeyaml.reader.UnicodeReader;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;

/**
 * Reads one YAML document into {@link YamlNode}s with Jackson's streaming parser.
 *
 * <p>Duplicate keys are detected here rather than by Jackson's
 * {@code STRICT_DUPLICATE_DETECTION}: that feature aborts the file at the first
 * duplicate with an error indistinguishable from a syntax error, while here every
 * duplicate is reported, with the line of the first occurrence, and reading goes on.
 *
 * <p>A content file is a few levels deep, holds short numbers and reasonably short
 * lines. Deeper nesting, longer numbers and longer lines are refused, each reported at
 * its line: building the tree recurses once per level, and SnakeYAML's scanner takes
 * time that grows with the square of a line's length (seconds for a line of millions of
 * characters, such as a number of millions of digits).
 */
final class YamlTree {

    /** The deepest nesting of mappings and lists a file may have; the format needs about six. */
    static final int MAX_DEPTH = 32;
    /** The most characters a number may be written with. */
    static final int MAX_NUMBER_LENGTH = 64;
    /** The most bytes a line may have: a long paragraph is a few thousand. */
    static final int MAX_LINE_BYTES = 64 * 1024;

    private final LoaderOptions options;
    private final YAMLFactory factory;

    YamlTree(int maxDocumentBytes) {
        // SnakeYAML stops at 3 MB of code points by default; our own byte limit applies first
        options = new LoaderOptions();
        options.setCodePointLimit(maxDocumentBytes);
        // Jackson's own checks stand behind this class's, which report the line and go first
        StreamReadConstraints constraints = StreamReadConstraints.builder()
                .maxNestingDepth(MAX_DEPTH + 1)
                .maxNumberLength(MAX_NUMBER_LENGTH)
                .build();
        // 'key:' with nothing after it reads as empty, as YAML means; "key: ''" stays an empty text
        factory = YAMLFactory.builder().loaderOptions(options).streamReadConstraints(constraints)
                .enable(YAMLParser.Feature.EMPTY_STRING_AS_NULL).build();
    }

    /**
     * The document's root, or {@code null} when it cannot be read as YAML or is empty
     * (the problem is reported). Duplicate keys and aliases are reported but do not stop
     * reading: the first value of a duplicated key is kept.
     */
    YamlNode read(byte[] yaml, String file, Problems problems) {
        int longLine = longLine(yaml);
        if (longLine > 0) {
            problems.add(file, longLine, Rule.YAML_LINE_TOO_LONG, "the line is longer than "
                    + ContentLimits.describe(MAX_LINE_BYTES) + "; break the text over several lines");
            return null;
        }
        YAMLParser parser = null;
        try {
            parser = factory.createParser(yaml);
            JsonToken first = parser.nextToken();
            if (first == null) {
                problems.add(file, null, Rule.FILE_EMPTY, "the file is empty");
                return null;
            }
            YamlNode root = node(parser, first, 1, file, problems);
            if (parser.nextToken() != null) {
                Integer start = secondDocument(yaml);
                problems.add(file, start != null ? start : line(parser.currentTokenLocation()), Rule.YAML_SYNTAX,
                        "a second YAML document starts here; a file holds exactly one (remove the '---')");
                return null;
            }
            return root;
        } catch (TooDeep e) {
            problems.add(file, e.line, Rule.YAML_TOO_DEEP, "mappings and lists are nested more than " + MAX_DEPTH
                    + " levels deep here; a content file needs only a few");
            return null;
        } catch (StreamConstraintsException e) {
            // Jackson's own limits, should its checks come before ours
            Integer line = parser == null ? null : line(parser.currentLocation());
            if (String.valueOf(e.getMessage()).contains("nesting depth")) {
                problems.add(file, line, Rule.YAML_TOO_DEEP, "mappings and lists are nested more than " + MAX_DEPTH
                        + " levels deep here; a content file needs only a few");
            } else if (String.valueOf(e.getMessage()).contains("Number value length")) {
                problems.add(file, line, Rule.YAML_NUMBER_TOO_LONG, numberTooLong());
            } else {
                problems.add(file, line, Rule.YAML_SYNTAX, "the file cannot be read as YAML: " + e.getOriginalMessage());
            }
            return null;
        } catch (JacksonException e) {
            syntaxError(e, file, problems);
            return null;
        } catch (IOException | RuntimeException e) {
            Integer line = parser == null ? null : line(parser.currentLocation());
            problems.add(file, line, Rule.YAML_SYNTAX, "the file cannot be read as YAML: " + e.getMessage());
            return null;
        } finally {
            close(parser);
        }
    }

    private YamlNode node(YAMLParser parser, JsonToken token, int depth, String file, Problems problems)
            throws IOException {
        int line = line(parser.currentTokenLocation());
        if (parser.isCurrentAlias()) {
            // without replay Jackson hands over the alias name as if it were the value
            problems.add(file, line, Rule.YAML_ALIAS,
                    "YAML aliases (*" + parser.getText() + ") are not supported; write the value out");
            return new YamlNode.Scalar(null, parser.getText(), line);
        }
        switch (token) {
            case START_OBJECT:
                return mapping(parser, line, depth(depth, line), file, problems);
            case START_ARRAY:
                int itemDepth = depth(depth, line) + 1;
                List<YamlNode> items = new ArrayList<>();
                for (JsonToken next = parser.nextToken(); next != JsonToken.END_ARRAY; next = parser.nextToken()) {
                    items.add(node(parser, next, itemDepth, file, problems));
                }
                return new YamlNode.Sequence(items, line);
            case VALUE_NULL:
                return new YamlNode.Scalar(null, parser.getText(), line);
            case VALUE_TRUE:
            case VALUE_FALSE:
                return new YamlNode.Scalar(token == JsonToken.VALUE_TRUE, parser.getText(), line);
            case VALUE_NUMBER_INT:
            case VALUE_NUMBER_FLOAT:
                String digits = parser.getText();
                if (digits.length() > MAX_NUMBER_LENGTH) {
                    // not converted: a number of millions of digits takes seconds to convert
                    problems.add(file, line, Rule.YAML_NUMBER_TOO_LONG, numberTooLong());
                    return new YamlNode.Scalar(null, digits, line);
                }
                if (token == JsonToken.VALUE_NUMBER_FLOAT) {
                    return new YamlNode.Scalar(parser.getDoubleValue(), digits, line);
                }
                BigInteger integer = parser.getBigIntegerValue();
                Object value = integer.bitLength() < Long.SIZE ? (Object) integer.longValue() : integer;
                return new YamlNode.Scalar(value, digits, line);
            default:
                // strings, and tagged values such as !!binary, which the format has no use for
                return new YamlNode.Scalar(parser.getText(), parser.getText(), line);
        }
    }

    private YamlNode.Mapping mapping(YAMLParser parser, int line, int depth, String file, Problems problems)
            throws IOException {
        Map<String, YamlNode.Entry> entries = new LinkedHashMap<>();
        Map<String, YamlNode.Join> joins = new LinkedHashMap<>();
        YamlNode.Entry previous = null;
        for (JsonToken next = parser.nextToken(); next != JsonToken.END_OBJECT; next = parser.nextToken()) {
            String key = parser.currentName();
            int keyLine = line(parser.currentTokenLocation());
            YamlNode value = node(parser, parser.nextToken(), depth + 1, file, problems);
            if (previous != null && continues(previous, keyLine, value)) {
                // In {text: Right, no more boxes.} the comma ends the value and leaves a key
                // without one; the format's own examples are written so, and mean the whole text.
                // The join is kept, to be undone where the key is a field of the mapping.
                YamlNode.Scalar text = (YamlNode.Scalar) previous.value();
                String joined = text.text() + ", " + key;
                YamlNode.Join join = joins.get(previous.key());
                List<YamlNode.Entry> keys = new ArrayList<>(join == null ? List.of() : join.keys());
                keys.add(new YamlNode.Entry(key, keyLine, value));
                joins.put(previous.key(), new YamlNode.Join(join == null ? text.text() : join.base(), keys));
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
        return new YamlNode.Mapping(entries, line, joins);
    }

    /** The depth of a mapping or list that starts at {@code depth}, refused past {@link #MAX_DEPTH}. */
    private static int depth(int depth, int line) throws TooDeep {
        if (depth > MAX_DEPTH) {
            throw new TooDeep(line);
        }
        return depth;
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

    /**
     * The line where the second document of a file starts: its {@code ---}. Jackson only
     * tells where the second document's content starts, so the file is parsed again into
     * SnakeYAML's events, which mark where each document starts.
     */
    private Integer secondDocument(byte[] yaml) {
        try {
            int documents = 0;
            for (Event event : new Yaml(options).parse(new UnicodeReader(new ByteArrayInputStream(yaml)))) {
                if (event instanceof DocumentStartEvent && ++documents == 2) {
                    return event.getStartMark().getLine() + 1;
                }
            }
        } catch (RuntimeException e) {
            // the second document itself is broken; Jackson's line has to do
        }
        return null;
    }

    /** The first line longer than {@link #MAX_LINE_BYTES}, or 0 when there is none. */
    private static int longLine(byte[] yaml) {
        int line = 1;
        int length = 0;
        for (int i = 0; i < yaml.length; i++) {
            byte b = yaml[i];
            if (b == '\n' || b == '\r') {
                if (b == '\r' && i + 1 < yaml.length && yaml[i + 1] == '\n') {
                    i++;
                }
                line++;
                length = 0;
            } else if (++length > MAX_LINE_BYTES) {
                return line;
            }
        }
        return 0;
    }

    private static String numberTooLong() {
        return "a number written with more than " + MAX_NUMBER_LENGTH + " characters; if it is text, quote it";
    }

    private static int line(JsonLocation location) {
        return Math.max(1, location.getLineNr());
    }

    private static void close(YAMLParser parser) {
        if (parser != null) {
            try {
                parser.close();
            } catch (IOException | RuntimeException e) {
                // the file is in memory; nothing to release
            }
        }
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

    /** Nesting past {@link #MAX_DEPTH}, which ends reading the file. */
    private static final class TooDeep extends IOException {

        private static final long serialVersionUID = 1L;

        private final int line;

        TooDeep(int line) {
            super("nested more than " + MAX_DEPTH + " levels deep");
            this.line = line;
        }
    }
}
