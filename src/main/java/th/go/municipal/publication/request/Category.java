package th.go.municipal.publication.request;

import java.util.Arrays;
import java.util.Optional;

/** The categories of information of section 2.1 of the announcement. */
public enum Category {
  STRUCTURE("structure", "(๑) โครงสร้างและการจัดองค์กรในการดำเนินงาน"),
  POWERS("powers", "(๒) อำนาจหน้าที่ที่สำคัญและวิธีการดำเนินงาน"),
  CONTACT("contact", "(๓) สถานที่ติดต่อเพื่อขอรับข้อมูลข่าวสาร"),
  RULES("rules", "(๔) กฎ มติคณะรัฐมนตรี ข้อบังคับ คำสั่ง หนังสือเวียน ระเบียบ นโยบาย"),
  PLANS("plans", "(๕) แผนงาน โครงการ ความก้าวหน้า การใช้จ่ายงบประมาณ ผลการดำเนินงาน"),
  PROCUREMENT("procurement", "(๖) แผนการจัดซื้อจัดจ้างประจำปี"),
  OTHER("other", "(๗) อื่น ๆ");

  public final String id;
  public final String thaiName;

  Category(String id, String thaiName) {
    this.id = id;
    this.thaiName = thaiName;
  }

  public static Optional<Category> byId(String id) {
    return Arrays.stream(values()).filter(c -> c.id.equals(id)).findFirst();
  }
}
