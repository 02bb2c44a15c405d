package th.go.municipal.publication.audit;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import java.awt.Color;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.GregorianCalendar;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.util.Matrix;
import org.springframework.stereotype.Component;
import th.go.municipal.publication.audit.SignedForm.Signature;
import th.go.municipal.publication.common.ThaiDates;
import th.go.municipal.publication.common.ThaiTypesetter;
import th.go.municipal.publication.common.ThaiTypesetter.Glyph;
import th.go.municipal.publication.common.ThaiTypesetter.Line;

/**
 * Draws the signed request form as a PDF, laid out as the announcement's appendix form. Glyphs are
 * drawn where {@link ThaiTypesetter} placed them, each line marked with its text (ActualText) so
 * that copying or extracting text gives back the Thai words rather than the font's glyph variants.
 */
@Component
class SignedFormPdf {

  private static final float PAGE_WIDTH = PDRectangle.A4.getWidth();
  private static final float PAGE_HEIGHT = PDRectangle.A4.getHeight();
  private static final float LEFT = 64;
  private static final float RIGHT = PAGE_WIDTH - 56;
  private static final float TOP = PAGE_HEIGHT - 56;
  private static final float BOTTOM = 70;
  private static final float TITLE_SIZE = 16;
  private static final float BODY_SIZE = 12.5f;
  private static final float SMALL_SIZE = 8.5f;
  private static final float INDENT = 20;
  private static final float QR_SIZE = 84;
  private static final Color GREY = new Color(0x55, 0x55, 0x55);

  private final byte[] regularFont = ThaiTypesetter.bundledFont("Sarabun-Regular.ttf");
  private final byte[] boldFont = ThaiTypesetter.bundledFont("Sarabun-Bold.ttf");
  private final ThaiTypesetter regular = new ThaiTypesetter(regularFont);
  private final ThaiTypesetter bold = new ThaiTypesetter(boldFont);

  byte[] regularFontForTests() {
    return regularFont.clone();
  }

  // Parsing the two fonts was a tenth of drawing a form (JDK Flight Recorder on the cycle, issue
  // 12). A parsed font reads its tables as they are asked for and is not safe for two threads at
  // once, so each render borrows a parsed pair and gives it back; a few are kept for the next one.
  private static final int IDLE_FONTS = 4;

  private final BlockingQueue<ParsedFonts> idleFonts = new ArrayBlockingQueue<>(IDLE_FONTS);

  private record ParsedFonts(TrueTypeFont regular, TrueTypeFont bold) {}

  byte[] render(SignedForm form) {
    ParsedFonts fonts = idleFonts.poll();
    try {
      if (fonts == null) {
        fonts = new ParsedFonts(parse(regularFont), parse(boldFont));
      }
      try (PDDocument document = new PDDocument()) {
        Canvas canvas = new Canvas(document, fonts);
        drawForm(canvas, form);
        canvas.finish(form);
        information(document, form);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        document.save(out);
        return out.toByteArray();
      }
    } catch (IOException e) {
      throw new UncheckedIOException("the request form could not be drawn", e);
    } finally {
      if (fonts != null) {
        idleFonts.offer(fonts);
      }
    }
  }

  private static TrueTypeFont parse(byte[] font) throws IOException {
    return new TTFParser().parse(new RandomAccessReadBuffer(font));
  }

