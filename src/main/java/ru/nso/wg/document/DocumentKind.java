package ru.nso.wg.document;

/** Kinds of stored meeting documents. */
public enum DocumentKind {
  /** The agenda (повестка), generated. */
  AGENDA,
  /** A draft of the minutes generated from the meeting record (§ 18). */
  MINUTES_DRAFT,
  /** The minutes as edited and uploaded by the secretariat. */
  MINUTES_UPLOADED,
  /** The minutes as signed by the presiding person: frozen, at most one per meeting. */
  MINUTES_SIGNED,
  /** A speaker's material for an agenda item (§ 13), uploaded; its item in {@code wg_material}. */
  MATERIAL
}
