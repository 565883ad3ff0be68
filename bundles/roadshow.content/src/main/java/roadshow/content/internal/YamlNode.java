package roadshow.content.internal;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A YAML value together with the line it starts on. Jackson's own tree forgets
 * locations, and a vendor needs the line of every problem.
 */
sealed interface YamlNode permits YamlNode.Mapping, YamlNode.Sequence, YamlNode.Scalar {

    /** 1-based. */
    int line();

    /** What a vendor would call this kind of value, for messages: "a list", "text", ... */
    String kind();

    /** The value as plain Java maps, lists, strings, numbers and booleans; empty values are left out. */
    Object plain();

    /** A mapping, its entries in the order written. */
    record Mapping(Map<String, Entry> entries, int line) implements YamlNode {

        public Mapping {
            entries = Collections.unmodifiableMap(new LinkedHashMap<>(entries));
        }

        @Override
        public String kind() {
            return "a mapping";
        }

        @Override
        public Map<String, Object> plain() {
            Map<String, Object> plain = new LinkedHashMap<>();
            entries.forEach((key, entry) -> {
                Object value = entry.value().plain();
                if (value != null) {
                    plain.put(key, value);
                }
            });
            return Collections.unmodifiableMap(plain);
        }
    }

    /** One key of a mapping; {@code line} is the key's line. */
    record Entry(String key, int line, YamlNode value) {
    }

    record Sequence(List<YamlNode> items, int line) implements YamlNode {

        public Sequence {
            items = List.copyOf(items);
        }

        @Override
        public String kind() {
            return "a list";
        }

        @Override
        public List<Object> plain() {
            List<Object> plain = new ArrayList<>();
            for (YamlNode item : items) {
                Object value = item.plain();
                if (value != null) {
                    plain.add(value);
                }
            }
            return Collections.unmodifiableList(plain);
        }
    }

    /**
     * A single value.
     *
     * @param value a String, Boolean, Long, BigInteger or Double, or {@code null} for an empty value
     * @param text  the value as written (for a number, its digits)
     */
    record Scalar(Object value, String text, int line) implements YamlNode {

        @Override
        public String kind() {
            if (value == null) {
                return "an empty value";
            }
            if (value instanceof Boolean) {
                return "true/false";
            }
            if (value instanceof Number) {
                return "a number";
            }
            return "text";
        }

        @Override
        public Object plain() {
            return value;
        }
    }
}