  private void drawForm(Canvas canvas, SignedForm form) throws IOException {
    canvas.centered(
        bold, "แบบฟอร์มการขอเผยแพร่ข้อมูลผ่านเว็บไซต์ของ" + form.municipalityName(), TITLE_SIZE);
    canvas.rightAligned(regular, "เลขที่คำขอ " + form.requestNumber(), BODY_SIZE);
    canvas.gap(6);
    canvas.field("๑. ชื่อหน่วยงาน :", form.unitName());
    canvas.field("๒. วัน/เดือน/ปี :", thaiDate(form.requestedOn()));
    canvas.field("๓. หัวข้อเรื่อง :", form.title());
    canvas.paragraphs(bold, "รายละเอียดข้อมูล (โดยสรุปหรือเอกสารแนบ)", BODY_SIZE, LEFT + INDENT);
    canvas.paragraphs(regular, form.details(), BODY_SIZE, LEFT + 2 * INDENT);
    if (!form.attachments().isEmpty()) {
      canvas.paragraphs(bold, "เอกสารแนบ", BODY_SIZE, LEFT + INDENT);
      int number = 1;
      for (SignedForm.Attachment file : form.attachments()) {
        canvas.paragraphs(
            regular,
            ThaiDates.thaiDigits(number++ + ". ")
                + file.fileName()
                + " ("
                + file.mediaType()
                + ", "
                + ThaiDates.thaiDigits(String.valueOf(Math.max(1, file.size() / 1024)))
                + " KB)",
            BODY_SIZE,
            LEFT + 2 * INDENT);
        canvas.paragraphs(regular, "SHA-256 " + file.sha256(), SMALL_SIZE, LEFT + 3 * INDENT);
      }
    }
    canvas.field("๔. URL ภายนอก :", orDash(form.externalUrl()));
    canvas.field("๕. หมายเหตุ :", orDash(form.remarks()));
    canvas.gap(14);

    float column = (RIGHT - LEFT) / 2;
    canvas.ensure(2 * signatureHeight() + 16);
    float top = canvas.y;
    signature(canvas, "ผู้รับผิดชอบการให้ข้อมูล", form.reporter(), LEFT, column, top);
    signature(
        canvas, "ผู้อนุมัติรับรอง/หัวหน้าหน่วยงาน", form.approver(), LEFT + column, column, top);
    top -= signatureHeight() + 16;
    signature(canvas, "ผู้รับผิดชอบการนำข้อมูลขึ้นเผยแพร่", form.publisher(), LEFT, column, top);
    verification(canvas, form, LEFT + column, column, top);
    canvas.y = top - signatureHeight();
  }

  private float signatureHeight() {
    return 5 * lineHeight(BODY_SIZE) + lineHeight(SMALL_SIZE);
  }

  private void signature(
      Canvas canvas, String role, Signature signature, float x, float width, float top)
      throws IOException {
    float baseline = top;
    List<Object[]> lines =
        List.of(
            new Object[] {bold, role, BODY_SIZE},
            new Object[] {regular, "ลงนามอิเล็กทรอนิกส์", BODY_SIZE},
            new Object[] {regular, "(" + signature.name() + ")", BODY_SIZE},
            new Object[] {regular, "ตำแหน่ง " + orDash(signature.position()), BODY_SIZE},
            new Object[] {regular, "วันที่ " + thaiDateTime(signature.signedAt()), BODY_SIZE},
            new Object[] {regular, "บัญชีผู้ใช้ " + signature.userId(), SMALL_SIZE});
    for (Object[] l : lines) {
      ThaiTypesetter typesetter = (ThaiTypesetter) l[0];
      float size = (float) l[2];
      baseline -= lineHeight(size);
      for (Line line : typesetter.wrap((String) l[1], size, width - 8)) {
        canvas.draw(
            line, typesetter, size, x + (width - line.width()) / 2, baseline, size == SMALL_SIZE);
      }
    }
  }

  private void verification(Canvas canvas, SignedForm form, float x, float width, float top)
      throws IOException {
    float qrTop = top - 6;
    float qrLeft = x + 6;
    canvas.qr(form.verificationUrl(), qrLeft, qrTop - QR_SIZE, QR_SIZE);
    float textLeft = qrLeft + QR_SIZE + 8;
    float textWidth = x + width - textLeft;
    float baseline = qrTop;
    List<String> texts =
        List.of(
            "ตรวจสอบบันทึกการตรวจสอบ (audit trail) ของคำขอนี้ได้ที่",
            form.verificationUrl(),
            "ลายนิ้วมือเนื้อหาที่ลงนาม (SHA-256)",
            form.contentFingerprint());
    for (String text : texts) {
      for (Line line : regular.wrap(text, SMALL_SIZE, textWidth)) {
        baseline -= lineHeight(SMALL_SIZE);
        canvas.draw(line, regular, SMALL_SIZE, textLeft, baseline, true);
      }
    }
  }

