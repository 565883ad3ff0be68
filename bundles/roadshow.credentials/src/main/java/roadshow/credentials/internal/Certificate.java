package roadshow.credentials.internal;

import roadshow.certification.api.Certification;

/**
 * What a certificate and a credential state about a certification: the certification with
 * its holder's and its vendor's names, as they are now.
 */
record Certificate(Certification certification, String holderName, String vendorName) {

    /** A download's file name: the track it certifies, then {@code suffix}; only safe characters. */
    String fileName(String suffix) {
        return (certification.track() + "-" + suffix).replaceAll("[^A-Za-z0-9._-]", "-");
    }
}
