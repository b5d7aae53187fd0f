package ru.nso.wg.process;

import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import ru.nso.wg.document.DocumentStore;
import ru.nso.wg.document.MeetingDocuments;
import ru.nso.wg.document.MinutesSigning;
import ru.nso.wg.document.SignatureMark;
import ru.nso.wg.meeting.MeetingStatus;
import ru.nso.wg.process.MeetingProcess.Elements;
import ru.nso.wg.signature.SignatureCheck;
import ru.nso.wg.signature.SignatureRecords;
import ru.nso.wg.signature.SignatureRefusal;
import ru.nso.wg.signature.SignatureSettings;
import ru.nso.wg.signature.SignerSnils;
import ru.nso.wg.signature.StoredSignature;
import ru.nso.wg.signature.TestSigning;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static ru.nso.wg.process.MeetingProcess.Vars.MINUTES_EDITION;
import static ru.nso.wg.process.MeetingProcess.Vars.MINUTES_SHA256;
import static ru.nso.wg.process.MeetingProcess.Vars.SIGNING_TEXT;
import static ru.nso.wg.process.MeetingProcess.Vars.SIGN_DECISION;
import static ru.nso.wg.process.MeetingScenario.CHAIR;
import static ru.nso.wg.process.MeetingScenario.ROSTER;

/**
 * § 18 with the electronic signature (the test profile's default path): the signing task is accepted only with a
 * verified detached signature of the current document by the presiding person on file; a bad one is refused at
 * upload and stores nothing, and the task stays open.
 */
class SignatureProcessTest extends AbstractMeetingProcessTest {

  static final String CHAIR_NAME = "Соколов Андрей Викторович";

  @Autowired MinutesSigning signing;
  @Autowired MeetingDocuments documents;
  @Autowired DocumentStore store;
  @Autowired SignatureRecords records;
  @Autowired SignatureSettings settings;
  @Autowired SignerSnils snils;

  private void toSigning() {
    meeting.start(MEETING);
    meeting.prepareAndHold(1, MEETING);
    meeting.recordAttendance(TEN_PRESENT, List.of());
    meeting.vote(ROSTER.subList(0, 8), ROSTER.subList(8, 10), List.of());
    meeting.executeJob(Elements.GENERATE_MINUTES);
    meeting.finishMinutes();
  }

  private byte[] signatureBy(String fullName, String snilsOfCertificate, byte[] document) {
    return TestSigning.sign(settings, fullName, snilsOfCertificate, document, ClockUtil.getCurrentTime().toInstant());
  }

  private void completeSigning() {
    Object shown = meeting.variable(Elements.SIGN_MINUTES, MINUTES_EDITION);
    meeting.complete(Elements.SIGN_MINUTES, CHAIR, Map.of(SIGN_DECISION.name(), "SIGN", MINUTES_EDITION.name(),
        shown));
  }

  private static void refusedAt(Runnable upload, SignatureCheck check) {
    assertThatThrownBy(upload::run).isInstanceOfSatisfying(SignatureRefusal.class,
        refusal -> assertThat(refusal.check()).isEqualTo(check));
  }

