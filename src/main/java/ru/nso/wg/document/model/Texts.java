package ru.nso.wg.document.model;

import java.util.Arrays;
import java.util.stream.Collectors;

/** Small text helpers shared by messages and documents. */
public final class Texts {

  private Texts() {
  }

  public static String joinNonBlank(String separator, String... parts) {
    return Arrays.stream(parts)
        .filter(p -> p != null && !p.isBlank())
        .map(String::trim)
        .collect(Collectors.joining(separator));
  }

  public static String nullToEmpty(String s) {
    return s == null ? "" : s;
  }

  /**
   * «Фамилия Имя Отчество» → «И.О. Фамилия» (the form of a signature block). A name of one word is returned as it
   * is; a name already in the short form is kept.
   */
  public static String initialsAndSurname(String fullName) {
    if (fullName == null || fullName.isBlank()) {
      return "";
    }
    String[] parts = fullName.trim().split("\\s+");
    if (parts.length == 1 || parts[0].contains(".")) {
      return fullName.trim();
    }
    StringBuilder initials = new StringBuilder();
    for (int i = 1; i < parts.length; i++) {
      String part = parts[i];
      if (part.contains(".")) {
        initials.append(part);
        continue;
      }
      initials.append(part.codePoints().limit(1)
          .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append)).append('.');
    }
    return initials + " " + parts[0];
  }

  /** «Фамилия Имя Отчество» → «Имя Отчество» (for a greeting); the name itself when it has one word. */
  public static String givenNames(String fullName) {
    if (fullName == null || fullName.isBlank()) {
      return "";
    }
    String[] parts = fullName.trim().split("\\s+", 2);
    return parts.length == 2 ? parts[1] : parts[0];
  }
}
