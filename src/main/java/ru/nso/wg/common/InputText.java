package ru.nso.wg.common;

/**
 * The one rule for text a person typed, applied where it enters the application (the process-backing classes'
 * text variables and the rows of form lists, {@code process/Var} and {@code process/FormValues}): trimmed, empty
 * is absent; a vertical tab (what Word pastes for a manual line break) becomes a line break; any other character
 * that XML 1.0 does not allow — control characters other than tab, line feed and carriage return, U+FFFE, U+FFFF —
 * and a surrogate without its pair are refused, since the text ends up in DOCX documents and e-mail; a text longer
 * than its field's column is refused. Every refusal names the field.
 */
public final class InputText {

  private InputText() {
  }

  /**
   * The text as it may be stored, or {@code null} when blank.
   *
   * @param field     the field's name as the person sees it («Место проведения»)
   * @param raw       what was submitted
   * @param maxLength the most characters the field holds (its column's size)
   */
  public static String clean(String field, String raw, int maxLength) {
    if (raw == null) {
      return null;
    }
    String text = normalise(field, raw).strip();
    if (text.isEmpty()) {
      return null;
    }
    if (text.length() > maxLength) {
      throw new Refusal("Поле «" + field + "»: не более " + maxLength + " символов (введено " + text.length() + ")");
    }
    return text;
  }

  /** Vertical tabs become line breaks; any other character XML 1.0 does not allow is refused. */
  static String normalise(String field, String raw) {
    StringBuilder text = null;
    for (int i = 0; i < raw.length(); i++) {
      char c = raw.charAt(i);
      if (c == '\u000B') {
        if (text == null) {
          text = new StringBuilder(raw.length()).append(raw, 0, i);
        }
        text.append('\n');
        continue;
      }
      if (Character.isHighSurrogate(c) && i + 1 < raw.length() && Character.isLowSurrogate(raw.charAt(i + 1))) {
        if (text != null) {
          text.append(c).append(raw.charAt(i + 1));
        }
        i++;
        continue;
      }
      if (!allowed(c)) {
        throw new Refusal("Поле «" + field + "» содержит недопустимый символ (" + describe(c) + ", позиция "
            + (i + 1) + "): удалите его или введите текст заново, без копирования из другой программы");
      }
      if (text != null) {
        text.append(c);
      }
    }
    return text == null ? raw : text.toString();
  }

  /**
   * The text as a document may print it, whatever it holds: a vertical tab becomes a line break and any other
   * character XML 1.0 does not allow, or a surrogate without its pair, becomes U+FFFD («�»). For text that reached
   * the record before it was checked at the boundary; new input is refused by {@link #clean} instead.
   */
  public static String xmlSafe(String text) {
    StringBuilder safe = new StringBuilder(text.length());
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
        safe.append(c).append(text.charAt(++i));
      } else {
        safe.append(c == '\u000B' ? '\n' : allowed(c) ? c : '\uFFFD');
      }
    }
    return safe.toString();
  }

  /** A single UTF-16 unit allowed in XML 1.0 (a pair of surrogates is handled by the caller). */
  private static boolean allowed(char c) {
    return c == '\t' || c == '\n' || c == '\r' || c >= '\u0020' && c <= '\uD7FF' || c >= '\uE000' && c <= '\uFFFD';
  }

  private static String describe(char c) {
    String kind = Character.isSurrogate(c) ? "непарный суррогат " : c < '\u0020' ? "управляющий символ " : "символ ";
    return kind + String.format("U+%04X", (int) c);
  }
}