  @Test
  void theMeetingIsSignedWithAnUploadedVerifiedSignatureAndABadOneLeavesTheTaskOpenAndNothingStored() {
    toSigning();
    String key = meeting.key();
    assertThat((String) meeting.variable(Elements.SIGN_MINUTES, SIGNING_TEXT))
        .contains("/api/meetings/" + key + "/minutes-to-sign").contains("/minutes/signature/upload");
    byte[] toSign = documents.minutesToSign(key).content();

    // no signature on file: the task stays open, nothing is signed
    assertThatThrownBy(this::completeSigning).hasMessageContaining("Протокол не подписан электронной подписью");
    assertThat(meeting.instance).isWaitingAt(Elements.SIGN_MINUTES);

    // bad signatures are refused at upload and leave nothing
    refusedAt(() -> signing.uploadSignature(key, signatureBy("Лебедева Ольга Николаевна", null, toSign), CHAIR),
        SignatureCheck.OWNER);
    refusedAt(() -> signing.uploadSignature(key, signatureBy(CHAIR_NAME, null,
        "другой документ".getBytes(StandardCharsets.UTF_8)), CHAIR), SignatureCheck.DIGEST);
    refusedAt(() -> signing.uploadSignature(key, "не подпись".getBytes(StandardCharsets.UTF_8), CHAIR),
        SignatureCheck.FORMAT);
    // only the presiding person uploads the signature
    byte[] good = signatureBy(CHAIR_NAME, null, toSign);
    assertThatThrownBy(() -> signing.uploadSignature(key, good, ROSTER.get(1)))
        .hasMessageContaining("Только председательствующий");
    assertThat(records.all(key)).isEmpty();
    assertThatThrownBy(this::completeSigning).hasMessageContaining("Протокол не подписан электронной подписью");
    assertThat(store.signedMinutes(key)).isEmpty();
    assertThat(record.get(key).status()).isNotEqualTo(MeetingStatus.MINUTES_SIGNED);

    StoredSignature uploaded = signing.uploadSignature(key, good, CHAIR);
    assertThat(uploaded.owner()).isEqualTo(CHAIR_NAME);
    assertThat(uploaded.ownerMatch()).isEqualTo("NAME");
    assertThat(uploaded.accepted()).isFalse();
    completeSigning();

    assertThat(meeting.instance).hasPassed(Elements.SIGN_MINUTES);
    // the form of record is the PDF/A that was signed; the DOCX of that edition is frozen beside it
    var signed = documents.minutesToSign(key);
    assertThat(signed.content()).isEqualTo(toSign);
    assertThat(store.signedMinutes(key)).isPresent();
    StoredSignature accepted = signing.accepted(key).orElseThrow();
    assertThat(accepted.signedDocumentId()).isEqualTo(signed.id());
    assertThat(accepted.content()).isEqualTo(good);
    assertThat(accepted.sha256()).isEqualTo(DocumentStore.sha256(good));
    assertThat(accepted.acceptedBy()).isEqualTo(CHAIR);
    assertThat(accepted.documentSha256()).isEqualTo(signed.sha256());
    SignatureMark mark = signing.mark(key).orElseThrow();
    assertThat(mark.paper()).isFalse();
    assertThat(mark.owner()).isEqualTo(CHAIR_NAME);
    assertThat(mark.serialHex()).isEqualTo(uploaded.serialHex());
    assertThat(mark.validFrom()).isBefore(mark.validTo());
    assertThat(engine.getRuntimeService().getVariable(meeting.instance.getId(), MINUTES_SHA256.name()))
        .isEqualTo(signed.sha256());
    // after signing, no further signature is taken
    assertThatThrownBy(() -> signing.uploadSignature(key, good, CHAIR)).hasMessageContaining("уже подписан");
  }

  @Test
  void aSignatureOfAnEditionTheMinutesNoLongerHaveIsNotAcceptedAndTheSnilsDecidesWhenConfigured() {
    toSigning();
    String key = meeting.key();
    signing.uploadSignature(key, signatureBy(CHAIR_NAME, null, documents.minutesToSign(key).content()), CHAIR);
    // a dissenting opinion makes a new edition: the signature on file is of the old one
    meeting.fileDissent(ROSTER.get(8), 1, "Решение преждевременно: нужна оценка затрат на внедрение");
    assertThatThrownBy(this::completeSigning).hasMessageContaining("Протокол не подписан электронной подписью");
    assertThat(store.signedMinutes(key)).isEmpty();
    assertThat(records.all(key)).hasSize(1).allSatisfy(s -> assertThat(s.accepted()).isFalse());

    // with a SNILS configured for the chair, a certificate with the right name but without it is refused
    snils.set(CHAIR, "112-233-445 95", "admin", Instant.now());
    try {
      byte[] current = documents.minutesToSign(key).content();
      refusedAt(() -> signing.uploadSignature(key, signatureBy(CHAIR_NAME, null, current), CHAIR),
          SignatureCheck.OWNER);
      StoredSignature bySnils = signing.uploadSignature(key, signatureBy(CHAIR_NAME, "11223344595", current), CHAIR);
      assertThat(bySnils.ownerMatch()).isEqualTo("SNILS");
      meeting.sign(CHAIR);
      assertThat(signing.accepted(key).orElseThrow().snils()).isEqualTo("11223344595");
    } finally {
      snils.set(CHAIR, null, "admin", Instant.now());
    }
  }
}
