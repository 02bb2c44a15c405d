package th.go.municipal.publication.request;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.util.unit.DataSize;
import th.go.municipal.publication.common.InputRejectedException;

/** Files are judged by their bytes, not their names. */
class AttachmentInspectorTests {

  private final AttachmentInspector inspector = new AttachmentInspector(properties());

  @Test
  void documentsImagesAndSoundOfTheAllowedKindsPass() {
    assertThat(inspect("ประกาศ.pdf", TestFiles.pdf("Announcement")).mediaType())
        .isEqualTo("application/pdf");
    assertThat(inspect("ประกาศ.docx", TestFiles.docx("ประกาศเทศบาล")).kind()).isEqualTo("text");
    assertThat(
            inspect("ประกาศ.txt", TestFiles.text("ประกาศเทศบาลเมือง\nเรื่อง การรับสมัคร"))
                .mediaType())
        .isEqualTo("text/plain");
    assertThat(inspect("ภาพ.png", TestFiles.image("png")).kind()).isEqualTo("image");
    assertThat(inspect("ภาพ.jpg", TestFiles.image("jpeg")).mediaType()).isEqualTo("image/jpeg");
    assertThat(inspect("ภาพ.gif", TestFiles.image("gif")).mediaType()).isEqualTo("image/gif");
    assertThat(inspect("ภาพ.bmp", TestFiles.image("bmp")).mediaType()).isEqualTo("image/bmp");
    assertThat(inspect("เสียง.wav", TestFiles.wav()).kind()).isEqualTo("audio");
  }

  @Test
  void textOfDocumentsIsReadForScreening() {
    assertThat(inspect("a.pdf", TestFiles.pdf("ID 1101700207030")).text())
        .contains("1101700207030");
    assertThat(inspect("a.docx", TestFiles.docx("โทร 081-234-5678")).text())
        .contains("081-234-5678");
  }

  @Test
  void programCalledAPdfIsRefusedNamingTheFile() {
    assertRefused(
        "ประกาศ.pdf",
        TestFiles.windowsExecutable(),
        "ไฟล์แนบ 'ประกาศ.pdf' (attachment1):",
        "โปรแกรม");
  }

  @Test
  void archiveHidingAProgramIsRefusedEvenWhenCalledADocx() {
    assertRefused("report.docx", TestFiles.zipWithExecutable(), "'report.docx'", "บีบอัด");
  }

  @Test
  void contentMustMatchTheExtension() {
    assertRefused("photo.jpg", TestFiles.image("png"), "ไม่ตรงกับนามสกุล .jpg");
    assertRefused("notes.pdf", TestFiles.text("plain text, not a PDF"), "ไม่ตรงกับนามสกุล .pdf");
  }

  @Test
  void unknownExtensionsAndNamelessFilesAreRefused() {
    assertRefused("setup.exe", TestFiles.windowsExecutable(), "ไม่อนุญาตไฟล์นามสกุล .exe");
    assertRefused(
        "page.html", TestFiles.text("<script>alert(1)</script>"), "ไม่อนุญาตไฟล์นามสกุล .html");
    assertRefused("../../etc/passwd.txt", TestFiles.text("x"), "ชื่อไฟล์");
    assertRefused("noextension", TestFiles.text("x"), "ชื่อไฟล์");
  }

  @Test
  void fileOverTheLimitOfItsKindIsRefused() {
    byte[] big = new byte[(int) DataSize.ofKilobytes(300).toBytes()];
    System.arraycopy(TestFiles.image("png"), 0, big, 0, TestFiles.image("png").length);
    assertRefused("big.png", big, "เกินขนาดสูงสุดของข้อมูลภาพ");
  }

  @Test
  void emptyFileIsRefused() {
    assertRefused("empty.txt", new byte[0], "ว่างเปล่า");
  }

  @Test
  void tooManyOrUnknownSlotsAreRefused() {
    byte[] png = TestFiles.image("png");
    assertThatThrownBy(
            () -> inspector.inspectAll(List.of(new IncomingFile("attachment3", "a.png", png))))
        .isInstanceOf(InputRejectedException.class)
        .hasMessageContaining("attachment1 ถึง attachment2");
    assertThatThrownBy(
            () ->
                inspector.inspectAll(
                    List.of(
                        new IncomingFile("attachment1", "a.png", png),
                        new IncomingFile("attachment2", "b.png", png))))
        .isInstanceOf(InputRejectedException.class)
        .hasMessageContaining("แนบซ้ำ");
  }

  private InspectedAttachment inspect(String name, byte[] content) {
    return inspector.inspect(new IncomingFile("attachment1", name, content));
  }

  private void assertRefused(String name, byte[] content, String... messageParts) {
    assertThatThrownBy(() -> inspect(name, content))
        .isInstanceOfSatisfying(
            InputRejectedException.class, e -> assertThat(e.getField()).isEqualTo("attachment1"))
        .satisfies(e -> assertThat(e.getMessage()).contains(messageParts));
  }

  private static AttachmentProperties properties() {
    AttachmentProperties properties = new AttachmentProperties();
    properties.setMaxCount(2);
    AttachmentProperties.Kind text = new AttachmentProperties.Kind();
    text.setLabel("ข้อมูลตัวอักษร");
    text.setExtensions(
        Map.of(
            "txt",
            List.of("text/plain"),
            "pdf",
            List.of("application/pdf"),
            "docx",
            List.of("application/vnd.openxmlformats-officedocument.wordprocessingml.document")));
    AttachmentProperties.Kind image = new AttachmentProperties.Kind();
    image.setLabel("ข้อมูลภาพ");
    image.setMaxSize(DataSize.ofKilobytes(200));
    image.setExtensions(
        Map.of(
            "png",
            List.of("image/png"),
            "jpg",
            List.of("image/jpeg"),
            "gif",
            List.of("image/gif"),
            "bmp",
            List.of("image/bmp")));
    AttachmentProperties.Kind audio = new AttachmentProperties.Kind();
    audio.setLabel("ข้อมูลเสียง");
    audio.setExtensions(Map.of("wav", List.of("audio/vnd.wave", "audio/x-wav")));
    properties.setKinds(Map.of("text", text, "image", image, "audio", audio));
    return properties;
  }
}
