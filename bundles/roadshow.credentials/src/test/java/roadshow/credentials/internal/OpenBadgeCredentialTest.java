package roadshow.credentials.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static roadshow.credentials.internal.SampleCertifications.CODE;
import static roadshow.credentials.internal.SampleCertifications.EXPIRES;
import static roadshow.credentials.internal.SampleCertifications.HOLDER_ID;
import static roadshow.credentials.internal.SampleCertifications.ISSUED;
import static roadshow.credentials.internal.SampleCertifications.ISSUER;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import org.jose4j.jwa.AlgorithmConstraints;
import org.jose4j.jwk.JsonWebKeySet;
import org.jose4j.jwk.PublicJsonWebKey;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.json.JsonUtil;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.NumericDate;
import org.jose4j.jwt.consumer.ErrorCodes;
import org.jose4j.jwt.consumer.InvalidJwtException;
import org.jose4j.jwt.consumer.JwtConsumer;
import org.jose4j.jwt.consumer.JwtConsumerBuilder;
import org.jose4j.keys.resolvers.JwksVerificationKeyResolver;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;

import roadshow.certification.api.Certification.Status;

/**
 * The signed credential, checked the way an outside verifier would: with jose4j, not the
 * library that signed it, against the key set the issuer publishes.
 */
class OpenBadgeCredentialTest {

    private static final Instant DURING = ISSUED.plus(Duration.ofDays(30));
    private static SigningKey key;

    @BeforeAll
    static void makeKey() throws Exception {
        key = SigningKey.of(new RSAKeyGenerator(3072).generate());
    }

    private static String signed(Status status, Instant expiresAt) {
        return OpenBadgeCredential.sign(SampleCertifications.certificate(SampleCertifications.certification(status, expiresAt, null, null),
                "Ann Example"), ISSUER, key);
    }

    /** A verifier that knows only what the issuer publishes at /.well-known/jwks.json, checking at {@code at}. */
    private static JwtConsumer verifier(Instant at) throws Exception {
        JsonWebKeySet published = new JsonWebKeySet(IssuerDocuments.keySet(ISSUER, key));
        return new JwtConsumerBuilder()
                .setVerificationKeyResolver(new JwksVerificationKeyResolver(published.getJsonWebKeys()))
                .setJwsAlgorithmConstraints(AlgorithmConstraints.ConstraintType.PERMIT, AlgorithmIdentifiers.RSA_USING_SHA256)
                .setExpectedIssuer(ISSUER.id())
                .setRequireNotBefore()
                .setRequireSubject()
                .setRequireJwtId()
                .setEvaluationTime(NumericDate.fromMilliseconds(at.toEpochMilli()))
                .build();
    }

