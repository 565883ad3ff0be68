package roadshow.credentials.internal;

import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.OptionsBuilder;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;

/**
 * How many certificates (the PDF, the signed credential, and both, as one holder downloading
 * the two) one node makes a second, on as many threads as the machine has cores, without the
 * database look-ups and HTTP around them. A benchmark, run by hand, never by the build:
 *
 * <pre>
 * mvn -q test-compile dependency:build-classpath -Dmdep.outputFile=target/cp.txt -Dmdep.includeScope=test \
 *     -f bundles/roadshow.credentials/pom.xml
 * cd bundles/roadshow.credentials
 * java -cp target/test-classes:target/classes:$(cat target/cp.txt) roadshow.credentials.internal.CertificateThroughput
 * </pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 4, time = 3)
@Measurement(iterations = 5, time = 3)
@Fork(2)
public class CertificateThroughput {

    private final CertificatePdf pdf = new CertificatePdf();
    private final Certificate certificate = SampleCertifications.certificate(SampleCertifications.current(), "Łukasz Dvořák-Öztürk");
    private SigningKey key;

    @Setup
    public void makeKey() throws JOSEException {
        key = SigningKey.of(new RSAKeyGenerator(3072).generate());
    }

    @Benchmark
    public byte[] certificatePdf() throws Exception {
        return pdf.render(certificate, SampleCertifications.ISSUER);
    }

    @Benchmark
    public String credentialJwt() {
        return OpenBadgeCredential.sign(certificate, SampleCertifications.ISSUER, key);
    }

    @Benchmark
    public int both() throws Exception {
        return pdf.render(certificate, SampleCertifications.ISSUER).length
                + OpenBadgeCredential.sign(certificate, SampleCertifications.ISSUER, key).length();
    }

    public static void main(String[] args) throws Exception {
        new Runner(new OptionsBuilder().include(CertificateThroughput.class.getName())
                .threads(Runtime.getRuntime().availableProcessors()).build()).run();
    }
}
