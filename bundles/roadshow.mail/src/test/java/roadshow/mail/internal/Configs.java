package roadshow.mail.internal;

import java.lang.reflect.Proxy;
import java.util.Map;

/**
 * The courier's configuration as Declarative Services hands it over: the values given,
 * keyed by their property names ({@code timeout.seconds}), and the defaults for the rest.
 */
final class Configs {

    private Configs() {
    }

    static Courier.Config courier(Map<String, Object> properties) {
        return (Courier.Config) Proxy.newProxyInstance(Courier.Config.class.getClassLoader(),
                new Class<?>[] { Courier.Config.class }, (proxy, method, args) -> {
                    String property = method.getName().replace("_", "."); // as DS maps them: _password is .password
                    return switch (method.getName()) {
                        case "annotationType" -> Courier.Config.class;
                        case "toString" -> "Courier.Config" + properties;
                        case "hashCode" -> properties.hashCode();
                        case "equals" -> proxy == args[0];
                        default -> properties.containsKey(property) ? properties.get(property) : method.getDefaultValue();
                    };
                });
    }

    /** Settings for tests: an SMTP server on localhost at {@code port}, and quick retries. */
    static Map<String, Object> smtp(int port) {
        return Map.of("host", "localhost", "port", port, "from", "Roadshow <roadshow@roadshow.test>",
                "timeout.seconds", 5, "retry.seconds", 1);
    }
}
