package ru.nso.wg.document.model;

import java.util.Objects;

/**
 * An information material of an agenda item (§ 13).
 *
 * @param title a title people read
 * @param url   where it can be opened; may be empty
 */
public record Material(String title, String url) {

  public Material {
    Objects.requireNonNull(title, "title");
    url = url == null ? "" : url.trim();
  }
}