  private static float lineHeight(float size) {
    // Thai stacks a tone mark over an upper vowel: lines need more room than Latin text.
    return size * 1.55f;
  }

  private static String thaiDate(LocalDate date) {
    return ThaiDates.thaiDigits(ThaiDates.longDate(date));
  }

  private static String thaiDateTime(Instant at) {
    ZonedDateTime t = at.atZone(ThaiDates.BANGKOK);
    return thaiDate(t.toLocalDate())
        + ThaiDates.thaiDigits(String.format(" เวลา %02d.%02d น.", t.getHour(), t.getMinute()));
  }

  private static String orDash(String value) {
    return value == null || value.isBlank() ? "-" : value;
  }

  private static void information(PDDocument document, SignedForm form) {
    PDDocumentInformation info = document.getDocumentInformation();
    info.setTitle("แบบฟอร์มการขอเผยแพร่ข้อมูลผ่านเว็บไซต์ " + form.requestNumber());
    info.setAuthor(form.municipalityName());
    info.setSubject(form.title());
    info.setCreator("municipal-publication");
    GregorianCalendar created =
        GregorianCalendar.from(form.publisher().signedAt().atZone(ThaiDates.BANGKOK));
    info.setCreationDate(created);
    info.setModificationDate(created);
  }

  /** The pages being drawn, top to bottom, with the fonts embedded in the document. */
  private final class Canvas {
    private final PDDocument document;
    private final PDType0Font regularPdf;
    private final PDType0Font boldPdf;
    private final Map<ThaiTypesetter, PDType0Font> fonts;
    private final Map<PDType0Font, Set<Integer>> used;
    private final List<PDPage> pages = new ArrayList<>();
    private PDPageContentStream content;
    private float y;

    Canvas(PDDocument document, ParsedFonts parsed) throws IOException {
      this.document = document;
      // Subsets of the parsed fonts; the document does not close them (they go back to the pool).
      this.regularPdf = PDType0Font.load(document, parsed.regular(), true);
      this.boldPdf = PDType0Font.load(document, parsed.bold(), true);
      this.fonts = Map.of(regular, regularPdf, bold, boldPdf);
      this.used = Map.of(regularPdf, new HashSet<>(), boldPdf, new HashSet<>());
      newPage();
    }

    void newPage() throws IOException {
      if (content != null) {
        content.close();
      }
      PDPage page = new PDPage(PDRectangle.A4);
      document.addPage(page);
      pages.add(page);
      content = new PDPageContentStream(document, page);
      y = TOP;
    }

    void ensure(float height) throws IOException {
      if (y - height < BOTTOM) {
        newPage();
      }
    }

    void gap(float points) {
      y -= points;
    }

    void centered(ThaiTypesetter typesetter, String text, float size) throws IOException {
      for (Line line : typesetter.wrap(text, size, RIGHT - LEFT)) {
        next(size);
        draw(line, typesetter, size, LEFT + (RIGHT - LEFT - line.width()) / 2, y, false);
      }
    }

    void rightAligned(ThaiTypesetter typesetter, String text, float size) throws IOException {
      Line line = typesetter.shape(text, size);
      next(size);
      draw(line, typesetter, size, RIGHT - line.width(), y, false);
    }

