package th.go.municipal.publication.reporting;

import java.awt.Color;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.util.Matrix;
import org.springframework.stereotype.Component;
import th.go.municipal.publication.common.ThaiTypesetter;
import th.go.municipal.publication.common.ThaiTypesetter.Glyph;
import th.go.municipal.publication.common.ThaiTypesetter.Line;
import th.go.municipal.publication.identity.MunicipalityProperties;

/**
 * The quarterly report to the head of the agency as a PDF in Thai (A4, Sarabun): the period's
 * figures, the results and problems, and the three signatures. Thai is shaped by {@link
 * ThaiTypesetter}, as the signed request form is, and each line carries its text (ActualText) so
 * that the words can be searched and copied.
 */
@Component
class QuarterlyReportPdf {

  /** What the PDF shows. */
  record Document(
      String reportKey,
      String periodLabel,
      MonitoringReport figures,
      String results,
      String problems,
      List<Signature> signatures) {}

  /** A signature as printed. */
  record Signature(
      String role,
      String name,
      String position,
      String decision,
      String comment,
      String signedAtThai) {}

  private static final float LEFT = 64;
  private static final float RIGHT = PDRectangle.A4.getWidth() - 56;
  private static final float TOP = PDRectangle.A4.getHeight() - 56;
  private static final float BOTTOM = 60;
  private static final float TITLE = 16;
  private static final float BODY = 12.5f;

  private final byte[] regularFont = ThaiTypesetter.bundledFont("Sarabun-Regular.ttf");
  private final byte[] boldFont = ThaiTypesetter.bundledFont("Sarabun-Bold.ttf");
  private final ThaiTypesetter regular = new ThaiTypesetter(regularFont);
  private final ThaiTypesetter bold = new ThaiTypesetter(boldFont);
  private final MunicipalityProperties municipality;

  QuarterlyReportPdf(MunicipalityProperties municipality) {
    this.municipality = municipality;
  }

