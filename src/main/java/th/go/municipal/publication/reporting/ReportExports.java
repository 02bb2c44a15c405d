package th.go.municipal.publication.reporting;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.springframework.stereotype.Component;

/**
 * The monitoring report as a table: one list of rows (section, key, Thai name, measure, value)
 * written as CSV, and the same sections as the sheets of an Excel workbook, so that every export
 * carries the very numbers of the page and the JSON.
 */
@Component
class ReportExports {

  /** One number of the report, where it belongs and what it counts. */
  record Line(String section, String key, String name, String measure, Object value) {}

  /** Thai column names of the measures, in the order of the sheets. */
  static final String[][] MEASURES = {
    {"published", "เผยแพร่"},
    {"withdrawn", "นำลง"},
    {"pageViews", "การเข้าชมหน้า"},
    {"uniqueVisitors", "ผู้เข้าชมไม่ซ้ำรายวัน (รวม)"},
    {"inquiries", "คำขอข้อมูลและความคิดเห็น"},
    {"received", "ได้รับ"},
    {"answeredOnTime", "ตอบภายใน 15 วัน"},
    {"answeredLate", "ตอบเกินกำหนด"},
    {"unanswered", "ยังไม่ตอบ"},
    {"incidents", "เหตุเร่งด่วน"},
    {"returned", "ส่งกลับแก้ไข"},
    {"rejected", "ไม่อนุมัติ"},
    {"signed", "ลงนามแล้ว"},
    {"medianHours", "มัธยฐาน (ชั่วโมง)"},
    {"p90Hours", "เปอร์เซ็นไทล์ที่ 90 (ชั่วโมง)"},
    {"overdueNow", "เลยกำหนดขณะนี้"},
    {"overdueTasks", "งานเลยกำหนดขณะนี้"},
    {"overdueInquiries", "คำขอจากประชาชนเลยกำหนดขณะนี้"}
  };

  /** Every number of the report as lines. */
  List<Line> lines(MonitoringReport r) {
    List<Line> lines = new ArrayList<>();
    var t = r.totals();
    String all = "all";
    String allName = r.unitName() == null ? "ทั้งเทศบาล" : r.unitName();
    add(lines, "totals", all, allName, "published", t.published());
    add(lines, "totals", all, allName, "withdrawn", t.withdrawn());
    add(lines, "totals", all, allName, "pageViews", t.pageViews());
    add(lines, "totals", all, allName, "uniqueVisitors", t.uniqueVisitors());
    add(lines, "totals", all, allName, "inquiries", t.inquiries());
    add(lines, "totals", all, allName, "answeredOnTime", t.answeredOnTime());
    add(lines, "totals", all, allName, "answeredLate", t.answeredLate());
    add(lines, "totals", all, allName, "unanswered", t.unanswered());
    add(lines, "totals", all, allName, "incidents", t.incidents());
    add(lines, "totals", all, allName, "returned", t.returned());
    add(lines, "totals", all, allName, "rejected", t.rejected());
    add(lines, "totals", all, allName, "overdueTasks", t.overdueTasks());
    add(lines, "totals", all, allName, "overdueInquiries", t.overdueInquiries());
    for (var m : r.months()) {
      add(lines, "months", m.month(), m.label(), "published", m.published());
      add(lines, "months", m.month(), m.label(), "withdrawn", m.withdrawn());
      add(lines, "months", m.month(), m.label(), "pageViews", m.pageViews());
      add(lines, "months", m.month(), m.label(), "uniqueVisitors", m.uniqueVisitors());
      add(lines, "months", m.month(), m.label(), "inquiries", m.inquiries());
      add(lines, "months", m.month(), m.label(), "incidents", m.incidents());
    }
    for (var u : r.units()) {
      add(lines, "units", u.unit(), u.name(), "published", u.published());
      add(lines, "units", u.unit(), u.name(), "withdrawn", u.withdrawn());
      add(lines, "units", u.unit(), u.name(), "pageViews", u.pageViews());
      add(lines, "units", u.unit(), u.name(), "inquiries", u.inquiries());
      add(lines, "units", u.unit(), u.name(), "answeredOnTime", u.answeredOnTime());
      add(lines, "units", u.unit(), u.name(), "answeredLate", u.answeredLate());
      add(lines, "units", u.unit(), u.name(), "incidents", u.incidents());
      add(lines, "units", u.unit(), u.name(), "returned", u.returned());
      add(lines, "units", u.unit(), u.name(), "rejected", u.rejected());
    }
    breakdowns(lines, "categories", r.categories());
    breakdowns(lines, "oitItems", r.oitItems());
    for (var k : r.inquiryKinds()) {
      add(lines, "inquiryKinds", k.kind(), k.name(), "received", k.received());
      add(lines, "inquiryKinds", k.kind(), k.name(), "answeredOnTime", k.answeredOnTime());
      add(lines, "inquiryKinds", k.kind(), k.name(), "answeredLate", k.answeredLate());
      add(lines, "inquiryKinds", k.kind(), k.name(), "unanswered", k.unanswered());
    }
    for (var s : r.steps()) {
      add(lines, "steps", s.step(), s.name(), "signed", s.signed());
      add(lines, "steps", s.step(), s.name(), "medianHours", s.medianHours());
      add(lines, "steps", s.step(), s.name(), "p90Hours", s.p90Hours());
      add(lines, "steps", s.step(), s.name(), "returned", s.returned());
      add(lines, "steps", s.step(), s.name(), "rejected", s.rejected());
      add(lines, "steps", s.step(), s.name(), "overdueNow", s.overdueNow());
    }
    return lines;
  }

