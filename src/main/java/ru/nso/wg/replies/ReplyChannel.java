package ru.nso.wg.replies;

/** How a reply came in. */
public enum ReplyChannel {
  LINK("по ссылке из письма"),
  TASKLIST("в Tasklist");

  private final String text;

  ReplyChannel(String text) {
    this.text = text;
  }

  public String text() {
    return text;
  }
}
