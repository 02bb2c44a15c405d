package th.go.municipal.publication.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import th.go.municipal.publication.common.Hashes;
import th.go.municipal.publication.common.ThaiTypesetter;
import th.go.municipal.publication.common.ThaiTypesetter.Line;

/** The signed form as a PDF: Thai shaped and placed, and given back as Thai words by extraction. */
class SignedFormPdfTests {

  static final String HARD_WORDS = "ที่ ผู้ สิ่ง ปั้น ญี่ปุ่น ฤๅ";

  final SignedFormPdf pdf = new SignedFormPdf();

  static SignedForm form(String details) {
    return new SignedForm(
        "PR-2569-0042",
        "เทศบาลเมืองตัวอย่าง",
        "สำนักปลัดเทศบาล",
        LocalDate.of(2025, 11, 25),
        "ประกาศรับสมัครผู้ปั้นหุ่นญี่ปุ่นที่สิ่งประดิษฐ์ฤๅษี",
        details,
        "https://www.example.go.th/jobs",
        "ขอให้เผยแพร่โดยเร็ว",
        List.of(
            new SignedForm.Attachment("ประกาศ.pdf", "application/pdf", 125_000, "ab".repeat(32))),
        new SignedForm.Signature(
            "reporter.clerk",
            "สมชาย ใจดี",
            "นักประชาสัมพันธ์",
            Instant.parse("2025-11-25T03:05:00Z")),
        new SignedForm.Signature(
            "head.clerk", "สมศรี มีสุข", "ปลัดเทศบาล", Instant.parse("2025-11-25T06:30:00Z")),
        new SignedForm.Signature(
            "webmaster",
            "ปกรณ์ เว็บไซต์",
            "นักวิชาการคอมพิวเตอร์",
            Instant.parse("2025-11-26T02:00:00Z")),
        "cd".repeat(32),
        "http://localhost:8080/audit/requests/PR-2569-0042");
  }

  @Test
  void extractedTextGivesBackTheThaiWordsTheSignersAndTheNumber() throws IOException {
    byte[] bytes = pdf.render(form("ผู้ที่สนใจสมัครได้ที่สิ่งปลูกสร้างใหม่ " + HARD_WORDS));

    String text = text(bytes);

    assertThat(text)
        .contains("แบบฟอร์มการขอเผยแพร่ข้อมูลผ่านเว็บไซต์ของเทศบาลเมืองตัวอย่าง")
        .contains("เลขที่คำขอ PR-2569-0042")
        .contains("๑. ชื่อหน่วยงาน")
        .contains("สำนักปลัดเทศบาล")
        .contains("๒๕ พฤศจิกายน ๒๕๖๘")
        .contains(HARD_WORDS)
        .contains("ประกาศรับสมัครผู้ปั้นหุ่นญี่ปุ่นที่สิ่งประดิษฐ์ฤๅษี")
        .contains("https://www.example.go.th/jobs")
        .contains("ผู้รับผิดชอบการให้ข้อมูล")
        .contains("ผู้อนุมัติรับรอง/หัวหน้าหน่วยงาน")
        .contains("ผู้รับผิดชอบการนำข้อมูลขึ้นเผยแพร่")
        .contains("(สมชาย ใจดี)")
        .contains("ตำแหน่ง ปลัดเทศบาล")
        .contains("(ปกรณ์ เว็บไซต์)")
        .contains("วันที่ ๒๖ พฤศจิกายน ๒๕๖๘ เวลา ๐๙.๐๐ น.");
    assertThat(text.replaceAll("\\s", ""))
        .as("the verification address and the fingerprint, wrapped in their narrow column")
        .contains("http://localhost:8080/audit/requests/PR-2569-0042")
        .contains("cd".repeat(32));
    Path out = Path.of("target", "signed-form.pdf");
    Files.createDirectories(out.getParent());
    Files.write(out, bytes);
  }