    /** A numbered field of the form: its label, then the value, wrapped under itself. */
    void field(String label, String value) throws IOException {
      Line labelLine = bold.shape(label, BODY_SIZE);
      float valueLeft = LEFT + labelLine.width() + 6;
      List<Line> valueLines = new ArrayList<>();
      for (String paragraph : value.split("\\R")) {
        valueLines.addAll(regular.wrap(paragraph, BODY_SIZE, RIGHT - valueLeft));
      }
      next(BODY_SIZE);
      draw(labelLine, bold, BODY_SIZE, LEFT, y, false);
      for (int i = 0; i < valueLines.size(); i++) {
        if (i > 0) {
          next(BODY_SIZE);
        }
        draw(valueLines.get(i), regular, BODY_SIZE, valueLeft, y, false);
      }
    }

    void paragraphs(ThaiTypesetter typesetter, String text, float size, float left)
        throws IOException {
      for (String paragraph : text.split("\\R")) {
        for (Line line : typesetter.wrap(paragraph, size, RIGHT - left)) {
          next(size);
          draw(line, typesetter, size, left, y, size == SMALL_SIZE);
        }
      }
    }

    private void next(float size) throws IOException {
      if (y - lineHeight(size) < BOTTOM) {
        newPage();
      }
      y -= lineHeight(size);
    }

    void draw(
        Line line, ThaiTypesetter typesetter, float size, float x, float baseline, boolean grey)
        throws IOException {
      if (line.glyphs().isEmpty()) {
        return;
      }
      PDType0Font font = fonts.get(typesetter);
      HexFormat hex = HexFormat.of();
      // Inline, not as a named resource: poppler (pdftotext) reads ActualText only inline.
      content.appendRawCommands(
          "/Span <</ActualText <FEFF"
              + hex.formatHex(line.text().getBytes(StandardCharsets.UTF_16BE))
              + ">>> BDC\n");
      content.beginText();
      content.setNonStrokingColor(grey ? GREY : Color.BLACK);
      content.setFont(font, size);
      for (Glyph glyph : line.glyphs()) {
        used.get(font).add(glyph.id());
        content.setTextMatrix(Matrix.getTranslateInstance(x + glyph.x(), baseline + glyph.y()));
        // Glyph ids, not characters: the shaped glyphs include variants that no character maps to.
        content.appendRawCommands("<" + hex.formatHex(font.encodeGlyphId(glyph.id())) + "> Tj\n");
      }
      content.endText();
      content.endMarkedContent();
    }

    void qr(String text, float x, float bottom, float size) throws IOException {
      BitMatrix modules;
      try {
        modules =
            new QRCodeWriter()
                .encode(
                    text,
                    BarcodeFormat.QR_CODE,
                    0,
                    0,
                    Map.of(
                        EncodeHintType.MARGIN,
                        0,
                        EncodeHintType.ERROR_CORRECTION,
                        ErrorCorrectionLevel.M));
      } catch (WriterException e) {
        throw new IllegalArgumentException("verification address too long for a QR code", e);
      }
      float module = size / modules.getWidth();
      content.setNonStrokingColor(Color.BLACK);
      for (int row = 0; row < modules.getHeight(); row++) {
        for (int col = 0; col < modules.getWidth(); col++) {
          if (modules.get(col, row)) {
            content.addRect(x + col * module, bottom + size - (row + 1) * module, module, module);
          }
        }
      }
      content.fill();
    }

    /** Closes the last page, numbers every page and embeds the glyphs that were drawn. */
    void finish(SignedForm form) throws IOException {
      content.close();
      for (int i = 0; i < pages.size(); i++) {
        try (PDPageContentStream footer =
            new PDPageContentStream(
                document, pages.get(i), PDPageContentStream.AppendMode.APPEND, true, true)) {
          content = footer;
          String text =
              "แบบฟอร์มการขอเผยแพร่ข้อมูล เลขที่ "
                  + form.requestNumber()
                  + " · หน้า "
                  + ThaiDates.thaiDigits((i + 1) + "/" + pages.size());
          Line line = regular.shape(text, SMALL_SIZE);
          draw(line, regular, SMALL_SIZE, RIGHT - line.width(), BOTTOM - 28, true);
        }
      }
      used.forEach(PDType0Font::addGlyphsToSubset);
    }
  }
}
