package roadshow.credentials.internal;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;

/**
 * The issuer's key pair with what signing needs of it.
 *
 * @param pair       the key pair, private half included
 * @param thumbprint its RFC 7638 SHA-256 thumbprint, the stable part of its key id
 * @param signer     signs with it; thread-safe
 */
record SigningKey(RSAKey pair, String thumbprint, JWSSigner signer) {

    /**
     * RS256: the one JWT algorithm the Open Badges 3.0 conformance suite takes and every OB 3.0
     * verifier supports (the spec: "MUST be RS256 as a minimum"); ES256 or EdDSA would limit who can verify.
     */
    static final JWSAlgorithm ALGORITHM = JWSAlgorithm.RS256;

    static SigningKey of(RSAKey pair) {
        try {
            return new SigningKey(pair, pair.computeThumbprint().toString(), new RSASSASigner(pair));
        } catch (JOSEException e) {
            throw new IllegalStateException("The stored signing key cannot be used: " + e.getMessage(), e);
        }
    }

    /** The public half as the issuer publishes it, under the id its credentials name it by. */
    RSAKey published(Issuer issuer) {
        return new RSAKey.Builder(pair.toPublicJWK()).keyID(issuer.keyId(thumbprint)).keyUse(KeyUse.SIGNATURE)
                .algorithm(ALGORITHM).build();
    }
}
