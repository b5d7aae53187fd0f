package ru.nso.wg.process.meeting;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Component;
import ru.nso.wg.common.Refusal;
import ru.nso.wg.document.MeetingDocuments;
import ru.nso.wg.document.MinutesSigning;
import ru.nso.wg.meeting.MeetingConduct;
import ru.nso.wg.process.FormTask;
import ru.nso.wg.process.FormValues;
import ru.nso.wg.process.MeetingProcess;

import static ru.nso.wg.process.MeetingProcess.Vars.MEETING_KEY;
import static ru.nso.wg.process.MeetingProcess.Vars.MINUTES_EDITION;
import static ru.nso.wg.process.MeetingProcess.Vars.MINUTES_SHA256;
import static ru.nso.wg.process.MeetingProcess.Vars.MINUTES_SIGNED;
import static ru.nso.wg.process.MeetingProcess.Vars.SIGNED_ON;
import static ru.nso.wg.process.MeetingProcess.Vars.SIGNING_TEXT;
import static ru.nso.wg.process.MeetingProcess.Vars.SIGN_DECISION;
import static ru.nso.wg.process.MeetingProcess.Vars.SIGN_REMARKS;

/**
 * § 18: the presiding person signs the minutes (frozen with SHA-256, with the verified electronic signature or the
 * scan of the paper original on file: {@link MinutesSigning}) or returns them with remarks.
 */
@Component("signMinutesListener")
public class SignMinutesListener extends FormTask {

  /** The choices of the signing form. */
  enum SignDecision { SIGN, RETURN }

  private final MeetingDocuments documents;
  private final MinutesSigning signing;
  private final MeetingConduct conduct;
  private final IdentityService identity;

  public SignMinutesListener(MeetingDocuments documents, MinutesSigning signing, MeetingConduct conduct,
                             IdentityService identity) {
    this.documents = documents;
    this.signing = signing;
    this.conduct = conduct;
    this.identity = identity;
  }

  /** The edition to be signed, the link to exactly it and the opinions filed so far. */
  @Override
  protected void prepare(DelegateTask task) {
    task.setVariables(MeetingProcess.minutesVariables(documents.minutesState(MEETING_KEY.get(task))));
    SIGNING_TEXT.set(task, signing.instructions(MEETING_KEY.get(task)));
  }

  /**
   * Signs the edition the form showed ({@code minutesEdition}, sent back by the form). An instance whose model had no
   * such field (started before it existed) never showed an edition: it signs the current one, as it linked it.
   */
  @Override
  protected void accept(DelegateTask task) {
    String key = MEETING_KEY.get(task);
    String actor = FormValues.currentUser(identity);
    SignDecision decision = FormValues.choice(SignDecision.class, SIGN_DECISION.find(task).orElse(null));
    if (decision == SignDecision.SIGN) {
      String editionRead = MINUTES_EDITION.find(task).orElseGet(() -> documents.minutesState(key).edition());
      MeetingDocuments.SignedMinutes signed = signing.sign(key, actor, editionRead);
      MINUTES_SHA256.set(task, signed.document().sha256());
      SIGNED_ON.set(task, signed.signing().signedOn());
      MeetingProcess.writeDueTexts(task, signed.signing().copiesDue());
      SIGN_REMARKS.set(task, null);
    } else if (decision == SignDecision.RETURN) {
      conduct.returnMinutes(key, SIGN_REMARKS.find(task).orElse(null), actor);
    } else {
      throw new Refusal("Выберите решение: подписать протокол или вернуть его на доработку");
    }
    MINUTES_SIGNED.set(task, decision == SignDecision.SIGN);
    SIGN_DECISION.set(task, null);
  }
}
