package th.go.municipal.publication.common;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Hostile text stays text. */
class SafeHtmlTests {

  @Test
  void paragraphsAndLineBreaksAreKept() {
    assertThat(SafeHtml.fromPlainText("ประกาศ\nบรรทัดสอง\n\nย่อหน้าใหม่"))
        .isEqualTo("<p>ประกาศ<br>บรรทัดสอง</p><p>ย่อหน้าใหม่</p>");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "<script>alert(1)</script>",
        "<img src=x onerror=alert(1)>",
        "<a href=\"javascript:alert(1)\">คลิก</a>",
        "\"><svg onload=alert(1)>",
        "<iframe src=//evil>"
      })
  void typedMarkupIsShownAsTextNeverRun(String hostile) {
    String html = SafeHtml.fromPlainText(hostile);

    assertThat(html)
        .doesNotContain("<script")
        .doesNotContain("<img")
        .doesNotContain("<svg")
        .doesNotContain("<iframe")
        .doesNotContain("<a ");
    assertThat(org.jsoup.Jsoup.parse(html).text()).isEqualTo(hostile);
  }

  @Test
  void cleanRemovesScriptAndHandlersButKeepsBasicFormatting() {
    assertThat(
            SafeHtml.clean(
                "<p onclick=\"x()\">ข่าว <b>สำคัญ</b><script>bad()</script>"
                    + "<a href=\"javascript:bad()\">x</a></p>"))
        .isEqualTo("<p>ข่าว <b>สำคัญ</b><a rel=\"nofollow\">x</a></p>");
  }
}
