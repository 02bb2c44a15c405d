package th.go.municipal.publication.reporting;

import java.text.NumberFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A bar chart drawn by the service as SVG: the bars, already placed in a viewBox of {@link #WIDTH}
 * by {@link #height()}, for a template to write out. No script and no outside library: the chart is
 * part of the page as the server sends it, so it prints, reads without JavaScript and passes the
 * pages' Content-Security-Policy.
 */
public record BarChart(
    String id, String title, String description, boolean horizontal, List<Bar> bars) {

  static final int WIDTH = 640;
  static final int BAR_AREA_TOP = 16;
  static final int VERTICAL_HEIGHT = 260;
  static final int ROW_HEIGHT = 30;
  static final int LABEL_WIDTH = 210;

  /** One bar: its label and value, and where it is drawn; css picks the bar's colour class. */
  public record Bar(
      String label,
      long value,
      String valueText,
      int x,
      int y,
      int width,
      int height,
      int labelX,
      int labelY,
      int valueX,
      int valueY,
      String css) {}

  /** One value per label, e.g. one bar per month. */
  public record Value(String label, long value, String css) {}

  public int height() {
    return horizontal ? BAR_AREA_TOP + bars.size() * ROW_HEIGHT + 8 : VERTICAL_HEIGHT;
  }

  public String viewBox() {
    return "0 0 " + WIDTH + " " + height();
  }

  /** Bars standing on a baseline, labels under them: for months. */
  static BarChart vertical(String id, String title, String description, List<Value> values) {
    long max = Math.max(1, values.stream().mapToLong(Value::value).max().orElse(1));
    int slots = Math.max(1, values.size());
    int slot = (WIDTH - 20) / slots;
    int barWidth = Math.max(6, slot * 3 / 5);
    int baseline = VERTICAL_HEIGHT - 40;
    int full = baseline - BAR_AREA_TOP - 16;
    List<Bar> bars = new ArrayList<>();
    for (int i = 0; i < values.size(); i++) {
      Value v = values.get(i);
      int h = (int) Math.round((double) v.value() * full / max);
      int x = 10 + i * slot + (slot - barWidth) / 2;
      bars.add(
          new Bar(
              v.label(),
              v.value(),
              number(v.value()),
              x,
              baseline - h,
              barWidth,
              h,
              x + barWidth / 2,
              baseline + 18,
              x + barWidth / 2,
              baseline - h - 4,
              v.css()));
    }
    return new BarChart(id, title, description, false, bars);
  }

  /** Bars from a left-hand label: for units, kinds and steps with long Thai names. */
  static BarChart horizontal(String id, String title, String description, List<Value> values) {
    long max = Math.max(1, values.stream().mapToLong(Value::value).max().orElse(1));
    int full = WIDTH - LABEL_WIDTH - 70;
    List<Bar> bars = new ArrayList<>();
    for (int i = 0; i < values.size(); i++) {
      Value v = values.get(i);
      int w = (int) Math.round((double) v.value() * full / max);
      int y = BAR_AREA_TOP + i * ROW_HEIGHT;
      bars.add(
          new Bar(
              v.label(),
              v.value(),
              number(v.value()),
              LABEL_WIDTH,
              y,
              w,
              ROW_HEIGHT - 10,
              LABEL_WIDTH - 8,
              y + 15,
              LABEL_WIDTH + w + 6,
              y + 15,
              v.css()));
    }
    return new BarChart(id, title, description, true, bars);
  }

  static String number(long n) {
    return NumberFormat.getIntegerInstance(Locale.forLanguageTag("th-TH")).format(n);
  }
}
