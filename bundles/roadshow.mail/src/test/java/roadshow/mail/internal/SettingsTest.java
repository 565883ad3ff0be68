package roadshow.mail.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;

class SettingsTest {

    @Test
    void withoutAHostMailsGoToTheLog() {
        Settings settings = settings(Map.of());

        assertThat(settings.relay()).isInstanceOf(LogRelay.class);
        assertThat(settings.maxAttempts()).isEqualTo(8);
        assertThat(settings.poll()).isEqualTo(Duration.ofSeconds(30));
        assertThat(settings.keep()).isEqualTo(Duration.ofDays(30));
    }

    @Test
    void aHostMakesAnSmtpRelay() {
        Settings settings = settings(Map.of("host", " mail.example.com ", "port", 587, "security", "STARTTLS"));

        assertThat(settings.relay()).isInstanceOf(SmtpRelay.class).hasToString("mail.example.com:587 (starttls)");
    }

    @Test
    void starttlsIsRequiredNotJustTried() {
        SmtpRelay relay = (SmtpRelay) settings(Map.of("host", "mail.example.com", "port", 587, "security", "starttls",
                "username", "roadshow", ".password", "secret", "timeout.seconds", 7)).relay();

        assertThat(relay.properties()).containsEntry("mail.smtp.starttls.enable", "true")
                .containsEntry("mail.smtp.starttls.required", "true")
                .containsEntry("mail.smtp.ssl.checkserveridentity", "true")
                .containsEntry("mail.smtp.auth", "true")
                .containsEntry("mail.smtp.connectiontimeout", "7000")
                .containsEntry("mail.smtp.timeout", "7000")
                .containsEntry("mail.smtp.writetimeout", "7000")
                .doesNotContainValue("secret");
    }

    @Test
    void smtpsSpeaksTlsFromTheStart() {
        SmtpRelay relay = (SmtpRelay) settings(Map.of("host", "mail.example.com", "port", 465, "security", "smtps")).relay();

        assertThat(relay.properties()).containsEntry("mail.smtps.host", "mail.example.com")
                .containsEntry("mail.smtps.port", "465")
                .containsEntry("mail.smtps.ssl.checkserveridentity", "true")
                .containsEntry("mail.smtps.auth", "false");
    }

    @Test
    void aConfigurationThatCannotWorkIsRefusedSayingWhy() {
        assertThatThrownBy(() -> settings(Map.of("host", "mail.example.com", "security", "tls")))
                .hasMessageContaining("security must be none, starttls or smtps, not \"tls\"");
        assertThatThrownBy(() -> settings(Map.of("host", "mail.example.com", "from", "roadshow")))
                .hasMessageStartingWith("from is not a valid mail address");
        assertThatThrownBy(() -> settings(Map.of("host", "mail.example.com", "port", 0)))
                .hasMessageContaining("port must be between 1 and 65535");
        assertThatThrownBy(() -> settings(Map.of("max.attempts", 0))).hasMessageContaining("max.attempts must be at least 1");
    }

    @Test
    void thePauseBetweenAttemptsDoublesUpToAnHour() {
        Settings settings = settings(Map.of("retry.seconds", 60));

        assertThat(settings.retryAfter(1)).isEqualTo(Duration.ofMinutes(1));
        assertThat(settings.retryAfter(2)).isEqualTo(Duration.ofMinutes(2));
        assertThat(settings.retryAfter(3)).isEqualTo(Duration.ofMinutes(4));
        assertThat(settings.retryAfter(7)).isEqualTo(Duration.ofHours(1));
        assertThat(settings.retryAfter(1000)).isEqualTo(Duration.ofHours(1));
    }

    @Test
    void aClaimOutlastsAnAttemptsTimeouts() {
        assertThat(settings(Map.of()).lease()).isEqualTo(Duration.ofMinutes(10));
        assertThat(settings(Map.of("timeout.seconds", 120)).lease()).isEqualTo(Duration.ofMinutes(20));
    }

    private static Settings settings(Map<String, Object> properties) {
        return Settings.of(Configs.courier(properties), Clock.systemUTC());
    }
}
