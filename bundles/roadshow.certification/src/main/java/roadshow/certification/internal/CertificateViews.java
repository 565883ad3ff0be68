package roadshow.certification.internal;

import java.util.LinkedHashMap;
import java.util.Map;

import roadshow.certification.api.Certification;

/** How a certification is shown in the REST API: to its holder, and to anyone who has its code. */
final class CertificateViews {

    private CertificateViews() {
    }

    /** The verification page of a certification, by its code. */
    static String page(Certification certification) {
        return "/certificates/" + certification.code();
    }

    /** {@code GET /api/v1/me/certifications}: the contract's fields, and more. */
    static Map<String, Object> mine(Certification c) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("id", c.id());
        view.put("track", c.track());
        view.put("trackTitle", c.trackTitle());
        view.put("vendor", c.vendor());
        view.put("status", c.status());
        view.put("issuedAt", c.issuedAt());
        view.put("expiresAt", c.expiresAt());
        view.put("renewals", c.renewals());
        view.put("certificate", page(c));
        view.put("code", c.code());
        view.put("pdf", page(c) + "/certificate.pdf");
        view.put("credential", page(c) + "/credential.jwt");
        return view;
    }

    /** {@code GET /api/v1/certificates/{code}}: what anyone holding the code may know. */
    static Map<String, Object> verification(Certification c, String holder, String vendorName) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("code", c.code());
        view.put("holder", holder);
        view.put("track", c.track());
        view.put("trackTitle", c.trackTitle());
        view.put("vendor", c.vendor());
        view.put("vendorName", vendorName);
        view.put("issuedAt", c.issuedAt());
        view.put("expiresAt", c.expiresAt());
        view.put("status", c.status());
        view.put("renewals", c.renewals());
        if (c.revokedAt() != null) {
            view.put("revokedAt", c.revokedAt());
            view.put("revokedReason", c.revokedReason());
        }
        return view;
    }
}