  @Test
  void longDetailsFlowOntoMorePagesWithEveryLineKept() throws IOException {
    String paragraph = "บรรทัดที่ผู้รายงานเขียนไว้ยาวมากเพื่อทดสอบการตัดคำภาษาไทยอย่างถูกต้อง ";
    StringBuilder details = new StringBuilder();
    for (int i = 1; i <= 60; i++) {
      details.append("ย่อหน้า ").append(i).append(' ').append(paragraph.repeat(2)).append('\n');
    }

    byte[] bytes = pdf.render(form(details.toString()));

    try (PDDocument document = Loader.loadPDF(bytes)) {
      assertThat(document.getNumberOfPages()).isGreaterThan(1);
    }
    String text = text(bytes);
    assertThat(text).contains("ย่อหน้า 1 ").contains("ย่อหน้า 60 ").contains("หน้า ๒/");
    assertThat(text.replaceAll("\\s", ""))
        .as("words are broken between lines, never lost")
        .contains(("ย่อหน้า 60 " + paragraph.repeat(2)).replaceAll("\\s", ""));
  }

  @Test
  void toneMarkIsLoweredWithoutUpperVowelAndShiftedLeftOverATallConsonant() {
    ThaiTypesetter typesetter = new ThaiTypesetter(pdf.regularFontForTests());

    Line phu = typesetter.shape("ผู้", 12);
    Line pan = typesetter.shape("ปั้", 12);

    int loweredTone = phu.glyphs().get(2).id();
    int toneOverVowel = pan.glyphs().get(2).id();
    assertThat(loweredTone)
        .as("mai tho sits lower when no upper vowel is between it and the consonant")
        .isNotEqualTo(toneOverVowel);
    float consonantEnd = pan.glyphs().get(1).x();
    assertThat(pan.glyphs().get(2).x())
        .as("marks over ป move left, clear of its tall stroke")
        .isLessThan(consonantEnd);
    assertThat(pan.glyphs().get(2).y()).as("stacked above the upper vowel").isNotZero();
  }

  @Test
  void formsDrawnWithFontsLentByEarlierFormsEmbedTheSameSubsetsAsFormsDrawnAlone()
      throws Exception {
    List<SignedForm> forms = new ArrayList<>();
    for (int i = 1; i <= 12; i++) {
      // Different words each: a font lent to an earlier form must not carry its glyphs over.
      forms.add(form("ฉบับที่ " + i + " " + HARD_WORDS.substring(0, 3 * (i % 5) + 3)));
    }
    Map<SignedForm, List<String>> alone = new HashMap<>();
    for (SignedForm form : forms) {
      alone.put(form, fontFiles(new SignedFormPdf().render(form)));
    }

    SignedFormPdf shared = new SignedFormPdf();
    shared.render(form("ตัวอักษรชุดอื่นก่อน " + HARD_WORDS));
    ExecutorService threads = Executors.newFixedThreadPool(4);
    try {
      List<Future<List<String>>> drawn = new ArrayList<>();
      for (SignedForm form : forms) {
        drawn.add(threads.submit(() -> fontFiles(shared.render(form))));
      }
      for (int i = 0; i < forms.size(); i++) {
        assertThat(drawn.get(i).get()).as("form %d", i + 1).isEqualTo(alone.get(forms.get(i)));
      }
    } finally {
      threads.shutdownNow();
    }
  }

  /** The SHA-256 of every embedded font program (the subsets), in the order of the pages. */
  static List<String> fontFiles(byte[] pdf) throws IOException {
    List<String> files = new ArrayList<>();
    try (PDDocument document = Loader.loadPDF(pdf)) {
      for (PDPage page : document.getPages()) {
        PDResources resources = page.getResources();
        List<String> names = new ArrayList<>();
        resources.getFontNames().forEach(name -> names.add(name.getName()));
        Collections.sort(names);
        for (String name : names) {
          PDType0Font font = (PDType0Font) resources.getFont(COSName.getPDFName(name));
          byte[] program =
              font.getDescendantFont().getFontDescriptor().getFontFile2().toByteArray();
          files.add(font.getName() + " " + Hashes.sha256(program));
        }
      }
    }
    assertThat(files).isNotEmpty();
    return files;
  }

  static String text(byte[] pdf) throws IOException {
    try (PDDocument document = Loader.loadPDF(pdf)) {
      return new PDFTextStripper().getText(document);
    }
  }
}