  byte[] render(Document d) {
    try (PDDocument pdf = new PDDocument()) {
      Pages pages = new Pages(pdf);
      pages.centered(bold, "รายงานผลการดำเนินงานการเผยแพร่ข้อมูลผ่านเว็บไซต์", TITLE);
      pages.centered(bold, municipality.getName(), TITLE);
      pages.centered(regular, d.periodLabel() + " (รายงานเลขที่ " + d.reportKey() + ")", BODY);
      pages.gap(8);
      pages.paragraph(bold, "เรียน นายกเทศมนตรี", BODY, LEFT);
      pages.paragraph(
          regular,
          "ตามประกาศ ข้อ 2.3 คณะทำงานขอรายงานผลการติดตามการเผยแพร่ข้อมูลผ่านเว็บไซต์ ดังนี้",
          BODY,
          LEFT + 20);
      pages.gap(4);
      pages.paragraph(bold, "1. ผลการดำเนินงานเชิงปริมาณ", BODY, LEFT);
      for (String line : QuarterlyReports.summary(d.figures()).split("\n")) {
        pages.paragraph(regular, "- " + line, BODY, LEFT + 20);
      }
      for (var unit : d.figures().units()) {
        pages.paragraph(
            regular,
            "  "
                + unit.name()
                + ": เผยแพร่ "
                + unit.published()
                + " รายการ การเข้าชม "
                + unit.pageViews()
                + " ครั้ง คำขอจากประชาชน "
                + unit.inquiries()
                + " เรื่อง",
            BODY,
            LEFT + 30);
      }
      for (var step : d.figures().steps()) {
        pages.paragraph(
            regular,
            "- "
                + step.name()
                + ": ลงนาม "
                + step.signed()
                + " ครั้ง ใช้เวลามัธยฐาน "
                + hours(step.medianHours())
                + " เปอร์เซ็นไทล์ที่ 90 "
                + hours(step.p90Hours()),
            BODY,
            LEFT + 20);
      }
      pages.gap(4);
      pages.paragraph(bold, "2. ผลการดำเนินงาน", BODY, LEFT);
      pages.paragraph(regular, d.results(), BODY, LEFT + 20);
      pages.paragraph(bold, "3. ปัญหาและอุปสรรค", BODY, LEFT);
      pages.paragraph(regular, d.problems(), BODY, LEFT + 20);
      pages.gap(10);
      for (Signature s : d.signatures()) {
        pages.paragraph(bold, role(s), BODY, LEFT);
        pages.paragraph(
            regular,
            "ลงนามอิเล็กทรอนิกส์ "
                + s.name()
                + " ตำแหน่ง "
                + s.position()
                + " วันที่ "
                + s.signedAtThai(),
            BODY,
            LEFT + 20);
        if (s.comment() != null && !s.comment().isBlank()) {
          pages.paragraph(regular, "ความเห็น: " + s.comment(), BODY, LEFT + 20);
        }
      }
      pages.close();
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      pdf.getDocumentInformation().setTitle("รายงานผลการเผยแพร่ข้อมูล " + d.reportKey());
      pdf.getDocumentInformation().setAuthor(municipality.getName());
      pdf.save(out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException("the quarterly report could not be drawn", e);
    }
  }

  private static String role(Signature s) {
    return switch (s.role()) {
      case "webmaster" -> "ผู้จัดทำรายงาน (ผู้รับผิดชอบการนำข้อมูลขึ้นเผยแพร่)";
      case "reviewer" ->
          "ผู้พิจารณา (" + ("approve".equals(s.decision()) ? "เห็นชอบ" : "ส่งกลับแก้ไข") + ")";
      default -> "ผู้รับทราบ (นายกเทศมนตรี)";
    };
  }

  private static String hours(Double hours) {
    return hours == null ? "-" : hours + " ชั่วโมง";
  }

  /** The pages being written, top to bottom. */
  private final class Pages {

    private final PDDocument pdf;
    private final PDType0Font regularPdf;
    private final PDType0Font boldPdf;
    private final List<PDPage> pages = new ArrayList<>();
    private final Set<Integer> usedRegular = new HashSet<>();
    private final Set<Integer> usedBold = new HashSet<>();
    private PDPageContentStream content;
    private float y;

    Pages(PDDocument pdf) throws IOException {
      this.pdf = pdf;
      this.regularPdf = PDType0Font.load(pdf, new ByteArrayInputStream(regularFont), true);
      this.boldPdf = PDType0Font.load(pdf, new ByteArrayInputStream(boldFont), true);
      newPage();
    }

    void newPage() throws IOException {
      if (content != null) {
        content.close();
      }
      PDPage page = new PDPage(PDRectangle.A4);
      pdf.addPage(page);
      pages.add(page);
      content = new PDPageContentStream(pdf, page);
      y = TOP;
    }

    void gap(float points) {
      y -= points;
    }

    void centered(ThaiTypesetter typesetter, String text, float size) throws IOException {
      for (Line line : typesetter.wrap(text, size, RIGHT - LEFT)) {
        next(size);
        draw(line, typesetter, size, LEFT + (RIGHT - LEFT - line.width()) / 2);
      }
    }

    void paragraph(ThaiTypesetter typesetter, String text, float size, float left)
        throws IOException {
      for (String paragraph : (text == null ? "-" : text).split("\\R")) {
        for (Line line : typesetter.wrap(paragraph, size, RIGHT - left)) {
          next(size);
          draw(line, typesetter, size, left);
        }
      }
    }

    private void next(float size) throws IOException {
      // Thai stacks a tone mark over an upper vowel: lines need more room than Latin text.
      float height = size * 1.55f;
      if (y - height < BOTTOM) {
        newPage();
      }
      y -= height;
    }

    private void draw(Line line, ThaiTypesetter typesetter, float size, float x)
        throws IOException {
      if (line.glyphs().isEmpty()) {
        return;
      }
      PDType0Font font = typesetter == bold ? boldPdf : regularPdf;
      HexFormat hex = HexFormat.of();
      content.appendRawCommands(
          "/Span <</ActualText <FEFF"
              + hex.formatHex(line.text().getBytes(StandardCharsets.UTF_16BE))
              + ">>> BDC\n");
      content.beginText();
      content.setNonStrokingColor(Color.BLACK);
      content.setFont(font, size);
      for (Glyph glyph : line.glyphs()) {
        (font == boldPdf ? usedBold : usedRegular).add(glyph.id());
        content.setTextMatrix(Matrix.getTranslateInstance(x + glyph.x(), y + glyph.y()));
        content.appendRawCommands("<" + hex.formatHex(font.encodeGlyphId(glyph.id())) + "> Tj\n");
      }
      content.endText();
      content.endMarkedContent();
    }

    /** Closes the last page and embeds the glyphs that were drawn (the fonts are subset). */
    void close() throws IOException {
      content.close();
      regularPdf.addGlyphsToSubset(usedRegular);
      boldPdf.addGlyphsToSubset(usedBold);
    }
  }
}
