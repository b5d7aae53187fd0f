package ru.nso.wg.roster;

import java.util.List;

/** The Camunda identity groups that make up the working group's roster and its staff. */
public final class RosterGroups {

  public static final String CHAIR = "wg-chair";
  public static final String DEPUTY_CHAIRS = "wg-deputy-chairs";
  /** The whole roster: chair, deputy chairs and members (§ 5); everyone in it votes and counts for quorum. */
  public static final String MEMBERS = "wg-members";
  public static final String SECRETARIAT = "wg-secretariat";
  public static final String INFO_POLICY = "wg-info-policy";
  public static final String ADMINS = "camunda-admin";
  /**
   * Analysts who change the models: deploy them through the REST API (checked, {@code deployment/ModelCheck}) and
   * move running meetings to a new version. Not in the roster.
   */
  public static final String ANALYSTS = "wg-analysts";

  /** Everyone who works in Tasklist. */
  public static final List<String> ALL_STAFF = List.of(CHAIR, DEPUTY_CHAIRS, MEMBERS, SECRETARIAT, INFO_POLICY);

  private RosterGroups() {
  }
}
