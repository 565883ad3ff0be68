package roadshow.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;

import jakarta.mail.internet.MimeMessage;

/**
 * Expiry reminders through real SMTP: a certification valid for 20 days gets its 30-day
 * reminder (not the 60-day one), its holder's organisation admin a digest, each once, and
 * not again after the host restarts on the same database.
 */
class ExpiryReminderIT {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final String PASSWORD = "a-long-enough-password";

    @TempDir
    Path home;
    @TempDir
    Path jars;

    private HostOptions options(int port) {
        return new HostOptions(port, home, "jdbc:h2:file:" + home.resolve("data").resolve("roadshow") + ";WRITE_DELAY=0", false, null,
                Http.ADMIN_EMAIL, Http.ADMIN_PASSWORD);
    }

    private static void await(Callable<Boolean> condition) throws Exception {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (!condition.call()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not within " + WAIT);
            }
            Thread.sleep(100);
        }
    }

    private static List<String> received(GreenMail mail, String to) throws Exception {
        List<String> subjects = new ArrayList<>();
        for (MimeMessage message : mail.getReceivedMessages()) {
            if (message.getAllRecipients()[0].toString().contains(to)) {
                subjects.add(message.getSubject());
            }
        }
        return subjects;
    }

    private static JsonNode ok(HttpResponse<String> response) throws Exception {
        assertThat(response.statusCode()).as(response.body()).isBetween(200, 201);
        return Http.JSON.readTree(response.body());
    }

    @Test
    void eachReminderIsSentOnceAcrossARestart() throws Exception {
        int smtpPort = FreePort.find();
        Files.createDirectories(home.resolve("conf"));
        Files.writeString(home.resolve("conf").resolve("roadshow.mail.cfg"), String.join("\n", "host=localhost", "port=" + smtpPort,
                "from=Roadshow <roadshow@roadshow.test>", "timeout.seconds=5", "retry.seconds=1", "poll.seconds=1", ""));
        Files.writeString(home.resolve("conf").resolve("roadshow.certification.cfg"), String.join("\n", "check.seconds=1",
                "first.check.seconds=1", ""));
        Path jar = ContentJar.course("com.test.short", "1.0.0", "shortco", "basics", "Basics", "one")
                .file("roadshow/tracks/brief.yaml", "id: brief\ntitle: Brief Certificate\nrequires:\n  courses: [basics]\nvalidFor: P20D\n")
                .writeTo(jars.resolve("short.jar"));
        GreenMail mail = new GreenMail(new ServerSetup(smtpPort, "localhost", ServerSetup.PROTOCOL_SMTP));
        mail.start();
        try {
            int port = FreePort.find();
            Host host = Host.start(options(port));
            try {
                try (InputStream in = Files.newInputStream(jar)) {
                    host.bundleContext().installBundle("test:short", in).start();
                }
                new Http(host.url()).awaitJson("/api/v1/courses", c -> Http.courseIds(c).contains("shortco/basics"), WAIT);
                Http admin = Http.admin(host.url());
                ok(admin.send("POST", "/api/v1/orgs", IdentityIT.json("id", "brieforg", "name", "Brief Org")));
                ok(admin.send("POST", "/api/v1/users", IdentityIT.json("email", "bea@brief.test", "name", "Bea Brief", "password", PASSWORD,
                        "org", "brieforg")));
                JsonNode owner = ok(admin.send("POST", "/api/v1/users", IdentityIT.json("email", "otto@brief.test", "name", "Otto Owner",
                        "password", PASSWORD, "org", "brieforg")));
                assertThat(admin.send("PUT", "/api/v1/users/" + owner.path("id").asText() + "/roles",
                        Http.JSON.readTree("{\"roles\": [{\"role\": \"org-admin\", \"org\": \"brieforg\"}]}")).statusCode()).isEqualTo(200);
                Http bea = new Http(host.url());
                bea.logIn("bea@brief.test", PASSWORD);
                ok(bea.send("POST", "/api/v1/courses/shortco/basics/enrollment", null));
                ok(bea.send("PUT", "/api/v1/courses/shortco/basics/lessons/one/completion", null));
                bea.awaitJson("/api/v1/me/certifications", c -> c.path("items").size() == 1, WAIT);

                await(() -> received(mail, "bea@brief.test").size() == 1 && received(mail, "otto@brief.test").size() == 1);
                assertThat(received(mail, "bea@brief.test").get(0)).startsWith("Your Brief Certificate certification expires on");
                assertThat(received(mail, "otto@brief.test").get(0)).isEqualTo("A certification in your organisation expires soon");
                Thread.sleep(3000); // three more rounds
                assertThat(received(mail, "bea@brief.test")).as("the 30-day reminder once; the 60-day one not at all").hasSize(1);
            } finally {
                host.stop();
            }

            Host again = Host.start(options(port));
            try {
                new Http(again.url()).awaitJson("/api/v1/courses", c -> Http.courseIds(c).contains("shortco/basics"), WAIT);
                Thread.sleep(4000); // rounds of the restarted host
                assertThat(received(mail, "bea@brief.test")).as("not again after the restart").hasSize(1);
                assertThat(received(mail, "otto@brief.test")).hasSize(1);
            } finally {
                again.stop();
            }
        } finally {
            mail.stop();
        }
    }
}
