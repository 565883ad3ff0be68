package roadshow.credentials.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;
import static roadshow.credentials.internal.SampleCertifications.CODE;
import static roadshow.credentials.internal.SampleCertifications.EXPIRES;
import static roadshow.credentials.internal.SampleCertifications.ISSUER;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.MultiFormatReader;
import com.google.zxing.NotFoundException;
import com.google.zxing.RGBLuminanceSource;
import com.google.zxing.Result;
import com.google.zxing.common.HybridBinarizer;

import roadshow.certification.api.Certification.Status;

class CertificatePdfTest {

    private final CertificatePdf pdf = new CertificatePdf();

    private byte[] render(Certificate certificate) throws IOException {
        return pdf.render(certificate, ISSUER);
    }

    private static String text(byte[] bytes) throws IOException {
        try (PDDocument document = Loader.loadPDF(bytes)) {
            return new PDFTextStripper().getText(document);
        }
    }

    @Test
    void theCertificateIsOneLandscapeA4PageNamingHolderTrackVendorDatesAndCode() throws IOException {
        byte[] bytes = render(SampleCertifications.certificate(SampleCertifications.current(), "Ann Example"));

        try (PDDocument document = Loader.loadPDF(bytes)) {
            assertThat(document.getNumberOfPages()).isEqualTo(1);
            PDPage page = document.getPage(0);
            assertThat(page.getMediaBox().getWidth()).isCloseTo(841.89f, offset(0.5f));
            assertThat(page.getMediaBox().getHeight()).isCloseTo(595.28f, offset(0.5f));
            assertThat(document.getDocumentInformation().getTitle()).isEqualTo("Certificate: Cloud Sales Specialist, Ann Example");
        }
        String text = text(bytes);
        assertThat(text).contains("Ann Example", "Cloud Sales Specialist", "from Acme Cloud", "ACME PARTNER ACADEMY",
                "2 March 2026", "2 March 2027", "Current", CODE, "https://academy.example.com/certificates/" + CODE);
        assertThat(text).doesNotContain("REVOKED", "EXPIRED");
    }

    @Test
    void itsQrCodeDecodesToTheVerificationUrl() throws Exception {
        byte[] bytes = render(SampleCertifications.certificate(SampleCertifications.current(), "Ann Example"));

        BufferedImage image;
        try (PDDocument document = Loader.loadPDF(bytes)) {
            image = new PDFRenderer(document).renderImageWithDPI(0, 150, ImageType.RGB);
        }
        assertThat(decodeQrCode(image).getText()).isEqualTo("https://academy.example.com/certificates/" + CODE);
    }

    static Result decodeQrCode(BufferedImage image) throws NotFoundException {
        int[] pixels = image.getRGB(0, 0, image.getWidth(), image.getHeight(), null, 0, image.getWidth());
        BinaryBitmap bitmap = new BinaryBitmap(new HybridBinarizer(new RGBLuminanceSource(image.getWidth(), image.getHeight(), pixels)));
        MultiFormatReader reader = new MultiFormatReader();
        reader.setHints(Map.of(DecodeHintType.POSSIBLE_FORMATS, List.of(BarcodeFormat.QR_CODE), DecodeHintType.TRY_HARDER,
                Boolean.TRUE));
        return reader.decode(bitmap);
    }

    @Test
    void aRevokedCertificateStillDownloadsAndSaysPlainlyItIsNotValid() throws IOException {
        String text = text(render(SampleCertifications.certificate(SampleCertifications.certification(Status.REVOKED, EXPIRES,
                Instant.parse("2026-06-10T12:00:00Z"), "Exam taken by someone else"), "Ann Example")));

        assertThat(text).contains("REVOKED on 10 June 2026: this certification is no longer valid.",
                "Reason: Exam taken by someone else", "Revoked", "Ann Example", "Cloud Sales Specialist");
    }

    @Test
    void anExpiredCertificateSaysItIsNoLongerCurrent() throws IOException {
        String text = text(render(SampleCertifications.certificate(SampleCertifications.certification(Status.EXPIRED, EXPIRES, null, null),
                "Ann Example")));

        assertThat(text).contains("EXPIRED on 2 March 2027: this certification is no longer current.", "Expired");
        assertThat(text).doesNotContain("Valid until");
    }

    @Test
    void aCertificationWithoutExpiryDoesNotExpire() throws IOException {
        String text = text(render(SampleCertifications.certificate(SampleCertifications.certification(Status.CURRENT, null, null, null),
                "Ann Example")));

        assertThat(text).contains("Does not expire");
    }

    @Test
    void namesBeyondWesternEuropeanLettersPrintAsWritten() throws IOException {
        String text = text(render(SampleCertifications.certificate(SampleCertifications.current(), "Łukasz Dvořák-Öztürk Иван Σωκράτης")));

        assertThat(text).contains("Łukasz Dvořák-Öztürk Иван Σωκράτης");
    }

    @Test
    void aCharacterTheFontLacksIsAQuestionMarkNotAFailure() throws IOException {
        String text = text(render(SampleCertifications.certificate(SampleCertifications.current(), "Ann 山田\nExample")));

        assertThat(text).contains("Ann ?? Example");
    }

    @Test
    void aVeryLongNameIsShrunkAndCutToFitThePage() throws IOException {
        String name = "Ann " + "Verylongname ".repeat(20) + "Example";
        byte[] bytes = render(SampleCertifications.certificate(SampleCertifications.current(), name));

        String text = text(bytes);
        assertThat(text).contains("Ann Verylongname", "…").doesNotContain(name);
        try (PDDocument document = Loader.loadPDF(bytes)) {
            assertThat(document.getNumberOfPages()).isEqualTo(1);
        }
    }

    @Test
    void everyFontIsEmbeddedSoThePdfNeedsNothingFromOutside() throws IOException {
        try (PDDocument document = Loader.loadPDF(render(SampleCertifications.certificate(SampleCertifications.current(), "Ann Example")))) {
            PDPage page = document.getPage(0);
            int fonts = 0;
            for (COSName name : page.getResources().getFontNames()) {
                PDFont font = page.getResources().getFont(name);
                assertThat(font.isEmbedded()).as(font.getName()).isTrue();
                fonts++;
            }
            assertThat(fonts).isEqualTo(2);
            assertThat(page.getResources().getXObjectNames()).as("no images: the QR code is drawn").isEmpty();
        }
    }
}