  private static void breakdowns(
      List<Line> lines, String section, List<MonitoringReport.Breakdown> rows) {
    for (var b : rows) {
      add(lines, section, b.id(), b.name(), "published", b.published());
      add(lines, section, b.id(), b.name(), "withdrawn", b.withdrawn());
      add(lines, section, b.id(), b.name(), "pageViews", b.pageViews());
    }
  }

  private static void add(
      List<Line> lines, String section, String key, String name, String measure, Object value) {
    lines.add(new Line(section, key, name, measure, value));
  }

  /**
   * CSV (RFC 4180) in UTF-8 with a byte-order mark, which is how Excel knows to read Thai; the
   * reasons of returns and rejections follow as their own section.
   */
  byte[] csv(MonitoringReport report) {
    StringBuilder out = new StringBuilder("\uFEFF");
    out.append("section,key,name,measure,value\r\n");
    for (Line line : lines(report)) {
      out.append(cell(line.section()))
          .append(',')
          .append(cell(line.key()))
          .append(',')
          .append(cell(line.name()))
          .append(',')
          .append(cell(line.measure()))
          .append(',')
          .append(line.value() == null ? "" : cell(String.valueOf(line.value())))
          .append("\r\n");
    }
    for (var d : report.decisions()) {
      out.append(cell("decisions"))
          .append(',')
          .append(cell(d.businessKey()))
          .append(',')
          .append(cell(d.stepName() + " · " + d.unitName() + " · " + d.decidedAtThai()))
          .append(',')
          .append(cell(d.decision()))
          .append(',')
          .append(cell(d.reason() == null ? "" : d.reason()))
          .append("\r\n");
    }
    return out.toString().getBytes(StandardCharsets.UTF_8);
  }

  /**
   * Quotes a cell when it must be, and defuses text that a spreadsheet would run as a formula (CSV
   * injection): a leading =, +, - or @ gets an apostrophe.
   */
  static String cell(String value) {
    String text = value;
    if (!text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0 && !isNumber(text)) {
      text = "'" + text;
    }
    if (text.contains(",") || text.contains("\"") || text.contains("\n") || text.contains("\r")) {
      return "\"" + text.replace("\"", "\"\"") + "\"";
    }
    return text;
  }

  private static boolean isNumber(String text) {
    try {
      Double.parseDouble(text);
      return true;
    } catch (NumberFormatException e) {
      return false;
    }
  }

  /** The ITA/OIT checklist as CSV: a line per evidence item, or one for an indicator without. */
  byte[] csv(th.go.municipal.publication.publishing.OitChecklist.Checklist checklist) {
    StringBuilder out =
        new StringBuilder("\uFEFF")
            .append("indicator,name,due,required,found,status,item,title,publishedAt,url\r\n");
    for (var i : checklist.indicators()) {
      String head =
          String.join(
              ",",
              cell(i.code()),
              cell(i.name()),
              cell(i.dueThai()),
              String.valueOf(i.required()),
              String.valueOf(i.found()),
              cell(i.statusThai()));
      if (i.evidence().isEmpty()) {
        out.append(head).append(",,,,\r\n");
      }
      for (var e : i.evidence()) {
        out.append(head)
            .append(',')
            .append(cell(e.businessKey()))
            .append(',')
            .append(cell(e.title()))
            .append(',')
            .append(cell(e.publishedAtThai()))
            .append(',')
            .append(cell(e.publicUrl()))
            .append("\r\n");
      }
    }
    return out.toString().getBytes(StandardCharsets.UTF_8);
  }

