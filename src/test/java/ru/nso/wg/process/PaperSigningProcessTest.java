package ru.nso.wg.process;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;
import ru.nso.wg.document.DocumentStore;
import ru.nso.wg.document.MeetingDocuments;
import ru.nso.wg.document.MinutesSigning;
import ru.nso.wg.document.SignatureMark;
import ru.nso.wg.process.MeetingProcess.Elements;
import ru.nso.wg.signature.SignatureRecords;
import ru.nso.wg.signature.SigningMode;
import ru.nso.wg.signature.StoredSignature;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static ru.nso.wg.process.MeetingProcess.Vars.MINUTES_EDITION;
import static ru.nso.wg.process.MeetingProcess.Vars.SIGNING_TEXT;
import static ru.nso.wg.process.MeetingProcess.Vars.SIGN_DECISION;
import static ru.nso.wg.process.MeetingScenario.CHAIR;
import static ru.nso.wg.process.MeetingScenario.ROSTER;
import static ru.nso.wg.process.MeetingScenario.SECRETARY;

/**
 * § 18 on paper ({@code wg.signing.mode=paper}): the presiding person's «Подписать протокол» is accepted only once the
 * secretariat uploaded the scan of the signed original (a PDF by its content), so the copies, which follow the
 * signing, never go out before the scan exists; no electronic signature is taken.
 */
@TestPropertySource(properties = "wg.signing.mode=paper")
class PaperSigningProcessTest extends AbstractMeetingProcessTest {

  @Autowired MinutesSigning signing;
  @Autowired DocumentStore store;
  @Autowired MeetingDocuments documents;
  @Autowired SignatureRecords records;

  private void completeSigning() {
    Object shown = meeting.variable(Elements.SIGN_MINUTES, MINUTES_EDITION);
    meeting.complete(Elements.SIGN_MINUTES, CHAIR, Map.of(SIGN_DECISION.name(), "SIGN", MINUTES_EDITION.name(),
        shown));
  }

  @Test
  void signedOnPaperOnlyOnceTheScanOfTheSignedOriginalIsOnFile() {
    meeting.start(MEETING);
    meeting.prepareAndHold(1, MEETING);
    meeting.recordAttendance(TEN_PRESENT, List.of());
    meeting.vote(ROSTER.subList(0, 8), ROSTER.subList(8, 10), List.of());
    meeting.executeJob(Elements.GENERATE_MINUTES);
    meeting.finishMinutes();
    String key = meeting.key();
    assertThat(signing.mode()).isEqualTo(SigningMode.PAPER);
    assertThat((String) meeting.variable(Elements.SIGN_MINUTES, SIGNING_TEXT))
        .contains("Подписание на бумаге").contains("/api/meetings/" + key + "/minutes/scan/upload");

    assertThatThrownBy(this::completeSigning).hasMessageContaining("Скан подписанного на бумаге протокола ещё не "
        + "загружен");
    assertThat(meeting.instance).isWaitingAt(Elements.SIGN_MINUTES);
    // not a PDF, and no electronic signature on this path: refused, nothing kept
    assertThatThrownBy(() -> signing.uploadScan(key, "PK\u0003\u0004 not a pdf".getBytes(StandardCharsets.ISO_8859_1),
        SECRETARY)).hasMessageContaining("не является документом PDF");
    assertThatThrownBy(() -> signing.uploadSignature(key, new byte[] {0x30, 0x00}, CHAIR))
        .hasMessageContaining("подписываются на бумаге");
    assertThat(records.all(key)).isEmpty();

    StoredSignature scan = signing.uploadScan(key, MeetingScenario.SCAN, SECRETARY);
    assertThat(scan.sha256()).isEqualTo(DocumentStore.sha256(MeetingScenario.SCAN));
    completeSigning();

    assertThat(meeting.instance).hasPassed(Elements.SIGN_MINUTES);
    StoredSignature accepted = signing.accepted(key).orElseThrow();
    assertThat(accepted.method()).isEqualTo(SigningMode.PAPER);
    assertThat(accepted.uploadedBy()).isEqualTo(SECRETARY);
    // the scan is of the PDF/A of the signed edition, the form of record
    assertThat(accepted.signedDocumentId()).isEqualTo(documents.minutesToSign(key).id());
    assertThat(store.signedMinutes(key)).isPresent();
    SignatureMark mark = signing.mark(key).orElseThrow();
    assertThat(mark.paper()).isTrue();
    assertThat(mark.owner()).isEqualTo("Соколов Андрей Викторович");
    assertThat(mark.serialHex()).isNull();
  }
}
