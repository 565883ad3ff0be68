package roadshow.credentials.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.servlet.whiteboard.propertytypes.HttpWhiteboardServletPattern;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;

import jakarta.servlet.Servlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import roadshow.web.api.Json;

/**
 * What a verifier needs to check a credential without asking anyone: {@code GET /issuer},
 * the issuer's Open Badges profile (the credentials' {@code issuer.id}, which OB 3.0 expects
 * to resolve), with its public key as a verification method whose id is the {@code kid}
 * credentials carry; and {@code GET /.well-known/jwks.json}, the same key as a JWK Set
 * (RFC 7517) under the same {@code kid}, for JOSE libraries.
 */
@Component(service = Servlet.class, configurationPid = CredentialsConfiguration.PID)
@HttpWhiteboardServletPattern({IssuerDocuments.PROFILE, IssuerDocuments.KEY_SET})
public class IssuerDocuments extends HttpServlet {

    static final String PROFILE = "/issuer";
    static final String KEY_SET = "/.well-known/jwks.json";
    /** Controlled Identifiers 1.0: the vocabulary of verificationMethod, JsonWebKey and publicKeyJwk. */
    static final String CID_CONTEXT = "https://www.w3.org/ns/cid/v1";
    private static final long serialVersionUID = 1L;

    private final transient IssuerKeys keys;
    private final String publicUrl;
    private transient volatile CredentialsConfiguration config;

    @Activate
    public IssuerDocuments(@Reference IssuerKeys keys, BundleContext context, CredentialsConfiguration config) {
        this.keys = keys;
        this.publicUrl = context.getProperty(Issuer.PUBLIC_URL);
        this.config = config;
    }

    @Modified
    void configure(CredentialsConfiguration config) {
        this.config = config;
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Issuer issuer = Issuer.of(config.issuer_name(), publicUrl, request);
        SigningKey key = keys.signingKey();
        // public documents, read by verifiers on other sites; a changed name or key shows within minutes
        response.setHeader("Cache-Control", "public, max-age=300");
        response.setHeader("Access-Control-Allow-Origin", "*");
        response.setCharacterEncoding("UTF-8");
        if (KEY_SET.equals(request.getServletPath())) {
            response.setContentType("application/jwk-set+json");
            response.getOutputStream().write(keySet(issuer, key).getBytes(StandardCharsets.UTF_8));
        } else {
            response.setContentType("application/ld+json");
            Json.MAPPER.writeValue(response.getOutputStream(), profile(issuer, key));
        }
    }

    /** The issuer's public keys as a JWK Set. */
    static String keySet(Issuer issuer, SigningKey key) {
        return new JWKSet(key.published(issuer)).toString(true);
    }

    /** The issuer's profile: who it is, and the key its credentials are signed with. */
    static Map<String, Object> profile(Issuer issuer, SigningKey key) {
        RSAKey published = key.published(issuer);
        Map<String, Object> profile = new LinkedHashMap<>();
        profile.put("@context", List.of(OpenBadgeCredential.VC_CONTEXT, OpenBadgeCredential.OB_CONTEXT, CID_CONTEXT));
        profile.putAll(OpenBadgeCredential.profile(issuer));
        Map<String, Object> method = new LinkedHashMap<>();
        method.put("id", published.getKeyID());
        method.put("type", "JsonWebKey");
        method.put("controller", issuer.id());
        method.put("publicKeyJwk", published.toJSONObject());
        profile.put("verificationMethod", List.of(method));
        profile.put("assertionMethod", List.of(published.getKeyID()));
        return profile;
    }
}
