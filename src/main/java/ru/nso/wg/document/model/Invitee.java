package ru.nso.wg.document.model;

import java.util.Objects;

/**
 * A person invited to a meeting (приглашённое лицо); never counts for quorum, never votes.
 *
 * @param name         full name, «Фамилия Имя Отчество»
 * @param position     position, may be empty
 * @param organisation organisation, may be empty
 * @param email        e-mail address; may be {@code null} or blank (then the person is reported as a gap)
 */
public record Invitee(String name, String position, String organisation, String email) {

  public Invitee {
    Objects.requireNonNull(name, "name");
    position = position == null ? "" : position;
    organisation = organisation == null ? "" : organisation;
  }

  /** «должность, организация» without empty parts. */
  public String description() {
    return Texts.joinNonBlank(", ", position, organisation);
  }
}
