package th.go.municipal.publication.request;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.apache.tika.config.TikaConfig;
import org.apache.tika.detect.Detector;
import org.apache.tika.exception.TikaException;
import org.apache.tika.io.TikaInputStream;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.mime.MediaType;
import org.apache.tika.parser.AutoDetectParser;
import org.apache.tika.parser.ParseContext;
import org.apache.tika.sax.BodyContentHandler;
import org.apache.tika.sax.WriteOutContentHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.xml.sax.SAXException;
import th.go.municipal.publication.common.Hashes;
import th.go.municipal.publication.common.InputRejectedException;

/**
 * Judges attachments by their content with Apache Tika: the detected type must be one the file
 * name's extension allows, and within the size limit of its kind. Executables and archives are
 * refused whatever they are called. Reads the text of documents for personal-data screening.
 */
@Component
class AttachmentInspector {

  private static final Logger log = LoggerFactory.getLogger(AttachmentInspector.class);

  /** Text read from one document, at most; enough for screening, bounded for memory. */
  static final int MAX_TEXT = 500_000;

  private static final Set<String> EXECUTABLE_TYPES =
      Set.of(
          "application/x-msdownload",
          "application/x-dosexec",
          "application/x-executable",
          "application/x-elf",
          "application/x-sharedlib",
          "application/x-mach-o-executable",
          "application/x-sh",
          "application/x-bat",
          "application/java-archive",
          "application/java-vm",
          "application/x-java-jnlp-file",
          "application/x-msi",
          "application/vnd.microsoft.portable-executable",
          "text/x-python",
          "application/javascript",
          "text/javascript",
          "application/x-shockwave-flash",
          "application/x-ms-shortcut");
  private static final Set<String> ARCHIVE_TYPES =
      Set.of(
          "application/zip",
          "application/x-rar-compressed",
          "application/x-7z-compressed",
          "application/gzip",
          "application/x-gzip",
          "application/x-tar",
          "application/x-bzip2",
          "application/x-xz",
          "application/vnd.rar",
          "application/x-lzh-compressed",
          "application/x-iso9660-image");
  private static final Set<String> TEXT_BEARING =
      Set.of(
          "text/plain",
          "application/pdf",
          "application/msword",
          "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
          "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

  private final AttachmentProperties properties;
  private final Detector detector;
  private final AutoDetectParser parser;

  public AttachmentInspector(AttachmentProperties properties) {
    this.properties = properties;
    TikaConfig tika = TikaConfig.getDefaultConfig();
    this.detector = tika.getDetector();
    this.parser = new AutoDetectParser(tika);
  }

  /** All attachments of a request, or the refusal of the first bad one. */
  public List<InspectedAttachment> inspectAll(List<IncomingFile> files) {
    if (files.size() > properties.getMaxCount()) {
      throw InputRejectedException.invalid(
          "attachment" + (properties.getMaxCount() + 1),
          "แนบไฟล์ได้ไม่เกิน "
              + properties.getMaxCount()
              + " ไฟล์ (at most "
              + properties.getMaxCount()
              + " files)");
    }
    Set<String> hashes = new HashSet<>();
    List<InspectedAttachment> inspected = new ArrayList<>();
    for (IncomingFile file : files) {
      int slot =
          Integer.parseInt(file.variable().substring(RequestVariables.ATTACHMENT_PREFIX.length()));
      if (slot < 1 || slot > properties.getMaxCount()) {
        throw InputRejectedException.invalid(
            file.variable(),
            "ไฟล์แนบ ("
                + file.variable()
                + "): ใช้ได้เฉพาะ attachment1 ถึง attachment"
                + properties.getMaxCount()
                + " (unknown attachment slot)");
      }
      InspectedAttachment attachment = inspect(file);
      if (!hashes.add(attachment.sha256())) {
        throw refuse(file, "ไฟล์นี้ถูกแนบซ้ำ (duplicate attachment)");
      }
      inspected.add(attachment);
    }
    return inspected;
  }

  /**
   * Judges one file by its name, size and content without reading its text: what is checked the
   * moment a file is attached, before it is stored.
   */
  public void check(IncomingFile file) {
    judge(file);
  }

  public InspectedAttachment inspect(IncomingFile file) {
    Judged judged = judge(file);
    String text = TEXT_BEARING.contains(judged.mediaType()) ? text(file, judged.mediaType()) : "";
    return new InspectedAttachment(
        file.variable(),
        judged.name(),
        judged.kind(),
        judged.mediaType(),
        file.content().length,
        Hashes.sha256(file.content()),
        text);
  }

  /** A file found acceptable: its name, kind and the type its content was detected as. */
  private record Judged(String name, String kind, String mediaType) {}

  private Judged judge(IncomingFile file) {
    String name = checkName(file);
    byte[] content = file.content();
    if (content == null || content.length == 0) {
      throw refuse(file, "ไฟล์ว่างเปล่า (empty file)");
    }
    String extension = name.substring(name.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT);
    var kind =
        properties
            .kindOf(extension)
            .orElseThrow(
                () ->
                    refuse(
                        file,
                        "ไม่อนุญาตไฟล์นามสกุล ."
                            + extension
                            + " อนุญาตเฉพาะ ."
                            + String.join(" .", properties.allExtensions())
                            + " (file type not allowed)"));
    // The size first: a file too large for its kind is refused before its content is examined.
    long max = kind.getValue().getMaxSize().toBytes();
    if (content.length > max) {
      throw refuse(
          file,
          "ขนาด "
              + megabytes(content.length)
              + " เกินขนาดสูงสุดของ"
              + kind.getValue().getLabel()
              + " "
              + megabytes(max)
              + " (file too large)");
    }
    String detected = detect(content);
    if (EXECUTABLE_TYPES.contains(detected)) {
      throw refuse(
          file,
          "เนื้อไฟล์เป็นโปรแกรม (" + detected + ") ซึ่งไม่อนุญาตให้แนบ (executables are refused)");
    }
    List<String> expected = kind.getValue().getExtensions().get(extension);
    if (!expected.contains(detected)) {
      if (ARCHIVE_TYPES.contains(detected)) {
        throw refuse(
            file,
            "เนื้อไฟล์เป็นไฟล์บีบอัด ("
                + detected
                + ") ซึ่งอาจซ่อนไฟล์ประเภทอื่น ไม่อนุญาตให้แนบ"
                + " (archives are refused)");
      }
      throw refuse(
          file,
          "เนื้อไฟล์เป็นชนิด "
              + detected
              + " ไม่ตรงกับนามสกุล ."
              + extension
              + " (content does not match the file name)");
    }
    return new Judged(name, kind.getKey(), detected);
  }

  private String checkName(IncomingFile file) {
    String name = file.fileName() == null ? "" : file.fileName().strip();
    if (name.isEmpty()
        || name.length() > 200
        || name.contains("/")
        || name.contains("\\")
        || name.chars().anyMatch(Character::isISOControl)
        || name.lastIndexOf('.') <= 0) {
      throw InputRejectedException.invalid(
          file.variable(),
          "ไฟล์แนบ ("
              + file.variable()
              + "): ชื่อไฟล์ต้องมีนามสกุล ไม่มีเครื่องหมาย / หรือ \\ และยาวไม่เกิน 200 ตัวอักษร (invalid file name)");
    }
    return name;
  }

  private String detect(byte[] content) {
    // Only the bytes decide: no file name goes into the metadata, so a name cannot vouch for
    // content.
    try (TikaInputStream in = TikaInputStream.get(content)) {
      MediaType type = detector.detect(in, new Metadata());
      return type.getBaseType().toString();
    } catch (IOException e) {
      throw new IllegalStateException("Cannot read an in-memory attachment", e);
    }
  }

  private String text(IncomingFile file, String mediaType) {
    BodyContentHandler handler = new BodyContentHandler(new WriteOutContentHandler(MAX_TEXT));
    Metadata metadata = new Metadata();
    metadata.set(Metadata.CONTENT_TYPE, mediaType);
    try (InputStream in = TikaInputStream.get(file.content())) {
      parser.parse(in, handler, metadata, new ParseContext());
    } catch (SAXException e) {
      // WriteOutContentHandler stops at MAX_TEXT: what was read so far is screened.
      log.debug("Text of {} truncated at {} characters", file.fileName(), MAX_TEXT);
    } catch (IOException | TikaException e) {
      throw refuse(
          file,
          "อ่านเนื้อหาไฟล์ไม่ได้ ไฟล์อาจเสียหรือถูกเข้ารหัส (unreadable or encrypted document)");
    }
    return handler.toString();
  }

  private static InputRejectedException refuse(IncomingFile file, String problem) {
    return InputRejectedException.invalid(
        file.variable(), "ไฟล์แนบ '" + file.fileName() + "' (" + file.variable() + "): " + problem);
  }

  private static String megabytes(long bytes) {
    return String.format(Locale.ROOT, "%.1f MB", bytes / 1024.0 / 1024.0);
  }
}