    private static Map<String, Object> json(String base64url) throws Exception {
        return JsonUtil.parseJson(new String(Base64.getUrlDecoder().decode(base64url), StandardCharsets.UTF_8));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> object(Object value) {
        return (Map<String, Object>) value;
    }

    @Test
    void theCredentialVerifiesAgainstThePublishedKeySetWithAnotherLibrary() throws Exception {
        JwtClaims claims = verifier(DURING).processToClaims(signed(Status.CURRENT, EXPIRES));

        assertThat(claims.getIssuer()).isEqualTo("https://academy.example.com/issuer");
        assertThat(claims.getSubject()).isEqualTo("urn:uuid:" + HOLDER_ID);
        assertThat(claims.getJwtId()).isEqualTo("https://academy.example.com/certificates/" + CODE);
    }

    @Test
    void oneByteChangedInThePayloadFailsVerification() throws Exception {
        String[] parts = signed(Status.CURRENT, EXPIRES).split("\\.");
        byte[] payload = Base64.getUrlDecoder().decode(parts[1]);
        int at = new String(payload, StandardCharsets.US_ASCII).indexOf("Ann Example");
        payload[at] = 'B';
        String tampered = parts[0] + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(payload) + "." + parts[2];

        assertThat(json(tampered.split("\\.")[1]).toString()).as("still well-formed JSON").contains("Bnn Example");
        assertThatThrownBy(() -> verifier(DURING).processToClaims(tampered)).isInstanceOf(InvalidJwtException.class)
                .satisfies(e -> assertThat(((InvalidJwtException) e).hasErrorCode(ErrorCodes.SIGNATURE_INVALID)).isTrue());
    }

    @Test
    void oneByteChangedInTheSignatureFailsVerification() throws Exception {
        String[] parts = signed(Status.CURRENT, EXPIRES).split("\\.");
        byte[] signature = Base64.getUrlDecoder().decode(parts[2]);
        signature[signature.length / 2] ^= 0x01;
        String tampered = parts[0] + "." + parts[1] + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(signature);

        assertThatThrownBy(() -> verifier(DURING).processToClaims(tampered)).isInstanceOf(InvalidJwtException.class)
                .satisfies(e -> assertThat(((InvalidJwtException) e).hasErrorCode(ErrorCodes.SIGNATURE_INVALID)).isTrue());
    }

    @Test
    void theHeaderHasOnlyAlgKidAndTypAndTheKidIsThePublishedKeys() throws Exception {
        Map<String, Object> header = json(signed(Status.CURRENT, EXPIRES).split("\\.")[0]);

        assertThat(header).containsOnlyKeys("alg", "kid", "typ").containsEntry("alg", "RS256").containsEntry("typ", "JWT")
                .containsEntry("kid", "https://academy.example.com/issuer#" + key.thumbprint());
        Map<String, Object> keySet = JsonUtil.parseJson(IssuerDocuments.keySet(ISSUER, key));
        List<?> keys = (List<?>) keySet.get("keys");
        assertThat(keys).hasSize(1);
        assertThat(object(keys.get(0))).containsEntry("kid", header.get("kid")).containsEntry("kty", "RSA")
                .containsEntry("alg", "RS256").containsEntry("use", "sig").doesNotContainKeys("d", "p", "q", "dp", "dq", "qi");
    }

    @Test
    void theCredentialHasTheFieldsOpenBadges3Requires() throws Exception {
        Map<String, Object> payload = json(signed(Status.CURRENT, EXPIRES).split("\\.")[1]);

        assertThat(payload.get("@context")).isEqualTo(List.of("https://www.w3.org/ns/credentials/v2",
                "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json"));
        assertThat(payload.get("id")).isEqualTo("https://academy.example.com/certificates/" + CODE);
        assertThat(payload.get("type")).isEqualTo(List.of("VerifiableCredential", "OpenBadgeCredential"));
        assertThat(payload.get("name")).isEqualTo("Cloud Sales Specialist");
        assertThat(object(payload.get("issuer"))).containsEntry("id", "https://academy.example.com/issuer")
                .containsEntry("type", List.of("Profile")).containsEntry("name", "Acme Partner Academy")
                .containsEntry("url", "https://academy.example.com");
        // whole seconds, equal to the JWT's nbf and exp as the spec requires
        assertThat(payload.get("validFrom")).isEqualTo("2026-03-02T09:15:42Z");
        assertThat(payload.get("validUntil")).isEqualTo("2027-03-02T09:15:42Z");
        assertThat(((Number) payload.get("nbf")).longValue()).isEqualTo(Instant.parse("2026-03-02T09:15:42Z").getEpochSecond());
        assertThat(((Number) payload.get("exp")).longValue()).isEqualTo(Instant.parse("2027-03-02T09:15:42Z").getEpochSecond());
        assertThat(payload.get("iss")).isEqualTo(object(payload.get("issuer")).get("id"));
        assertThat(payload.get("jti")).isEqualTo(payload.get("id"));

        Map<String, Object> subject = object(payload.get("credentialSubject"));
        assertThat(subject).containsEntry("id", "urn:uuid:" + HOLDER_ID).containsEntry("type", List.of("AchievementSubject"));
        assertThat(payload.get("sub")).isEqualTo(subject.get("id"));
        assertThat((List<?>) subject.get("identifier")).singleElement().isEqualTo(Map.of("type", "IdentityObject",
                "identityType", "name", "hashed", false, "identityHash", "Ann Example"));
        Map<String, Object> achievement = object(subject.get("achievement"));
        assertThat(achievement).containsEntry("id", "https://academy.example.com/tracks/acme/cloud-sales-specialist")
                .containsEntry("type", List.of("Achievement")).containsEntry("achievementType", "Certification")
                .containsEntry("name", "Cloud Sales Specialist").containsEntry("version", "1.2.0");
        assertThat((String) achievement.get("description")).contains("Acme Cloud", "Cloud Sales Specialist");
        assertThat((String) object(achievement.get("criteria")).get("narrative")).isNotBlank();
    }

    @Test
    void aCertificationWithoutExpiryGivesACredentialWithout() throws Exception {
        String jwt = signed(Status.CURRENT, null);

        Map<String, Object> payload = json(jwt.split("\\.")[1]);
        assertThat(payload).doesNotContainKeys("exp", "validUntil");
        assertThat(verifier(ISSUED.plus(Duration.ofDays(365 * 50))).processToClaims(jwt).getExpirationTime()).isNull();
    }

    @Test
    void anExpiredCertificationsCredentialCarriesItsExpiryAndVerifiersSeeItExpired() throws Exception {
        String jwt = signed(Status.EXPIRED, EXPIRES);

        assertThat(verifier(DURING).processToClaims(jwt).getExpirationTime().getValue())
                .isEqualTo(Instant.parse("2027-03-02T09:15:42Z").getEpochSecond());
        assertThatThrownBy(() -> verifier(EXPIRES.plus(Duration.ofDays(1))).processToClaims(jwt)).isInstanceOf(InvalidJwtException.class)
                .satisfies(e -> assertThat(((InvalidJwtException) e).hasErrorCode(ErrorCodes.EXPIRED)).isTrue());
    }

    @Test
    void theIssuerProfileNamesTheKeyByTheKidAndItsKeyVerifiesTheCredential() throws Exception {
        String jwt = signed(Status.CURRENT, EXPIRES);
        String kid = (String) json(jwt.split("\\.")[0]).get("kid");

        Map<String, Object> profile = IssuerDocuments.profile(ISSUER, key);
        assertThat(profile).containsEntry("id", "https://academy.example.com/issuer").containsEntry("type", List.of("Profile"))
                .containsEntry("name", "Acme Partner Academy").containsEntry("assertionMethod", List.of(kid));
        Map<String, Object> method = object(((List<?>) profile.get("verificationMethod")).get(0));
        assertThat(method).containsEntry("id", kid).containsEntry("type", "JsonWebKey")
                .containsEntry("controller", "https://academy.example.com/issuer");
        assertThat(object(method.get("publicKeyJwk"))).doesNotContainKey("d");

        JsonWebSignature signature = new JsonWebSignature();
        signature.setAlgorithmConstraints(new AlgorithmConstraints(AlgorithmConstraints.ConstraintType.PERMIT,
                AlgorithmIdentifiers.RSA_USING_SHA256));
        signature.setCompactSerialization(jwt);
        signature.setKey(PublicJsonWebKey.Factory.newPublicJwk(object(method.get("publicKeyJwk"))).getPublicKey());
        assertThat(signature.verifySignature()).isTrue();
    }
}
