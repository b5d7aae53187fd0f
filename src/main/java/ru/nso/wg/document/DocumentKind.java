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
  MATERIAL,
  /** The approved agenda as PDF/A, made with the agenda DOCX of the same version. */
  AGENDA_PDF,
  /** The PDF/A of one edition of the minutes (a draft or an upload): the document the presiding person signs. */
  MINUTES_PDF,
  /** The certified copy of the signed minutes (§ 19): PDF/A with «Верно» and the mark of the signature. */
  MINUTES_COPY,
  /** The public version of the signed minutes for the website (§ 19), PDF/A. */
  PUBLIC_PDF,
  /** The public version of the signed minutes for the website (§ 19), HTML ready to paste. */
  PUBLIC_HTML;

  /** The editable minutes (DOCX): drafts, uploads and the signed DOCX. */
  public boolean isMinutesDocx() {
    return this == MINUTES_DRAFT || this == MINUTES_UPLOADED || this == MINUTES_SIGNED;
  }
}
