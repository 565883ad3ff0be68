package roadshow.bench.bare.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;

import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.servlet.whiteboard.propertytypes.HttpWhiteboardServletPattern;

import jakarta.servlet.Servlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * The baseline of the throughput benchmark: answers {@code /bench/bare/<name>} with the
 * bytes of the file {@code <roadshow.home>/bench/<name>}, read once at activation and held
 * in memory, with the Content-Type written in {@code <name>.content-type} beside it. The
 * benchmark script captures Roadshow's own pages into that folder before it deploys this
 * bundle, so the two answer with the same bytes and differ only in the work behind them.
 */
@Component(service = Servlet.class)
@HttpWhiteboardServletPattern("/bench/bare/*")
public class BareServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;
    private static final String TYPE_SUFFIX = ".content-type";

    private final transient Map<String, Capture> captures;

    @Activate
    public BareServlet(BundleContext context) throws IOException {
        String home = context.getProperty("roadshow.home");
        this.captures = load(Path.of(home == null ? "roadshow-home" : home).resolve("bench"));
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String name = request.getPathInfo() == null ? "" : request.getPathInfo().substring(1);
        Capture capture = captures.get(name);
        if (capture == null) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        response.setContentType(capture.contentType());
        response.setContentLength(capture.body().length);
        response.getOutputStream().write(capture.body());
    }

    private static Map<String, Capture> load(Path folder) throws IOException {
        Map<String, Capture> captures = new HashMap<>();
        if (!Files.isDirectory(folder)) {
            return captures;
        }
        try (Stream<Path> files = Files.list(folder)) {
            for (Path type : files.filter(p -> p.getFileName().toString().endsWith(TYPE_SUFFIX)).toList()) {
                String typeFile = type.getFileName().toString();
                String name = typeFile.substring(0, typeFile.length() - TYPE_SUFFIX.length());
                Path body = folder.resolve(name);
                if (Files.isRegularFile(body)) {
                    captures.put(name, new Capture(Files.readString(type, StandardCharsets.UTF_8).strip(),
                            Files.readAllBytes(body)));
                }
            }
        }
        return Map.copyOf(captures);
    }

    private record Capture(String contentType, byte[] body) {
    }
}
