package roadshow.credentials.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.servlet.whiteboard.propertytypes.HttpWhiteboardFilterPattern;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import roadshow.certification.api.Certification;
import roadshow.certification.api.Certifications;
import roadshow.identity.api.People;
import roadshow.identity.api.Vendor;
import roadshow.identity.api.Vendors;
import roadshow.web.api.Problem;
import roadshow.web.api.RequestPath;

/**
 * The two downloads of a certification, for anyone who has its code:
 * {@code GET /certificates/{code}/certificate.pdf}, the printable certificate, and
 * {@code GET /certificates/{code}/credential.jwt}, its signed Open Badges 3.0 credential.
 * A revoked or expired certificate still downloads and says so; a revoked certification
 * gets no credential (410). Both may change when the certification does (renewed, revoked,
 * a name changed), so caches revalidate them by ETag. A filter rather than a servlet: the
 * certification bundle owns {@code /certificates/*} and answers everything else there.
 */
@Designate(ocd = CredentialsConfiguration.class)
@Component(service = Filter.class, configurationPid = CredentialsConfiguration.PID)
@HttpWhiteboardFilterPattern("/certificates/*")
public class CertificateDownloads implements Filter {

    private static final String CERTIFICATE = "certificate.pdf";
    private static final String CREDENTIAL = "credential.jwt";
    private static final String PREFIX = "/certificates/";

    private final Certifications certifications;
    private final People people;
    private final Vendors vendors;
    private final IssuerKeys keys;
    private final CertificatePdf pdf = new CertificatePdf();
    private final String publicUrl;
    /** This bundle's build, in every ETag: a new layout or credential shape must not be taken for the one cached. */
    private final String release;
    private volatile CredentialsConfiguration config;

    @Activate
    public CertificateDownloads(@Reference Certifications certifications, @Reference People people, @Reference Vendors vendors,
            @Reference IssuerKeys keys, BundleContext context, CredentialsConfiguration config) {
        this.certifications = certifications;
        this.people = people;
        this.vendors = vendors;
        this.keys = keys;
        this.publicUrl = context.getProperty(Issuer.PUBLIC_URL);
        Bundle bundle = context.getBundle();
        this.release = bundle.getVersion() + "@" + bundle.getLastModified();
        this.config = config;
    }

    @Modified
    void configure(CredentialsConfiguration config) {
        this.config = config;
    }

    @Override
    public void doFilter(ServletRequest servletRequest, ServletResponse servletResponse, FilterChain chain)
            throws IOException, ServletException {
        HttpServletRequest request = (HttpServletRequest) servletRequest;
        HttpServletResponse response = (HttpServletResponse) servletResponse;
        String path = RequestPath.of(request);
        List<String> parts = path.startsWith(PREFIX) ? List.of(path.substring(PREFIX.length()).split("/", -1)) : List.of();
        boolean read = "GET".equals(request.getMethod()) || "HEAD".equals(request.getMethod());
        if (!read || parts.size() != 2 || parts.get(0).isEmpty() || !List.of(CERTIFICATE, CREDENTIAL).contains(parts.get(1))) {
            chain.doFilter(request, response);
            return;
        }
        Optional<Certificate> found = certificate(parts.get(0));
        if (found.isEmpty()) {
            Problem.notFound("There is no certificate with this code.").send(response);
            return;
        }
        Certificate certificate = found.get();
        Issuer issuer = Issuer.of(config.issuer_name(), publicUrl, request);
        if (parts.get(1).equals(CREDENTIAL)) {
            credential(request, response, certificate, issuer);
        } else {
            String tag = entityTag(CERTIFICATE, certificate, issuer, "");
            if (!unchanged(request, response, tag)) {
                send(request, response, "application/pdf", certificate.fileName(CERTIFICATE), pdf.render(certificate, issuer));
            }
        }
    }

    private void credential(HttpServletRequest request, HttpServletResponse response, Certificate certificate, Issuer issuer)
            throws IOException {
        Certification certification = certificate.certification();
        // wallets and verifiers on other sites fetch it too; it is public, and no cookie is needed or sent
        response.setHeader("Access-Control-Allow-Origin", "*");
        if (certification.status() == Certification.Status.REVOKED) {
            response.setHeader("Cache-Control", "no-cache");
            String when = certification.revokedAt() == null ? "" : " on " + CertificatePdf.date(certification.revokedAt());
            Problem.of(HttpServletResponse.SC_GONE, "Gone", "This certification was revoked" + when
                    + ", so it has no credential. Its verification page says so: " + issuer.verificationUrl(certification.code()))
                    .send(response);
            return;
        }
        SigningKey key = keys.signingKey();
        String tag = entityTag(CREDENTIAL, certificate, issuer, key.thumbprint());
        if (!unchanged(request, response, tag)) {
            // OB 3.0 serves a VC-JWT as text/plain
            send(request, response, "text/plain;charset=US-ASCII", certificate.fileName(CREDENTIAL),
                    OpenBadgeCredential.sign(certificate, issuer, key).getBytes(StandardCharsets.US_ASCII));
        }
    }

    private Optional<Certificate> certificate(String code) {
        return certifications.byCode(code).flatMap(certification -> people.find(certification.personId())
                .map(holder -> new Certificate(certification, holder.name(), vendorName(certification.vendor()))));
    }

    private String vendorName(String vendor) {
        return vendors.find(vendor).map(Vendor::name).orElse(vendor);
    }

    /** A weak tag of everything the download is made from, so that a tag matches only while the download would not change. */
    private String entityTag(String download, Certificate certificate, Issuer issuer, String key) {
        String state = String.join("\n", release, download, issuer.toString(), certificate.toString(), key);
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(state.getBytes(StandardCharsets.UTF_8));
            return "W/\"" + Base64.getUrlEncoder().withoutPadding().encodeToString(Arrays.copyOf(digest, 18)) + "\"";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java has SHA-256", e);
        }
    }

    /** Sets the caching headers, and answers 304 when the client has this very version. */
    private static boolean unchanged(HttpServletRequest request, HttpServletResponse response, String tag) {
        response.setHeader("Cache-Control", "no-cache");
        response.setHeader("ETag", tag);
        String known = request.getHeader("If-None-Match");
        if (known == null) {
            return false;
        }
        String opaque = tag.substring(2);
        for (String candidate : known.split(",")) {
            String value = candidate.strip();
            if (value.equals("*") || (value.startsWith("W/") ? value.substring(2) : value).equals(opaque)) {
                response.setStatus(HttpServletResponse.SC_NOT_MODIFIED);
                return true;
            }
        }
        return false;
    }

    private static void send(HttpServletRequest request, HttpServletResponse response, String type, String file, byte[] body)
            throws IOException {
        response.setContentType(type);
        response.setHeader("Content-Disposition", "attachment; filename=\"" + file + "\"");
        response.setContentLength(body.length);
        if (!"HEAD".equals(request.getMethod())) {
            response.getOutputStream().write(body);
        }
    }
}
