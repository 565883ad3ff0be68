package roadshow.credentials.internal;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

import roadshow.certification.api.Certification;

/**
 * A certification as an Open Badges 3.0 {@code OpenBadgeCredential}, a W3C Verifiable
 * Credential (data model 2.0), signed in the spec's JSON Web Token proof format (VC-JWT,
 * OB 3.0 section 8.2): the JWT payload is the credential itself with the claims {@code iss}
 * (its {@code issuer.id}), {@code sub} ({@code credentialSubject.id}), {@code jti} ({@code id}),
 * {@code nbf} ({@code validFrom}) and, when it expires, {@code exp} ({@code validUntil});
 * the header carries only {@code alg}, {@code kid} (a URL in the issuer's profile, listed
 * in its JWK Set too) and {@code typ: JWT}, as the spec allows no others.
 */
final class OpenBadgeCredential {

    static final String VC_CONTEXT = "https://www.w3.org/ns/credentials/v2";
    static final String OB_CONTEXT = "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json";

    private OpenBadgeCredential() {
    }

    /** The signed credential, as a compact JWS. */
    static String sign(Certificate certificate, Issuer issuer, SigningKey key) {
        Map<String, Object> credential = credential(certificate, issuer);
        JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder();
        credential.forEach(claims::claim);
        Certification certification = certificate.certification();
        claims.issuer(issuer.id())
                .subject(subjectId(certification))
                .jwtID((String) credential.get("id"))
                .notBeforeTime(Date.from(seconds(certification.issuedAt())));
        if (certification.expiresAt() != null) {
            claims.expirationTime(Date.from(seconds(certification.expiresAt())));
        }
        JWSHeader header = new JWSHeader.Builder(SigningKey.ALGORITHM).keyID(issuer.keyId(key.thumbprint()))
                .type(JOSEObjectType.JWT).build();
        SignedJWT jwt = new SignedJWT(header, claims.build());
        try {
            jwt.sign(key.signer());
        } catch (JOSEException e) {
            throw new IllegalStateException("The credential could not be signed: " + e.getMessage(), e);
        }
        return jwt.serialize();
    }

    /** The credential as a JSON object, unsigned. */
    static Map<String, Object> credential(Certificate certificate, Issuer issuer) {
        Certification certification = certificate.certification();
        Map<String, Object> credential = new LinkedHashMap<>();
        credential.put("@context", List.of(VC_CONTEXT, OB_CONTEXT));
        // its verification page: whoever holds the credential can look there whether it still holds
        credential.put("id", issuer.verificationUrl(certification.code()));
        credential.put("type", List.of("VerifiableCredential", "OpenBadgeCredential"));
        credential.put("issuer", profile(issuer));
        // JWT dates are whole seconds, and the spec wants nbf and validFrom (exp and validUntil) equal
        credential.put("validFrom", seconds(certification.issuedAt()).toString());
        if (certification.expiresAt() != null) {
            credential.put("validUntil", seconds(certification.expiresAt()).toString());
        }
        credential.put("name", certification.trackTitle());
        credential.put("credentialSubject", subject(certificate, issuer));
        return credential;
    }

    /** The issuer as the credential names it; the profile at its id says more, with its keys. */
    static Map<String, Object> profile(Issuer issuer) {
        Map<String, Object> profile = new LinkedHashMap<>();
        profile.put("id", issuer.id());
        profile.put("type", List.of("Profile"));
        profile.put("name", issuer.name());
        profile.put("url", issuer.url());
        return profile;
    }

    private static Map<String, Object> subject(Certificate certificate, Issuer issuer) {
        Certification certification = certificate.certification();
        Map<String, Object> subject = new LinkedHashMap<>();
        subject.put("id", subjectId(certification));
        subject.put("type", List.of("AchievementSubject"));
        // OB 3.0 names a recipient through identifiers; the name is on the public verification page already
        subject.put("identifier", List.of(Map.of("type", "IdentityObject", "identityType", "name", "hashed", false,
                "identityHash", certificate.holderName())));
        Map<String, Object> achievement = new LinkedHashMap<>();
        achievement.put("id", issuer.url() + "/tracks/" + certification.track());
        achievement.put("type", List.of("Achievement"));
        achievement.put("achievementType", "Certification");
        achievement.put("name", certification.trackTitle());
        achievement.put("description", "The " + certificate.vendorName() + " certification " + certification.trackTitle()
                + ", earned on " + issuer.name() + " by meeting every requirement of the track.");
        achievement.put("criteria", Map.of("narrative", "Complete every course the " + certification.trackTitle()
                + " track requires, as many of its elective courses as it asks for, and its final exam, if it has one, passed last."));
        achievement.put("version", certification.trackVersion());
        subject.put("achievement", achievement);
        return subject;
    }

    /** The holder, by their account's id: a UUID, so a URI without saying more about them. */
    private static String subjectId(Certification certification) {
        return "urn:uuid:" + UUID.fromString(certification.personId());
    }

    private static Instant seconds(Instant instant) {
        return instant.truncatedTo(ChronoUnit.SECONDS);
    }
}