  /** The workbook: a sheet per section, Thai headers, numbers as numbers. */
  byte[] xlsx(MonitoringReport report) {
    List<Line> lines = lines(report);
    try (XSSFWorkbook book = new XSSFWorkbook();
        ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      CellStyle bold = book.createCellStyle();
      Font font = book.createFont();
      font.setBold(true);
      bold.setFont(font);
      Sheet about = book.createSheet("รายงาน");
      about
          .createRow(0)
          .createCell(0)
          .setCellValue("รายงานผลการเผยแพร่ข้อมูลผ่านเว็บไซต์ (ข้อ 2.3)");
      about.getRow(0).getCell(0).setCellStyle(bold);
      about.createRow(1).createCell(0).setCellValue(report.period().label());
      about
          .createRow(2)
          .createCell(0)
          .setCellValue(report.unitName() == null ? "ทั้งเทศบาล" : report.unitName());
      String[][] sections = {
        {"totals", "สรุป"},
        {"months", "รายเดือน"},
        {"units", "หน่วยงาน"},
        {"categories", "หมวดข้อมูล"},
        {"oitItems", "ตัวชี้วัด OIT"},
        {"inquiryKinds", "คำขอจากประชาชน"},
        {"steps", "ระยะเวลาแต่ละขั้นตอน"}
      };
      for (String[] section : sections) {
        sheet(book, bold, section[0], section[1], lines);
      }
      Sheet decisions = book.createSheet("ส่งกลับและไม่อนุมัติ");
      String[] headers = {"เลขที่คำขอ", "หน่วยงาน", "ขั้นตอน", "ผล", "เหตุผล", "ผู้ลงนาม", "เวลา"};
      header(decisions, bold, headers);
      int i = 1;
      for (var d : report.decisions()) {
        Row row = decisions.createRow(i++);
        row.createCell(0).setCellValue(d.businessKey());
        row.createCell(1).setCellValue(d.unitName());
        row.createCell(2).setCellValue(d.stepName());
        row.createCell(3).setCellValue(d.decision());
        row.createCell(4).setCellValue(d.reason() == null ? "" : d.reason());
        row.createCell(5).setCellValue(d.decidedBy());
        row.createCell(6).setCellValue(d.decidedAtThai());
      }
      book.write(out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** One section as a sheet: a row per key, a column per measure in the section. */
  private static void sheet(
      XSSFWorkbook book, CellStyle bold, String section, String title, List<Line> lines) {
    List<Line> mine = lines.stream().filter(l -> l.section().equals(section)).toList();
    List<String> measures = new ArrayList<>();
    for (String[] m : MEASURES) {
      if (mine.stream().anyMatch(l -> l.measure().equals(m[0]))) {
        measures.add(m[0]);
      }
    }
    List<String> keys = new ArrayList<>();
    mine.forEach(
        l -> {
          if (!keys.contains(l.key())) {
            keys.add(l.key());
          }
        });
    Sheet sheet = book.createSheet(title);
    String[] headers = new String[measures.size() + 2];
    headers[0] = "รหัส";
    headers[1] = "ชื่อ";
    for (int c = 0; c < measures.size(); c++) {
      headers[c + 2] = thai(measures.get(c));
    }
    header(sheet, bold, headers);
    int r = 1;
    for (String key : keys) {
      Row row = sheet.createRow(r++);
      row.createCell(0).setCellValue(key);
      for (Line l : mine) {
        if (!l.key().equals(key)) {
          continue;
        }
        row.createCell(1).setCellValue(l.name());
        int column = measures.indexOf(l.measure()) + 2;
        if (l.value() instanceof Number n) {
          row.createCell(column).setCellValue(n.doubleValue());
        }
      }
    }
    sheet.setColumnWidth(1, 60 * 256);
  }

  private static void header(Sheet sheet, CellStyle bold, String[] headers) {
    Row row = sheet.createRow(0);
    for (int c = 0; c < headers.length; c++) {
      row.createCell(c).setCellValue(headers[c]);
      row.getCell(c).setCellStyle(bold);
    }
  }

  static String thai(String measure) {
    for (String[] m : MEASURES) {
      if (m[0].equals(measure)) {
        return m[1];
      }
    }
    return measure;
  }
}
