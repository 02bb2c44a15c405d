package th.go.municipal.publication.request;

import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;

/**
 * Finds personal data (PDPA B.E. 2562) in text before a head sees it: Thai national ID numbers
 * (checksum verified), Thai phone numbers and e-mail addresses, however they are written: digits of
 * any script or width, groups separated by anything, invisible characters in between, percent-
 * encoded in a URL. Values are reported masked, so the findings themselves do not spread the data.
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

  /** At most this many characters (not letters, not digits) between two digits of one number. */
  static final int MAX_SEPARATOR = 3;

  private static final Pattern EMAIL =
      Pattern.compile(
          "[A-Za-z0-9._%+-]+@[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)+");
  private static final Pattern PERCENT_ESCAPES = Pattern.compile("(?:%[0-9A-Fa-f]{2})+");

  public List<Finding> screen(String source, String text) {
    if (text == null || text.isEmpty()) {
      return List.of();
    }
    String normalized = normalize(percentDecoded(normalize(text)));
    Set<Finding> findings = new LinkedHashSet<>(numbers(source, normalized));
    Matcher email = EMAIL.matcher(normalized);
    while (email.find()) {
      String address = email.group();
      int at = address.indexOf('@');
      findings.add(
          new Finding(source, Kind.EMAIL, address.charAt(0) + "***" + address.substring(at)));
    }
    return List.copyOf(findings);
  }

  /**
   * The text as it reads: compatibility forms folded (full-width digits and signs, NFKC), invisible
   * format characters (zero-width spaces, joiners, soft hyphens) removed, and every decimal digit
   * of any script (Thai ๐–๙ included) written as 0–9.
   */
  static String normalize(String text) {
    String folded = Normalizer.normalize(text, Normalizer.Form.NFKC);
    StringBuilder out = new StringBuilder(folded.length());
    folded
        .codePoints()
        .forEach(
            c -> {
              if (Character.getType(c) == Character.FORMAT) {
                return;
              }
              if (Character.getType(c) == Character.DECIMAL_DIGIT_NUMBER) {
                out.append((char) ('0' + Character.digit(c, 10)));
              } else {
                out.appendCodePoint(c);
              }
            });
    return out.toString();
  }

  /** Numbers in URLs and file names may be percent-encoded (%31 is 1). */
  private static String percentDecoded(String text) {
    Matcher escapes = PERCENT_ESCAPES.matcher(text);
    StringBuilder out = new StringBuilder();
    while (escapes.find()) {
      String run = escapes.group();
      byte[] bytes = new byte[run.length() / 3];
      for (int i = 0; i < bytes.length; i++) {
        bytes[i] = (byte) Integer.parseInt(run.substring(3 * i + 1, 3 * i + 3), 16);
      }
      escapes.appendReplacement(
          out, Matcher.quoteReplacement(new String(bytes, StandardCharsets.UTF_8)));
    }
    escapes.appendTail(out);
    return out.toString();
  }

  /**
   * National IDs and phone numbers: digits that belong together, whatever separates their groups
   * (dashes, dots, slashes, spaces of any kind), up to {@link #MAX_SEPARATOR} characters between
   * two digits. An ID is any 13 of them in a row that pass the checksum, so one hidden inside a
   * longer run of digits is found too; a phone number is a whole run of its length.
   */
  private static List<Finding> numbers(String source, String text) {
    List<Finding> found = new ArrayList<>();
    int i = 0;
    while (i < text.length()) {
      if (!isAsciiDigit(text.charAt(i))) {
        i++;
        continue;
      }
      boolean afterPlus = i > 0 && text.charAt(i - 1) == '+';
      StringBuilder digits = new StringBuilder();
      int end = i;
      int j = i;
      while (j < text.length()) {
        if (isAsciiDigit(text.charAt(j))) {
          digits.append(text.charAt(j));
          end = ++j;
          continue;
        }
        int gap = j;
        while (gap < text.length()
            && gap - j < MAX_SEPARATOR
            && !Character.isLetterOrDigit(text.charAt(gap))) {
          gap++;
        }
        if (gap < text.length() && gap > j && isAsciiDigit(text.charAt(gap))) {
          j = gap;
        } else {
          break;
        }
      }
      found.addAll(inRun(source, digits.toString(), afterPlus));
      i = Math.max(end, i + 1);
    }
    return found;
  }

  private static List<Finding> inRun(String source, String digits, boolean afterPlus) {
    List<Finding> found = new ArrayList<>();
    for (int start = 0; start + 13 <= digits.length(); start++) {
      String candidate = digits.substring(start, start + 13);
      if (candidate.charAt(0) != '0' && candidate.charAt(0) != '9' && isNationalId(candidate)) {
        found.add(new Finding(source, Kind.NATIONAL_ID, maskId(candidate)));
      }
    }
    if (found.isEmpty() && isPhone(digits, afterPlus)) {
      String prefix = afterPlus ? "+" : "";
      found.add(
          new Finding(
              source, Kind.PHONE, prefix + digits.substring(0, digits.length() - 4) + "xxxx"));
    }
    return found;
  }

  /** Mobile 06/08/09 and eight digits, landline 02–07 and seven, or either after +66. */
  private static boolean isPhone(String digits, boolean afterPlus) {
    String local =
        afterPlus && digits.startsWith("66") ? digits.substring(2) : afterPlus ? null : digits;
    if (local == null) {
      return false;
    }
    if (!afterPlus) {
      if (!local.startsWith("0")) {
        return false;
      }
      local = local.substring(1);
    }
    return (local.length() == 9 && "689".indexOf(local.charAt(0)) >= 0)
        || (local.length() == 8 && "234567".indexOf(local.charAt(0)) >= 0);
  }

  private static boolean isAsciiDigit(char c) {
    return c >= '0' && c <= '9';
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

  private static String maskId(String digits) {
    return digits.charAt(0) + "-" + digits.substring(1, 5) + "-xxxxx-xx-" + digits.charAt(12);
  }
}
