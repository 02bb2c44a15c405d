package th.go.municipal.publication.config;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The Thai locale of each Camunda webapp covers every label of the English one shipped in the
 * Camunda webjar (a Camunda upgrade that adds labels fails here), keeps every placeholder and tag,
 * leaves no English words in what people read (product and format names excepted) and dates are in
 * the Buddhist Era.
 */
class WebappThaiLocaleTests {

  private static final String LOCALES = "META-INF/resources/webjars/camunda/app/%s/locales/%s.json";

  /**
   * Names that stay as they are in Thai text: products, formats, technical abbreviations, and the
   * application ids an administrator types (cockpit, tasklist). An English term in parentheses
   * after its Thai one, such as ผู้เช่า (Tenant), is a gloss and allowed.
   */
  private static final Set<String> KEPT =
      Set.of(
          "Camunda",
          "Cockpit",
          "Admin",
          "Tasklist",
          "Optimize",
          "Platform",
          "BPMN",
          "DMN",
          "DRD",
          "XML",
          "JSON",
          "CSV",
          "API",
          "URL",
          "LDAP",
          "ID",
          "CE",
          "F",
          "CTRL",
          "null",
          "cockpit",
          "tasklist",
          "yyyy",
          "MM",
          "ddTHH",
          "mm",
          "ss",
          "YYYY",
          "DDTHH");

  private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{\\s*([\\w.]+)\\s*}}|\\{}");
  private static final Pattern TAG = Pattern.compile("</?(a|b|br|code|em|i|p|span|strong)\\b");
  private static final Pattern GLOSS = Pattern.compile("\\([\\x20-\\x7E]*\\)");
  private static final Pattern WORD = Pattern.compile("[A-Za-z]+");

  private final ObjectMapper json = new ObjectMapper();

  @ParameterizedTest
  @ValueSource(strings = {"cockpit", "admin", "tasklist", "welcome"})
  void everyEnglishLabelHasAThaiOneWithTheSamePlaceholdersAndNoEnglishLeft(String app)
      throws IOException {
    JsonNode english = read(app, "en").get("labels");
    JsonNode thai = read(app, "th").get("labels");
    List<String> missing = new ArrayList<>();
    List<String> wrong = new ArrayList<>();
    for (Iterator<Map.Entry<String, JsonNode>> it = english.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> label = it.next();
      JsonNode translated = thai.get(label.getKey());
      if (translated == null) {
        missing.add(label.getKey());
        continue;
      }
      String en = label.getValue().asText();
      String th = translated.asText();
      if (!all(PLACEHOLDER, en).equals(all(PLACEHOLDER, th))) {
        wrong.add(label.getKey() + ": placeholders " + all(PLACEHOLDER, th));
      }
      if (!all(TAG, en).equals(all(TAG, th))) {
        wrong.add(label.getKey() + ": tags " + all(TAG, th));
      }
      String visible =
          GLOSS
              .matcher(th)
              .replaceAll(" ")
              .replaceAll("\\{\\{[^}]*}}|<[^>]*>|&\\w+;|https?://\\S+", " ");
      List<String> leftover = all(WORD, visible).stream().filter(w -> !KEPT.contains(w)).toList();
      if (!leftover.isEmpty() && !th.equals(en)) {
        wrong.add(label.getKey() + ": English left " + leftover + " in '" + th + "'");
      }
    }
    assertThat(missing).as(app + ": labels without Thai").isEmpty();
    assertThat(wrong).as(app).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {"cockpit", "admin", "tasklist"})
  void datesAreShownInTheBuddhistEra(String app) throws IOException {
    JsonNode dates = read(app, "th").get("dateLocales");
    JsonNode era = dates.get("eras").get(0);
    assertThat(era.get("abbr").asText()).isEqualTo("พ.ศ.");
    assertThat(era.get("offset").asInt()).as("year 1 CE is 544 BE, so 2025 is 2568").isEqualTo(544);
    assertThat(dates.get("longDateFormat").get("LL").asText())
        .as("the era year, not the Christian one")
        .isEqualTo("D MMMM y");
  }

  private JsonNode read(String app, String language) throws IOException {
    String path = String.format(LOCALES, app, language);
    try (InputStream in = getClass().getClassLoader().getResourceAsStream(path)) {
      assertThat(in).as(path).isNotNull();
      String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      return json.readTree(text.startsWith("\uFEFF") ? text.substring(1) : text);
    }
  }

  private static List<String> all(Pattern pattern, String text) {
    List<String> found = new ArrayList<>();
    Matcher m = pattern.matcher(text);
    while (m.find()) {
      found.add(m.group().replaceAll("\\s", ""));
    }
    found.sort(null);
    return found;
  }
}
