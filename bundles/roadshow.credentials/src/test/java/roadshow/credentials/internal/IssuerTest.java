package roadshow.credentials.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class IssuerTest {

    @Test
    void theConfiguredPublicUrlWinsOverTheRequest() {
        Issuer issuer = Issuer.of("Roadshow", "https://learn.example.com/ ", "http", "evil.example", 8080);
        assertThat(issuer.url()).isEqualTo("https://learn.example.com");
        assertThat(issuer.id()).isEqualTo("https://learn.example.com/issuer");
        assertThat(issuer.verificationUrl("abc")).isEqualTo("https://learn.example.com/certificates/abc");
        assertThat(issuer.keyId("thumb")).isEqualTo("https://learn.example.com/issuer#thumb");
    }

    @Test
    void withoutOneTheRequestsSchemeHostAndPortAreUsed() {
        assertThat(Issuer.of("Roadshow", null, "http", "localhost", 8080).url()).isEqualTo("http://localhost:8080");
        assertThat(Issuer.of("Roadshow", "", "https", "learn.example.com", 443).url()).isEqualTo("https://learn.example.com");
        assertThat(Issuer.of("Roadshow", " ", "http", "learn.example.com", 80).url()).isEqualTo("http://learn.example.com");
        assertThat(Issuer.of("Roadshow", null, "http", "::1", 8080).url()).isEqualTo("http://[::1]:8080");
        assertThat(Issuer.of("Roadshow", null, "http", "[::1]", 8080).url()).isEqualTo("http://[::1]:8080");
    }
}
