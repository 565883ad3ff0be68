package roadshow.credentials.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.text.Normalizer;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Calendar;
import java.util.GregorianCalendar;
import java.util.Locale;
import java.util.TimeZone;

import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;

import com.google.zxing.WriterException;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import com.google.zxing.qrcode.encoder.ByteMatrix;
import com.google.zxing.qrcode.encoder.Encoder;

import roadshow.certification.api.Certification;
import roadshow.certification.api.Certification.Status;

/**
 * A certification's certificate: one landscape A4 page with the holder, the track and its
 * vendor, the dates, the status when it is not current, and where and how to verify it,
 * with a QR code of the verification URL. Text is set in DejaVu Sans, embedded as a subset,
 * so that names beyond Western European letters print as written; the PDF needs nothing
 * from outside itself. Thread-safe: every call makes a document of its own.
 */
final class CertificatePdf {

    private static final PDRectangle LANDSCAPE_A4 = new PDRectangle(PDRectangle.A4.getHeight(), PDRectangle.A4.getWidth());
    private static final float WIDTH = LANDSCAPE_A4.getWidth();
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("d MMMM uuuu", Locale.ENGLISH).withZone(ZoneOffset.UTC);
    private static final float[] INK = {0.11f, 0.17f, 0.33f};
    private static final float[] MUTED = {0.38f, 0.40f, 0.45f};
    private static final float[] ALARM = {0.72f, 0.09f, 0.09f};
    private static final float[] WHITE = {1f, 1f, 1f};
    /** Left edge of the dates and the verification block; the QR code sits at the same distance from the right. */
    private static final float LEFT = 72;
    private static final float QR_SIZE = 118;

    private final byte[] regularFile;
    private final byte[] boldFile;

    CertificatePdf() {
        regularFile = font("DejaVuSans.ttf");
        boldFile = font("DejaVuSans-Bold.ttf");
    }

