package th.go.municipal.publication.request;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;

/**
 * Finds personal data (PDPA B.E. 2562) in text before a head sees it: Thai national ID numbers
 * (checksum verified; with dashes or spaces; in Thai digits too), Thai phone numbers and e-mail
 * addresses. Values are reported masked, so the findings themselves do not spread the data.
 */
@Component
class PersonalDataScreener {

  /** What was found. */
  public enum Kind {
    NATIONAL_ID("เลขประจำตัวประชาชน"),
    PHONE("หมายเลขโทรศัพท์"),
    EMAIL("อีเมล");

    public final String thaiName;

    Kind(String thaiName) {
      this.thaiName = thaiName;
    }
  }

  /** One finding: where (a field or a file name), what kind, and the value masked. */
  public record Finding(String source, Kind kind, String masked) {}

  // 13 digits, optionally grouped by single dashes or spaces (1-2345-67890-12-1), not inside a
  // longer number.
  private static final Pattern ID = Pattern.compile("(?<![0-9])[0-9](?:[ -]?[0-9]){12}(?![0-9])");
  // Mobile 06/08/09 + 8 digits, landline 02–07 + 7 digits, or +66 without the leading 0.
  private static final Pattern PHONE =
      Pattern.compile(
          "(?<![0-9+])(?:\\+66[ -]?|0)(?:[689](?:[ -]?[0-9]){8}|[2-7](?:[ -]?[0-9]){7})(?![0-9])");
  private static final Pattern EMAIL =
      Pattern.compile(
          "[A-Za-z0-9._%+-]+@[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)+");

  public List<Finding> screen(String source, String text) {
    if (text == null || text.isEmpty()) {
      return List.of();
    }
    String normalized = arabicDigits(text);
    Set<Finding> findings = new LinkedHashSet<>();
    Matcher id = ID.matcher(normalized);
    List<int[]> idSpans = new ArrayList<>();
    while (id.find()) {
      String digits = id.group().replaceAll("[ -]", "");
      if (isNationalId(digits)) {
        findings.add(new Finding(source, Kind.NATIONAL_ID, maskId(digits)));
        idSpans.add(new int[] {id.start(), id.end()});
      }
    }
    Matcher phone = PHONE.matcher(normalized);
    while (phone.find()) {
      int start = phone.start();
      if (idSpans.stream().noneMatch(span -> start >= span[0] && start < span[1])) {
        String digits = phone.group().replaceAll("[ -]", "");
        findings.add(
            new Finding(source, Kind.PHONE, digits.substring(0, digits.length() - 4) + "xxxx"));
      }
    }
    Matcher email = EMAIL.matcher(normalized);
    while (email.find()) {
      String address = email.group();
      int at = address.indexOf('@');
      findings.add(
          new Finding(source, Kind.EMAIL, address.charAt(0) + "***" + address.substring(at)));
    }
    return List.copyOf(findings);
  }

  /** d13 = (11 − Σ di·(14−i) mod 11) mod 10, over the first twelve digits. */
  static boolean isNationalId(String digits) {
    if (digits.length() != 13) {
      return false;
    }
    int sum = 0;
    for (int i = 0; i < 12; i++) {
      sum += (digits.charAt(i) - '0') * (13 - i);
    }
    return (11 - sum % 11) % 10 == digits.charAt(12) - '0';
  }

  static String arabicDigits(String text) {
    StringBuilder out = new StringBuilder(text.length());
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      out.append(c >= '๐' && c <= '๙' ? (char) ('0' + (c - '๐')) : c);
    }
    return out.toString();
  }

  private static String maskId(String digits) {
    return digits.charAt(0) + "-" + digits.substring(1, 5) + "-xxxxx-xx-" + digits.charAt(12);
  }
}
