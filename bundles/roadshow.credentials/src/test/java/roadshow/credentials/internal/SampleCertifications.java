package roadshow.credentials.internal;

import java.time.Instant;

import roadshow.certification.api.Certification;
import roadshow.certification.api.Certification.Status;

/** SampleCertifications and an issuer as the tests need them. */
final class SampleCertifications {

    static final Instant ISSUED = Instant.parse("2026-03-02T09:15:42.123Z");
    static final Instant EXPIRES = Instant.parse("2027-03-02T09:15:42.123Z");
    static final String CODE = "k3VqT9xw2LmZpA7cYd1RbQ";
    static final String HOLDER_ID = "5f0c6a5e-8a1c-4c53-9a52-1f2d3e4a5b6c";
    static final Issuer ISSUER = new Issuer("Acme Partner Academy", "https://academy.example.com");

    private SampleCertifications() {
    }

    static Certification current() {
        return certification(Status.CURRENT, EXPIRES, null, null);
    }

    static Certification certification(Status status, Instant expiresAt, Instant revokedAt, String revokedReason) {
        return new Certification("c-1", CODE, HOLDER_ID, "acme/cloud-sales-specialist", "acme", "Cloud Sales Specialist", "1.2.0",
                ISSUED, expiresAt, 0, revokedAt, revokedReason, status);
    }

    static Certificate certificate(Certification certification, String holderName) {
        return new Certificate(certification, holderName, "Acme Cloud");
    }
}
