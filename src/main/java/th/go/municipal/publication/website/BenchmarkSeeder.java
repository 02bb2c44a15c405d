package th.go.municipal.publication.website;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import javax.imageio.ImageIO;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import th.go.municipal.publication.common.Hashes;
import th.go.municipal.publication.common.SafeHtml;
import th.go.municipal.publication.identity.MunicipalityProperties;
import th.go.municipal.publication.request.Category;

/**
 * Profile {@code bench} only (src/bench/website-benchmark.sh): puts {@value #ITEMS} items straight
 * into an empty published-items table, so the website can be measured without walking requests
 * through the process. Never active in production.
 */
@Component
@Profile("bench")
class BenchmarkSeeder implements ApplicationRunner {

  static final int ITEMS = 50;

  private static final Logger log = LoggerFactory.getLogger(BenchmarkSeeder.class);

  private static final String DETAILS =
      """
      เทศบาลขอประชาสัมพันธ์ให้ประชาชนในเขตเทศบาลทราบโดยทั่วกัน เรื่อง %s \
      เพื่อให้การดำเนินงานเป็นไปด้วยความเรียบร้อย โปร่งใส และตรวจสอบได้ตามหลักธรรมาภิบาล

      ผู้สนใจสามารถติดต่อสอบถามรายละเอียดเพิ่มเติมได้ที่%s ในวันและเวลาราชการ \
      ตั้งแต่เวลา 08.30 น. ถึง 16.30 น. หรือทางโทรศัพท์ตามที่อยู่ด้านล่างของเว็บไซต์

      ทั้งนี้ ข้อมูลข่าวสารนี้เผยแพร่ตามประกาศเทศบาล เรื่อง มาตรการการเผยแพร่ข้อมูลต่อสาธารณะผ่านเว็บไซต์ \
      ซึ่งผ่านการตรวจสอบและอนุมัติจากหัวหน้าหน่วยงานแล้ว""";

  private final PublishedItemRepository items;
  private final PublishedAttachmentRepository attachments;
  private final MunicipalityProperties municipality;
  private final TransactionTemplate transaction;
  private final ApplicationEventPublisher events;
  private final Clock clock;

  BenchmarkSeeder(
      PublishedItemRepository items,
      PublishedAttachmentRepository attachments,
      MunicipalityProperties municipality,
      TransactionTemplate transaction,
      ApplicationEventPublisher events,
      Clock clock) {
    this.items = items;
    this.attachments = attachments;
    this.municipality = municipality;
    this.transaction = transaction;
    this.events = events;
    this.clock = clock;
  }

  @Override
  public void run(ApplicationArguments args) {
    if (items.count() > 0) {
      return;
    }
    transaction.executeWithoutResult(
        status -> {
          Category[] categories = Category.values();
          List<MunicipalityProperties.Unit> units = municipality.getUnits();
          Instant now = clock.instant();
          for (int n = 1; n <= ITEMS; n++) {
            String key = String.format("PR-2569-%04d", n);
            Category category = categories[n % categories.length];
            MunicipalityProperties.Unit unit =
                units.isEmpty()
                    ? new MunicipalityProperties.Unit("clerk", "สำนักปลัดเทศบาล")
                    : units.get(n % units.size());
            String title =
                "ประกาศเทศบาล ฉบับที่ " + n + " เรื่อง " + category.thaiName.substring(4);
            String details = DETAILS.formatted(title, unit.name());
            List<PublishedFile> files = n == ITEMS ? List.of(poster()) : List.of();
            PublicationContent content =
                new PublicationContent(
                    key,
                    title,
                    details,
                    SafeHtml.fromPlainText(details),
                    category.id,
                    category.thaiName,
                    "O" + (1 + n % 43),
                    unit.id(),
                    unit.name(),
                    "https://www.example.go.th/news/" + n,
                    null,
                    null,
                    files);
            String url = municipality.getWebsiteUrl().replaceAll("/+$", "") + "/items/" + key;
            items.save(
                new PublishedItem(
                    content, "webmaster", now.minusSeconds(3600L * (ITEMS - n)), url));
            files.forEach(f -> attachments.save(new PublishedAttachment(key, f)));
          }
        });
    events.publishEvent(new WebsiteContentChanged(null));
    log.info("Benchmark data: {} published items", ITEMS);
  }

  /** A small PNG poster, so that the newest item page has an image like real news has. */
  private static PublishedFile poster() {
    BufferedImage image = new BufferedImage(640, 360, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = image.createGraphics();
    g.setColor(new Color(0x0b3d6e));
    g.fillRect(0, 0, 640, 360);
    g.setColor(new Color(0xf2c94c));
    g.fillRect(40, 150, 560, 60);
    g.dispose();
    ByteArrayOutputStream png = new ByteArrayOutputStream();
    try {
      ImageIO.write(image, "png", png);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    byte[] bytes = png.toByteArray();
    return new PublishedFile(
        "attachment1",
        "โปสเตอร์ประชาสัมพันธ์.png",
        "image",
        "image/png",
        Hashes.sha256(bytes),
        bytes);
  }
}
