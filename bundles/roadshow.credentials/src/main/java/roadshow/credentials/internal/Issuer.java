package roadshow.credentials.internal;

import jakarta.servlet.http.HttpServletRequest;

/**
 * Who issues the credentials: the platform, by its name and the address people reach it at.
 * Every URL a certificate or credential carries starts with {@code url}.
 *
 * @param name what the issuer is called on certificates and in its profile
 * @param url  the site's public address, without a trailing slash
 */
record Issuer(String name, String url) {

    /** The framework property holding the site's public address, as the launcher's {@code --public-url} sets it. */
    static final String PUBLIC_URL = "roadshow.public.url";

    /**
     * The issuer for a request: the configured public address, or without one the address
     * the request came to (which its Host header decides, so production sets the property).
     */
    static Issuer of(String name, String configuredUrl, HttpServletRequest request) {
        return of(name, configuredUrl, request.getScheme(), request.getServerName(), request.getServerPort());
    }

    static Issuer of(String name, String configuredUrl, String scheme, String host, int port) {
        if (configuredUrl != null && !configuredUrl.isBlank()) {
            String url = configuredUrl.strip();
            return new Issuer(name, url.endsWith("/") ? url.substring(0, url.length() - 1) : url);
        }
        boolean defaultPort = port <= 0 || "http".equals(scheme) && port == 80 || "https".equals(scheme) && port == 443;
        String bracketed = host.indexOf(':') >= 0 && !host.startsWith("[") ? "[" + host + "]" : host;
        return new Issuer(name, scheme + "://" + bracketed + (defaultPort ? "" : ":" + port));
    }

    /** The issuer's id in its credentials: the URL of its Open Badges profile, which verifiers fetch. */
    String id() {
        return url + IssuerDocuments.PROFILE;
    }

    /**
     * The id of a signing key: its place in the issuer's profile, by its RFC 7638 thumbprint.
     * Credentials name their key by it, and the key set at /.well-known/jwks.json lists the key under it too.
     */
    String keyId(String thumbprint) {
        return id() + "#" + thumbprint;
    }

    /** The public page that tells whether a certification holds; also the credential's id. */
    String verificationUrl(String code) {
        return url + "/certificates/" + code;
    }
}
