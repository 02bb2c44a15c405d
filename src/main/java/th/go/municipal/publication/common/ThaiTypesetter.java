package th.go.municipal.publication.common;

import java.awt.Font;
import java.awt.FontFormatException;
import java.awt.font.FontRenderContext;
import java.awt.font.GlyphVector;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.text.BreakIterator;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.springframework.core.io.ClassPathResource;

/**
 * Lays Thai text out as glyphs: the JDK's text layout (HarfBuzz) picks the glyphs and places tone
 * marks and vowels above and below their consonants, and the JDK's Thai dictionary breaks lines
 * between words, since Thai writes no spaces between them. Shared by the PDFs the service draws:
 * the signed request form and the quarterly report.
 */
public final class ThaiTypesetter {

  /** One glyph of the font at its position from the start of the line, y upwards, in points. */
  public record Glyph(int id, float x, float y) {}

  /** One line of text as glyphs, with its width in points. */
  public record Line(String text, List<Glyph> glyphs, float width) {}

  private static final Locale THAI = Locale.forLanguageTag("th-TH");
  private static final FontRenderContext FRACTIONAL = new FontRenderContext(null, true, true);

  private final Font font;

  /** Where the Sarabun fonts that the project ships (SIL OFL) are on the classpath. */
  private static final String BUNDLED_FONTS = "static/fonts/sarabun/";

  /** A font the project ships, e.g. {@code Sarabun-Regular.ttf}, as the bytes of its file. */
  public static byte[] bundledFont(String fileName) {
    String resource = BUNDLED_FONTS + fileName;
    try (InputStream in = new ClassPathResource(resource).getInputStream()) {
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException("font " + resource + " missing from the build", e);
    }
  }

  public ThaiTypesetter(byte[] trueTypeFont) {
    try {
      this.font = Font.createFont(Font.TRUETYPE_FONT, new ByteArrayInputStream(trueTypeFont));
    } catch (FontFormatException e) {
      throw new IllegalArgumentException("not a TrueType font", e);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public Line shape(String text, float size) {
    char[] chars = text.toCharArray();
    GlyphVector vector =
        font.deriveFont(size)
            .layoutGlyphVector(FRACTIONAL, chars, 0, chars.length, Font.LAYOUT_LEFT_TO_RIGHT);
    int count = vector.getNumGlyphs();
    float[] positions = vector.getGlyphPositions(0, count + 1, null);
    List<Glyph> glyphs = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      int id = vector.getGlyphCode(i);
      // 0xFFFE and 0xFFFF stand for characters that draw nothing (zero-width space, controls).
      if (id < 0xFFFE) {
        glyphs.add(new Glyph(id, positions[2 * i], -positions[2 * i + 1]));
      }
    }
    return new Line(text, glyphs, positions[2 * count]);
  }

  /** The paragraph broken into lines no wider than {@code width}, between words where possible. */
  public List<Line> wrap(String paragraph, float size, float width) {
    String text = paragraph.replace('\t', ' ').strip();
    List<Line> lines = new ArrayList<>();
    if (text.isEmpty()) {
      lines.add(shape("", size));
      return lines;
    }
    BreakIterator words = BreakIterator.getLineInstance(THAI);
    words.setText(text);
    int lineStart = 0;
    Line fitted = null;
    int fittedEnd = 0;
    for (int end = words.next(); end != BreakIterator.DONE; end = words.next()) {
      Line candidate = shape(text.substring(lineStart, end).stripTrailing(), size);
      if (candidate.width() <= width) {
        fitted = candidate;
        fittedEnd = end;
        continue;
      }
      if (fitted != null) {
        lines.add(fitted);
        lineStart = fittedEnd;
      }
      // A single word wider than the line (a long URL): cut it where it must be cut.
      while (true) {
        Line rest = shape(text.substring(lineStart, end).stripTrailing(), size);
        if (rest.width() <= width) {
          fitted = rest;
          fittedEnd = end;
          break;
        }
        int cut = longestFit(text, lineStart, end, size, width);
        lines.add(shape(text.substring(lineStart, cut), size));
        lineStart = cut;
      }
    }
    if (fitted != null && lineStart < text.length()) {
      lines.add(fitted);
    }
    return lines;
  }

  private int longestFit(String text, int start, int end, float size, float width) {
    BreakIterator clusters = BreakIterator.getCharacterInstance(THAI);
    clusters.setText(text);
    int best = clusters.following(start);
    for (int next = clusters.following(best);
        next != BreakIterator.DONE && next <= end;
        next = clusters.following(next)) {
      if (shape(text.substring(start, next), size).width() > width) {
        break;
      }
      best = next;
    }
    return best;
  }
}