    private static byte[] font(String file) {
        try (InputStream in = CertificatePdf.class.getResourceAsStream("/fonts/" + file)) {
            if (in == null) {
                throw new IllegalStateException("The font " + file + " is missing from the bundle.");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The certificate as PDF bytes. */
    byte[] render(Certificate certificate, Issuer issuer) throws IOException {
        Certification certification = certificate.certification();
        try (PDDocument document = new PDDocument()) {
            // every document reads the same font bytes, uncopied; true, false: embed a subset, write horizontally
            PDFont regular = PDType0Font.load(document, new RandomAccessReadBuffer(regularFile), true, false);
            PDFont bold = PDType0Font.load(document, new RandomAccessReadBuffer(boldFile), true, false);
            PDPage page = new PDPage(LANDSCAPE_A4);
            document.addPage(page);
            try (PDPageContentStream content = new PDPageContentStream(document, page)) {
                Sheet sheet = new Sheet(content, regular, bold);
                sheet.frame();
                sheet.centered(bold, 11, MUTED, issuer.name().toUpperCase(Locale.ROOT), 526);
                sheet.centered(bold, 36, INK, "Certificate", 476);
                sheet.statusBanner(certification);
                sheet.centered(regular, 14, MUTED, "This certifies that", 382);
                sheet.centered(bold, 30, INK, certificate.holderName(), 340);
                sheet.centered(regular, 14, MUTED, "has earned the certification", 304);
                sheet.centered(bold, 22, INK, certification.trackTitle(), 268);
                sheet.centered(regular, 14, MUTED, "from " + certificate.vendorName(), 240);
                sheet.dates(certification);
                sheet.verification(issuer.verificationUrl(certification.code()), certification.code());
            }
            describe(document.getDocumentInformation(), certificate, issuer);
            ByteArrayOutputStream out = new ByteArrayOutputStream(48 * 1024);
            document.save(out);
            return out.toByteArray();
        }
    }

    private static void describe(PDDocumentInformation info, Certificate certificate, Issuer issuer) {
        Certification certification = certificate.certification();
        info.setTitle("Certificate: " + certification.trackTitle() + ", " + certificate.holderName());
        info.setSubject(certificate.vendorName() + " certification " + certification.trackTitle() + ", verification code "
                + certification.code());
        info.setAuthor(issuer.name());
        info.setCreator("Roadshow");
        Calendar issued = new GregorianCalendar(TimeZone.getTimeZone(ZoneOffset.UTC), Locale.ROOT);
        issued.setTimeInMillis(certification.issuedAt().toEpochMilli());
        info.setCreationDate(issued);
    }

    /** A date as certificates write it, in UTC: 2 March 2026. */
    static String date(Instant instant) {
        return DATE.format(instant);
    }

    /** The page being drawn, with the two weights of the font. */
    private record Sheet(PDPageContentStream content, PDFont regular, PDFont bold) {

        void frame() throws IOException {
            content.setStrokingColor(INK[0], INK[1], INK[2]);
            content.setLineWidth(2.5f);
            content.addRect(22, 22, WIDTH - 44, LANDSCAPE_A4.getHeight() - 44);
            content.stroke();
            content.setLineWidth(0.6f);
            content.addRect(29, 29, WIDTH - 58, LANDSCAPE_A4.getHeight() - 58);
            content.stroke();
        }

        /** A certificate that is not current says so across the page, above everything it certifies. */
        void statusBanner(Certification certification) throws IOException {
            if (certification.status() == Status.CURRENT) {
                return;
            }
            fill(ALARM);
            content.addRect(LEFT, 410, WIDTH - 2 * LEFT, 44);
            content.fill();
            if (certification.status() == Status.REVOKED) {
                String when = certification.revokedAt() == null ? "" : " on " + date(certification.revokedAt());
                centered(bold, 14, WHITE, "REVOKED" + when + ": this certification is no longer valid.", 435);
                String reason = certification.revokedReason();
                centered(regular, 10, WHITE, reason == null || reason.isBlank() ? "" : "Reason: " + reason, 418);
            } else {
                String when = certification.expiresAt() == null ? "" : " on " + date(certification.expiresAt());
                centered(bold, 14, WHITE, "EXPIRED" + when + ": this certification is no longer current.", 427);
            }
        }

        void dates(Certification certification) throws IOException {
            labelled(LEFT, "Issued", date(certification.issuedAt()), INK);
            String until = certification.expiresAt() == null ? "Does not expire" : date(certification.expiresAt());
            labelled(LEFT + 170, certification.status() == Status.EXPIRED ? "Expired" : "Valid until", until, INK);
            String status = switch (certification.status()) {
                case CURRENT -> "Current";
                case EXPIRED -> "Expired";
                case REVOKED -> "Revoked";
            };
            labelled(LEFT + 340, "Status", status, certification.status() == Status.CURRENT ? INK : ALARM);
        }

        private void labelled(float x, String label, String value, float[] color) throws IOException {
            left(regular, 10, MUTED, label, x, 176, 160);
            left(bold, 13, color, value, x, 159, 160);
        }

        /** Where and how to check the certificate: the URL and code in words, and the URL as a QR code. */
        void verification(String url, String code) throws IOException {
            float qrX = WIDTH - LEFT - QR_SIZE;
            float qrY = 78;
            left(regular, 10, MUTED, "Verify this certificate at", LEFT, 118, qrX - LEFT - 30);
            left(bold, 11, INK, url, LEFT, 101, qrX - LEFT - 30);
            left(regular, 10, MUTED, "Verification code: " + code, LEFT, 84, qrX - LEFT - 30);
            qrCode(url, qrX, qrY);
            float labelWidth = width(regular, 9, "Scan to verify");
            show(regular, 9, MUTED, "Scan to verify", qrX + (QR_SIZE - labelWidth) / 2, qrY - 20);
        }

        /** The QR code as vector squares, a row's adjacent dark modules drawn as one rectangle. */
        private void qrCode(String url, float x, float y) throws IOException {
            ByteMatrix modules;
            try {
                modules = Encoder.encode(url, ErrorCorrectionLevel.M).getMatrix();
            } catch (WriterException e) {
                throw new IOException("The verification URL cannot be put in a QR code: " + url, e);
            }
            int count = modules.getWidth();
            float module = QR_SIZE / count;
            fill(INK);
            for (int row = 0; row < count; row++) {
                float top = y + (count - 1 - row) * module;
                int column = 0;
                while (column < count) {
                    if (modules.get(column, row) != 1) {
                        column++;
                        continue;
                    }
                    int start = column;
                    while (column < count && modules.get(column, row) == 1) {
                        column++;
                    }
                    content.addRect(x + start * module, top, (column - start) * module, module);
                }
            }
            content.fill();
        }

        void centered(PDFont font, float size, float[] color, String text, float y) throws IOException {
            float room = WIDTH - 2 * LEFT;
            String printable = printable(font, text);
            float fitted = fit(font, size, printable, room);
            String shown = shorten(font, fitted, printable, room);
            show(font, fitted, color, shown, (WIDTH - width(font, fitted, shown)) / 2, y);
        }

        private void left(PDFont font, float size, float[] color, String text, float x, float y, float room) throws IOException {
            String printable = printable(font, text);
            float fitted = fit(font, size, printable, room);
            show(font, fitted, color, shorten(font, fitted, printable, room), x, y);
        }

        private void show(PDFont font, float size, float[] color, String text, float x, float y) throws IOException {
            if (text.isEmpty()) {
                return;
            }
            fill(color);
            content.beginText();
            content.setFont(font, size);
            content.newLineAtOffset(x, y);
            content.showText(text);
            content.endText();
        }

        private void fill(float[] color) throws IOException {
            content.setNonStrokingColor(color[0], color[1], color[2]);
        }

        /** A size no larger than {@code size} and no smaller than 60% of it at which the text fits in {@code room}. */
        private static float fit(PDFont font, float size, String text, float room) throws IOException {
            float natural = width(font, size, text);
            return natural <= room ? size : Math.max(size * 0.6f, size * room / natural);
        }

        /** The text, cut short with an ellipsis when even its smallest size does not fit. */
        private static String shorten(PDFont font, float size, String text, float room) throws IOException {
            if (width(font, size, text) <= room) {
                return text;
            }
            String cut = text;
            while (!cut.isEmpty() && width(font, size, cut + "…") > room) {
                cut = cut.substring(0, cut.offsetByCodePoints(cut.length(), -1)).stripTrailing();
            }
            return cut + "…";
        }

        private static float width(PDFont font, float size, String text) throws IOException {
            return font.getStringWidth(text) / 1000 * size;
        }

        /**
         * The text on one line, composed (so that accents sit on their letters), with each
         * character the font has no glyph for shown as "?": showText would refuse the whole line.
         */
        private static String printable(PDFont font, String text) {
            if (text == null) {
                return "";
            }
            String line = Normalizer.normalize(text, Normalizer.Form.NFC).replaceAll("[\\s\\p{Cntrl}]+", " ").strip();
            StringBuilder out = new StringBuilder(line.length());
            line.codePoints().forEach(point -> {
                String character = Character.toString(point);
                try {
                    font.encode(character);
                    out.append(character);
                } catch (IllegalArgumentException | IOException e) {
                    out.append('?');
                }
            });
            return out.toString();
        }
    }
}
