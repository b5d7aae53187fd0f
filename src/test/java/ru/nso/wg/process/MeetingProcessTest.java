package ru.nso.wg.process;

import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.community.process_test_coverage.junit5.platform7.ProcessEngineCoverageExtension;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import ru.nso.wg.calendar.DeadlineKind;
import ru.nso.wg.document.DocumentKind;
import ru.nso.wg.document.DocumentStore;
import ru.nso.wg.document.Fixtures;
import ru.nso.wg.document.MeetingDocuments;
import ru.nso.wg.document.StoredDocument;
import ru.nso.wg.materials.SpeakerMaterials;
import ru.nso.wg.meeting.DeadlineOutcome;
import ru.nso.wg.notification.Delivery;
import ru.nso.wg.notification.Recipient;
import ru.nso.wg.meeting.MeetingData.DeadlineEvent;
import ru.nso.wg.meeting.MeetingEventKind;
import ru.nso.wg.meeting.MeetingStatus;
import ru.nso.wg.meeting.rules.Decision;
import ru.nso.wg.meeting.rules.DecisionRule;
import ru.nso.wg.process.MeetingProcess.Elements;
import ru.nso.wg.replies.AttendanceReplies;
import ru.nso.wg.replies.ReplyAnswer;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static ru.nso.wg.process.MeetingProcess.Vars.*;
import static ru.nso.wg.process.MeetingScenario.CHAIR;
import static ru.nso.wg.process.MeetingScenario.DEPUTY;
import static ru.nso.wg.process.MeetingScenario.INFO_POLICY;
import static ru.nso.wg.process.MeetingScenario.ROSTER;
import static ru.nso.wg.process.MeetingScenario.SECRETARY;
import static ru.nso.wg.process.MeetingScenario.clockAt;

/**
 * The meeting process (bpmn/wg-meeting.bpmn) on the real application, job executor off, timers fired by moving
 * the engine clock. "Today" is Monday 30.11.2026; the meeting is on Wednesday 16.12.2026 at 14:30
 * (Novosibirsk), so by the production calendar: § 13 → 09.12 18:00, § 14 → 11.12 18:00, § 18 → 23.12 18:00,
 * and minutes signed on 23.12 → § 19 → 28.12 18:00.
 */
@Import(ProcessCoverageConfiguration.class)
class MeetingProcessTest extends AbstractMeetingProcessTest {

  @RegisterExtension
  @Order(2)
  static ProcessEngineCoverageExtension coverage = ProcessEngineCoverageExtension
      // the configuration is only a placeholder: the engine measured is Spring Boot's (SpringEngineForCoverage)
      .builder(SpringEngineForCoverage.placeholder("meeting"))
      .assertClassCoverageAtLeast(0.9)
      .excludeProcessDefinitionKeys(ProcessKeys.POSTPONE, ProcessKeys.CANCEL, ProcessKeys.DISSENT,
          ProcessKeys.DECISION_CONTROL,
          ModelMigrationProcess.KEY)
      .build();

  @RegisterExtension
  @Order(1)
  static SpringEngineForCoverage springEngine = new SpringEngineForCoverage(coverage);

  @Autowired DocumentStore documents;
  @Autowired MeetingDocuments minutes;
  @Autowired Delivery delivery;
  @Autowired AttendanceReplies replies;
  @Autowired SpeakerMaterials speakerMaterials;

  /**
   * Issue 16, point 2, along the model: the speakers of two items are asked (an outside speaker by link, a member by
   * a task), the member uploads and completes, the outside speaker is reminded and misses the deadline (07.12.2026
   * 18:00, 2 working days before § 13's): only that item is marked, and the agenda is approved as usual.
   * (MaterialsProcessTest follows the links over HTTP.)
   */
  @Test
  void speakersAreAskedForMaterialsRemindedAndAMissedDeadlineMarksOnlyTheirItem() {
    meeting.start(MEETING);
    meeting.confirmChairPresides();
    meeting.complete(Elements.PREPARE_AGENDA, SECRETARY, Map.of(AGENDA_ITEMS.name(), MeetingScenario.json("["
        + "{\"title\":\"Вопрос 1 о стандарте\",\"itemType\":\"STANDARD\",\"speaker\":\"Иванов И.И.\","
        + "\"speakerContact\":\"ivanov@example.org\",\"area\":\"wg-area-coordination\"},"
        + "{\"title\":\"Вопрос 2 о реестре\",\"itemType\":\"STANDARD\",\"speaker\":\"Васильев В.В.\","
        + "\"speakerContact\":\"vasiliev\",\"area\":\"wg-area-coordination\"}]")));
    engine.getManagementService().createJobQuery().processInstanceId(meeting.instance.getId())
        .activityId(Elements.REQUEST_MATERIALS).list()
        .forEach(job -> engine.getManagementService().executeJob(job.getId()));
    assertThat(meeting.task(Elements.SUBMIT_MATERIALS).getAssignee()).isEqualTo("vasiliev");
    speakerMaterials.uploadAsMember(meeting.key(), 2, "Реестр.pdf",
        "%PDF-1.7\n%%EOF\n".getBytes(StandardCharsets.US_ASCII), "vasiliev");
    meeting.complete(Elements.SUBMIT_MATERIALS, "vasiliev", Map.of());

    clockAt("2026-12-04T10:00+07:00");
    meeting.executeJob(Elements.MATERIALS_REMINDER);
    meeting.executeJob(Elements.REMIND_MATERIALS);
    clockAt("2026-12-07T18:00:01+07:00");
    meeting.executeJob(Elements.MATERIALS_DEADLINE);
    meeting.executeJob(Elements.MATERIALS_DEADLINE_PASSED);

    assertThat(speakerMaterials.request(meeting.key(), 1).orElseThrow().missedAt()).isNotNull();
    assertThat(speakerMaterials.request(meeting.key(), 2).orElseThrow().missedAt()).isNull();
    meeting.approveAgenda(CHAIR);
    assertThat(meeting.task(Elements.DISTRIBUTE_AGENDA)).isNotNull();
  }

  @Test
  void wholeMeetingFromDecisionToPublishedMinutes() {
    meeting.start(MEETING);
    assertThat(meeting.instance).isWaitingAt(Elements.CONFIRM_MEETING);
    String key = meeting.key();
    assertThat(key).matches("2026-\\d+");

    meeting.confirmChairPresides();
    assertThat(meeting.task(Elements.PREPARE_AGENDA).getDueDate()).isEqualTo(at("2026-12-09T18:00+07:00"));
    assertThat(meeting.task(Elements.PREPARE_AGENDA).getFollowUpDate()).isEqualTo(at("2026-12-08T18:00+07:00"));
    meeting.prepareAgenda(3);
    assertThat(meeting.task(Elements.APPROVE_AGENDA).getAssignee()).isEqualTo(CHAIR);
    meeting.approveAgenda(CHAIR);
    assertThat(documents.latest(key, DocumentKind.AGENDA)).isPresent();
    assertThat(meeting.task(Elements.DISTRIBUTE_AGENDA).getDueDate()).isEqualTo(at("2026-12-11T18:00+07:00"));
    meeting.distributeAgenda();
    meeting.executeJob(Elements.SEND_AGENDA);
    assertThat(meeting.instance).isWaitingAt(Elements.MEETING_TIME);
    assertThat(record.get(key).status()).isEqualTo(MeetingStatus.AGENDA_SENT);

    clockAt("2026-12-16T14:29+07:00");
    assertThat(meeting.timerDue(Elements.MEETING_TIME)).isFalse();
    clockAt(MEETING);
    meeting.executeJob(Elements.MEETING_TIME);

    // 9 in the room, 1 by ВКС: 10 of 15 — quorate (§ 15)
    meeting.recordAttendance(TEN_PRESENT.subList(0, 9), TEN_PRESENT.subList(9, 10));
    assertThat(meeting.instance).isWaitingAt(Elements.RECORD_VOTE);
    // the secretary the minutes name is recorded: whoever registered the attendance
    assertThat(record.get(key).secretaryUserId()).isEqualTo(SECRETARY);
    // item 1: adopted by majority
    meeting.vote(ROSTER.subList(0, 8), List.of(ROSTER.get(8)), List.of(ROSTER.get(9)));
    // item 2: rejected by majority
    meeting.vote(ROSTER.subList(0, 2), ROSTER.subList(2, 9), List.of(ROSTER.get(9)));
    // item 3: pure tie 5:5, the presiding person (the chair) voted for → adopted by the casting vote
    meeting.vote(ROSTER.subList(0, 5), ROSTER.subList(5, 10), List.of(), List.of(),
        Map.of(HAS_INSTRUCTION.name(), true, EXECUTOR.name(), "kuznetsova",
            INSTRUCTION_DUE.name(), "2027-03-01", CONTROL_AREA.name(), "wg-area-digital"));
    assertThat(decision(1).rule()).isEqualTo(DecisionRule.MAJORITY);
    assertThat(decision(1).outcome()).isEqualTo(Decision.ADOPTED);
    assertThat(decision(2).outcome()).isEqualTo(Decision.REJECTED);
    assertThat(decision(3).rule()).isEqualTo(DecisionRule.CASTING_VOTE);
    assertThat(decision(3).outcome()).isEqualTo(Decision.ADOPTED);
    assertThat(decision(3).executor()).startsWith("Кузнецова Елена Игоревна");
    assertThat(decision(3).executorId()).isEqualTo("kuznetsova");

    meeting.executeJob(Elements.GENERATE_MINUTES);
    assertThat(meeting.task(Elements.DRAFT_MINUTES).getDueDate()).isEqualTo(at("2026-12-23T18:00+07:00"));
    // § 17: a member who voted against item 2 files a dissenting opinion before signing
    meeting.fileDissent(ROSTER.get(0), 2, "Считаю, что проект следовало одобрить: доводы докладчика убедительны.");
    assertThat(record.dissents(key)).hasSize(1);

    clockAt("2026-12-23T10:00+07:00");
    meeting.finishMinutes();
    assertThat(meeting.task(Elements.SIGN_MINUTES).getAssignee()).isEqualTo(CHAIR);
    meeting.sign(CHAIR);
    assertThat(documents.signedMinutes(key)).isPresent();
    assertThat(documents.verify(key).intact()).isTrue();
    assertThat(record.get(key).status()).isEqualTo(MeetingStatus.MINUTES_SIGNED);
    assertThat(record.get(key).signedOn()).isEqualTo(LocalDate.of(2026, 12, 23));
    assertThat(engine.getRuntimeService().getVariable(meeting.instance.getId(), MINUTES_SHA256.name()))
        .isEqualTo(minutes.minutesToSign(key).sha256());
    meeting.executeJob(Elements.START_DECISION_CONTROL);

    meeting.executeJob(Elements.SEND_MINUTES_COPIES);
    meeting.executeJob(Elements.REQUEST_PUBLICATION);
    meeting.executeJob(Elements.RECORD_MINUTES_DISTRIBUTED); // § 19 met: copies and request went out on 23.12
    // the publication's service level: 2 working days after the request (not § 19's 28.12)
    assertThat(meeting.task(Elements.PUBLISH_MEETING_INFO).getDueDate()).isEqualTo(at("2026-12-25T18:00+07:00"));
    // the information-policy department may read its task, not the meeting: the task carries its list columns
    String publishTask = meeting.task(Elements.PUBLISH_MEETING_INFO).getId();
    assertThat(meeting.as(INFO_POLICY, () -> engine.getTaskService().getVariablesLocal(publishTask)))
        .containsEntry(MEETING_DATE.name(), "2026-12-16").containsKey(MEETING_NUMBER.name());
    meeting.complete(Elements.PUBLISH_MEETING_INFO, INFO_POLICY,
        Map.of(PUBLICATION_URL.name(), "https://www.nso.ru/news/2026-12-wg"));
    assertThat(meeting.instance).isEnded().hasPassed(Elements.END);
    assertThat(record.get(key).status()).isEqualTo(MeetingStatus.PUBLISHED);
    assertThat(record.deadlineEvents(key)).extracting(DeadlineEvent::outcome).containsOnly(DeadlineOutcome.MET);
    assertThat(record.deadlineEvents(key)).extracting(DeadlineEvent::kind)
        .contains(DeadlineKind.AGENDA_TO_CHAIR, DeadlineKind.AGENDA_DISTRIBUTION, DeadlineKind.MINUTES_DUE,
            DeadlineKind.MINUTES_COPIES_DUE);
  }

  @Test
  void agendaReturnedWithRemarksGoesBackToTheSecretariat() {
    meeting.start(MEETING);
    meeting.confirmChairPresides();
    meeting.prepareAgenda(1);
    assertThatThrownBy(() -> meeting.complete(Elements.APPROVE_AGENDA, CHAIR, Map.of(AGENDA_DECISION.name(), "RETURN")))
        .hasMessageContaining("Укажите замечания");
    meeting.complete(Elements.APPROVE_AGENDA, CHAIR,
        Map.of(AGENDA_DECISION.name(), "RETURN", AGENDA_REMARKS.name(), "Добавьте вопрос о медиаплане"));
    assertThat(meeting.instance).isWaitingAt(Elements.PREPARE_AGENDA);
    meeting.prepareAgenda(2);
    meeting.approveAgenda(CHAIR);
    assertThat(meeting.instance).isWaitingAt(Elements.DISTRIBUTE_AGENDA);
    assertThat(record.agenda(meeting.key())).hasSize(2);
  }

  @Test
  void noQuorumRecordsTheMeetingAsNotHeldAndAsksForANewDateKeepingTheAgenda() {
    meeting.start(MEETING);
    meeting.prepareAndHold(2, MEETING);
    meeting.recordAttendance(ROSTER.subList(0, 7), List.of()); // 7 of 15: 2 × 7 < 15
    meeting.executeJob(Elements.RECORD_NOT_HELD);
    assertThat(meeting.instance).isWaitingAt(Elements.CONFIRM_MEETING);
    assertThat(record.get(meeting.key()).status()).isEqualTo(MeetingStatus.NOT_HELD);
    assertThat(record.agenda(meeting.key())).hasSize(2);

    // the chair sets a new date; the agenda comes back pre-filled, the next sitting has quorum
    clockAt("2026-12-17T09:00+07:00");
    meeting.complete(Elements.CONFIRM_MEETING, CHAIR,
        Map.of(PRESIDING_MODE.name(), "SELF", MEETING_START.name(), "2027-01-20T11:00+07:00"));
    assertThat(engine.getRuntimeService().getVariable(meeting.instance.getId(), AGENDA_ITEMS.name())).isNotNull();
    meeting.complete(Elements.PREPARE_AGENDA, SECRETARY, Map.of());
    meeting.approveAgenda(CHAIR);
    meeting.distributeAgenda();
    meeting.executeJob(Elements.SEND_AGENDA);
    clockAt("2027-01-20T11:00+07:00");
    meeting.executeJob(Elements.MEETING_TIME);
    meeting.recordAttendance(ROSTER.subList(0, 8), List.of()); // 8 of 15: quorate
    assertThat(meeting.instance).isWaitingAt(Elements.RECORD_VOTE);
  }

  @Test
  void quorumLostDuringTheMeetingStopsDecisionsOnTheRemainingItems() {
    meeting.start(MEETING);
    meeting.prepareAndHold(2, MEETING);
    meeting.recordAttendance(ROSTER.subList(0, 8), List.of()); // exactly quorate
    meeting.vote(ROSTER.subList(0, 8), List.of(), List.of());
    // before item 2 a member leaves: 7 of 15, no quorum — votes are refused, nothing saved
    assertThatThrownBy(() -> meeting.vote(ROSTER.subList(0, 7), List.of(), List.of(), List.of(ROSTER.get(7)), Map.of()))
        .hasMessageContaining("кворум");
    assertThat(record.decisions(meeting.key())).hasSize(1);
    meeting.vote(List.of(), List.of(), List.of(), List.of(ROSTER.get(7)),
        Map.of(DECISION_TEXT.name(), "Рассмотрение вопроса перенесено: нет кворума"));
    assertThat(decision(2).rule()).isEqualTo(DecisionRule.NO_QUORUM);
    assertThat(decision(2).present()).isEqualTo(7);
    assertThat(meeting.instance).isWaitingAt(Elements.GENERATE_MINUTES);
  }

  @Test
  void tieWithThePresidingPersonAgainstIsRejectedByTheCastingVote() {
    meeting.start(MEETING);
    meeting.prepareAndHold(1, MEETING);
    meeting.recordAttendance(TEN_PRESENT, List.of());
    meeting.vote(ROSTER.subList(1, 6),
        List.of(ROSTER.get(0), ROSTER.get(6), ROSTER.get(7), ROSTER.get(8), ROSTER.get(9)), List.of());
    assertThat(decision(1).rule()).isEqualTo(DecisionRule.CASTING_VOTE);
    assertThat(decision(1).outcome()).isEqualTo(Decision.REJECTED);
  }

  @Test
  void tieWithAbstentionsIsConfirmedByThePresidingPerson() {
    meeting.start(MEETING);
    meeting.prepareAndHold(1, MEETING);
    meeting.recordAttendance(TEN_PRESENT, List.of());
    meeting.vote(ROSTER.subList(0, 4), ROSTER.subList(4, 8), ROSTER.subList(8, 10)); // 4 : 4 : 2
    assertThat(meeting.instance).isWaitingAt(Elements.CONFIRM_OUTCOME);
    assertThat(meeting.task(Elements.CONFIRM_OUTCOME).getAssignee()).isEqualTo(CHAIR);
    // the task is the presiding person's: the engine refuses anyone else
    assertThatThrownBy(() -> meeting.complete(Elements.CONFIRM_OUTCOME, SECRETARY,
        Map.of(CONFIRMED_OUTCOME.name(), "ADOPTED")))
        .isInstanceOf(AuthorizationException.class);
    meeting.complete(Elements.CONFIRM_OUTCOME, CHAIR, Map.of(CONFIRMED_OUTCOME.name(), "ADOPTED"));
    assertThat(decision(1).rule()).isEqualTo(DecisionRule.CONFIRMED_BY_PRESIDING);
    assertThat(decision(1).outcome()).isEqualTo(Decision.ADOPTED);
    assertThat(decision(1).confirmedBy()).isEqualTo(CHAIR);
    assertThat(meeting.instance).isWaitingAt(Elements.GENERATE_MINUTES);
  }

  @Test
  void aDeputyPresidesOnTheChairsInstruction() {
    meeting.start(MEETING);
    meeting.complete(Elements.CONFIRM_MEETING, CHAIR, Map.of(PRESIDING_MODE.name(), "DEPUTY",
        PRESIDING_DEPUTY.name(), DEPUTY, PRESIDING_INSTRUCTION.name(), "поручение от 01.12.2026 № 15"));
    assertThat(record.get(meeting.key()).presidingUserId()).isEqualTo(DEPUTY);
    assertThat(record.get(meeting.key()).presidingInstruction()).contains("по поручению председателя", "№ 15");
    meeting.prepareAgenda(1);
    assertThat(meeting.task(Elements.APPROVE_AGENDA).getAssignee()).isEqualTo(DEPUTY);
    meeting.approveAgenda(DEPUTY);
    meeting.distributeAgenda();
    meeting.executeJob(Elements.SEND_AGENDA);
    clockAt(MEETING);
    meeting.executeJob(Elements.MEETING_TIME);
    meeting.recordAttendance(ROSTER.subList(1, 11), List.of()); // the chair is absent
    // pure tie: the deputy presiding voted for → adopted by the casting vote
    meeting.vote(List.of("morozov", "lebedeva", "kuznetsova", "vasiliev", "novikova"),
        List.of("fedorov", "pavlova", "semenov", "golubeva", "vinogradov"), List.of());
    assertThat(decision(1).rule()).isEqualTo(DecisionRule.CASTING_VOTE);
    assertThat(decision(1).outcome()).isEqualTo(Decision.ADOPTED);
    meeting.executeJob(Elements.GENERATE_MINUTES);
    meeting.finishMinutes();
    assertThat(meeting.task(Elements.SIGN_MINUTES).getAssignee()).isEqualTo(DEPUTY);
    assertThatThrownBy(() -> meeting.sign(CHAIR)).isInstanceOf(AuthorizationException.class);
    Task signing = meeting.task(Elements.SIGN_MINUTES);
    assertThatThrownBy(() -> meeting.as("admin", () -> engine.getFormService().submitTaskForm(signing.getId(),
        Map.of(SIGN_DECISION.name(), "SIGN")))).hasMessageContaining("Только председательствующий");
    assertThat(documents.signedMinutes(meeting.key())).isEmpty();
    meeting.sign(DEPUTY);
    assertThat(documents.signedMinutes(meeting.key())).isPresent();
  }

  @Test
  void minutesReturnedWithRemarksAndDissentingOpinionsCloseAtSigning() {
    holdOneItemAdoptedEightToTwo();
    meeting.executeJob(Elements.GENERATE_MINUTES);
    // only members who took part may file a dissenting opinion
    assertThatThrownBy(() -> meeting.fileDissent("makarov", 1, "Не согласен с решением по первому вопросу повестки"))
        .hasMessageContaining("участвовавший");
    assertThatThrownBy(() -> meeting.fileDissent(ROSTER.get(8), 5, "Не согласен с решением по пятому вопросу"))
        .hasMessageContaining("нет решения");
    meeting.finishMinutes();
    meeting.complete(Elements.SIGN_MINUTES, CHAIR,
        Map.of(SIGN_DECISION.name(), "RETURN", SIGN_REMARKS.name(), "Уточните формулировку решения"));
    assertThat(meeting.instance).isWaitingAt(Elements.DRAFT_MINUTES);
    meeting.fileDissent(ROSTER.get(8), 1, "Решение преждевременно: нужна оценка затрат на внедрение");
    meeting.finishMinutes();
    meeting.sign(CHAIR);
    assertThatThrownBy(() -> meeting.fileDissent(ROSTER.get(9), 1, "Не согласна с принятым решением по вопросу"))
        .hasMessageContaining("уже подписан");
    assertThat(record.dissents(meeting.key())).hasSize(1);
  }

  @Test
  void aDissentingOpinionFiledAfterTheDraftMakesANewDraftAndIsInTheSignedMinutes() {
    holdOneItemAdoptedEightToTwo();
    meeting.executeJob(Elements.GENERATE_MINUTES);
    String key = meeting.key();
    StoredDocument firstDraft = documents.currentMinutes(key).orElseThrow();
    String firstEdition = (String) meeting.variable(Elements.DRAFT_MINUTES, MINUTES_EDITION);
    assertThat(firstEdition).startsWith("проект протокола, редакция 1 от ");
    assertThat(firstDraft.fileName()).isEqualTo("Проект протокола № " + meeting.ref().replace('/', '-')
        + ", редакция 1.docx");

    String opinion = "Решение преждевременно: нужна оценка затрат на внедрение";
    ProcessInstance filed = meeting.fileDissent(ROSTER.get(8), 1, opinion);

    // § 17: a new draft at once, with the opinion, and the secretariat's task shows it
    StoredDocument secondDraft = documents.currentMinutes(key).orElseThrow();
    assertThat(secondDraft.kind()).isEqualTo(DocumentKind.MINUTES_DRAFT);
    assertThat(secondDraft.version()).isEqualTo(2);
    assertThat(Fixtures.docxText(secondDraft.content())).contains(opinion);
    assertThat((String) meeting.variable(Elements.DRAFT_MINUTES, MINUTES_EDITION))
        .startsWith("проект протокола, редакция 2 от ");
    assertThat((String) meeting.variable(Elements.DRAFT_MINUTES, MINUTES_OPINIONS)).contains("вопрос № 1")
        .contains("Решение преждевременно: нужна оценка затрат на внедрение");
    assertThat((String) meeting.variable(Elements.DRAFT_MINUTES, MINUTES_DOCUMENT))
        .isEqualTo(Long.toString(secondDraft.id()));
    // and the secretariat is told by mail, by a job of the opinion's own process
    engine.getManagementService().executeJob(engine.getManagementService().createJobQuery()
        .processInstanceId(filed.getId()).activityId("Task_NotifySecretariat").singleResult().getId());
    assertThat(delivery.deliveredTo(key, List.of("dissent#"))).extracting(Recipient::email).contains(engine
        .getIdentityService().createUserQuery().userId(MeetingScenario.SECRETARY).singleResult().getEmail());

    // an edit made from the first draft is stale: refused, naming the opinion that came in after it
    assertThatThrownBy(() -> minutes.upload(key, firstDraft.content(), null, MeetingScenario.SECRETARY))
        .hasMessageContaining("Проект устарел").hasMessageContaining("редакция 2")
        .hasMessageContaining(record.dissents(key).get(0).fullName());
    assertThat(documents.latest(key, DocumentKind.MINUTES_UPLOADED)).isEmpty();

    // the presiding person signs exactly the edition the form showed: an edition no longer current is refused
    meeting.finishMinutes();
    assertThatThrownBy(() -> meeting.complete(Elements.SIGN_MINUTES, CHAIR,
        Map.of(SIGN_DECISION.name(), "SIGN", MINUTES_EDITION.name(), firstEdition)))
        .hasMessageContaining("протокол изменился").hasMessageContaining("редакция 2");
    assertThat(documents.signedMinutes(key)).isEmpty();
    meeting.sign(CHAIR);

    StoredDocument signed = documents.signedMinutes(key).orElseThrow();
    assertThat(signed.content()).isEqualTo(secondDraft.content());
    assertThat(Fixtures.docxText(signed.content())).contains(opinion);
    assertThat(signed.fileName()).isEqualTo("Протокол № " + meeting.ref().replace('/', '-') + " от 16.12.2026.docx");
  }

  @Test
  void anEditMadeFromTheLatestDraftIsSignedAsUploadedAndNamesItsDraft() {
    holdOneItemAdoptedEightToTwo();
    meeting.executeJob(Elements.GENERATE_MINUTES);
    String key = meeting.key();
    byte[] draft = documents.currentMinutes(key).orElseThrow().content();

    StoredDocument edit = minutes.upload(key, draft, null, MeetingScenario.SECRETARY);
    assertThat(edit.basedOnVersion()).isEqualTo(1);
    assertThat((String) meeting.variable(Elements.DRAFT_MINUTES, MINUTES_EDITION))
        .startsWith("редакция секретариата 1 от ");
    // a file that does not say which draft it was made from needs the version stated
    byte[] unmarked = Fixtures.unmarked(draft);
    assertThatThrownBy(() -> minutes.upload(key, unmarked, null, MeetingScenario.SECRETARY))
        .hasMessageContaining("из какой редакции проекта");
    assertThat(minutes.upload(key, unmarked, 1, MeetingScenario.SECRETARY).version()).isEqualTo(2);
    assertThatThrownBy(() -> minutes.upload(key, unmarked, 7, MeetingScenario.SECRETARY))
        .hasMessageContaining("Проекта протокола в редакции 7 нет");

    meeting.finishMinutes();
    meeting.sign(CHAIR);
    assertThat(documents.signedMinutes(key).orElseThrow().content()).isEqualTo(unmarked);
  }

  @Test
  void namesInTheMinutesAreFrozenWhenTheAttendanceIsRegistered() {
    holdOneItemAdoptedEightToTwo();
    String key = meeting.key();
    Map<String, String> before = Map.of(CHAIR, fullName(CHAIR), MeetingScenario.SECRETARY,
        fullName(MeetingScenario.SECRETARY), ROSTER.get(8), fullName(ROSTER.get(8)));
    try {
      before.keySet().forEach(id -> rename(id, "Подменный", "Самозванец " + id));
      meeting.fileDissent(ROSTER.get(8), 1, "Решение преждевременно: нужна оценка затрат на внедрение");
      meeting.executeJob(Elements.GENERATE_MINUTES);

      String text = Fixtures.docxText(documents.currentMinutes(key).orElseThrow().content());
      assertThat(text).doesNotContain("Самозванец");
      before.values().forEach(name -> assertThat(text).contains(name));
    } finally {
      before.forEach((id, name) -> rename(id, name.substring(name.indexOf(' ') + 1), name.substring(0,
          name.indexOf(' '))));
    }
  }

  @Test
  void theMinutesKeepTheLinesOfADecisionAndDoNotRepeatItInItsInstruction() {
    meeting.start(MEETING);
    meeting.prepareAndHold(1, MEETING);
    meeting.recordAttendance(TEN_PRESENT, List.of());
    String decision = "1. Утвердить план мероприятий на 2027 год.\n2. Поручить минцифры подготовить график.";
    meeting.vote(ROSTER.subList(0, 8), ROSTER.subList(8, 10), List.of(), List.of(), Map.of(
        DECISION_TEXT.name(), decision, HAS_INSTRUCTION.name(), true, EXECUTOR.name(), "vasiliev",
        INSTRUCTION_DUE.name(), "2027-03-01", CONTROL_AREA.name(), "wg-area-digital"));
    meeting.executeJob(Elements.GENERATE_MINUTES);

    String text = Fixtures.docxText(documents.currentMinutes(meeting.key()).orElseThrow().content());
    assertThat(text).contains(decision);
    assertThat(text).containsOnlyOnce("Поручить минцифры подготовить график");
    assertThat(text).contains("1.1. Исполнитель: Васильев Павел Андреевич");
  }

  /** A meeting of one item held with ten present, the item adopted 8 : 2 (ROSTER 8 and 9 against). */
  private void holdOneItemAdoptedEightToTwo() {
    meeting.start(MEETING);
    meeting.prepareAndHold(1, MEETING);
    meeting.recordAttendance(TEN_PRESENT, List.of());
    meeting.vote(ROSTER.subList(0, 8), ROSTER.subList(8, 10), List.of());
  }

  private String fullName(String userId) {
    User user = engine.getIdentityService().createUserQuery().userId(userId).singleResult();
    return user.getLastName() + " " + user.getFirstName();
  }

  private void rename(String userId, String firstName, String lastName) {
    User user = engine.getIdentityService().createUserQuery().userId(userId).singleResult();
    user.setFirstName(firstName);
    user.setLastName(lastName);
    engine.getIdentityService().saveUser(user);
  }

  /** Fires a timer only at its instant: not a second before. */
  private void fireAt(String timer, String instant, String step) {
    assertThat(meeting.job(timer).getDuedate()).as(timer).isEqualTo(at(instant));
    clockAt(OffsetDateTime.parse(instant).minusSeconds(1).toString());
    assertThat(meeting.timerDue(timer)).as(timer + " one second before").isFalse();
    clockAt(instant);
    assertThat(meeting.timerDue(timer)).as(timer + " at its instant").isTrue();
    meeting.executeJob(timer);
    meeting.executeJob(step);
  }

  @Test
  void eachDeadlineRemindsTwoWorkingDaysBeforeAndEscalatesAtExactlyItsInstant() {
    meeting.start(MEETING);
    meeting.confirmChairPresides();
    // § 13: 09.12.2026 18:00 Novosibirsk; the reminder two working days earlier, 07.12 18:00
    fireAt(Elements.AGENDA_REMINDER, "2026-12-07T18:00+07:00", Elements.REMIND_AGENDA);
    fireAt(Elements.AGENDA_DEADLINE, "2026-12-09T18:00+07:00", Elements.ESCALATE_AGENDA);
    assertThat(meeting.instance).isWaitingAt(Elements.PREPARE_AGENDA); // the work goes on
    clockAt("2026-12-09T18:01+07:00"); // a minute after the instant: late (at the instant it is still in time)
    meeting.prepareAgenda(1);
    meeting.approveAgenda(CHAIR);
    // § 14: 11.12.2026 18:00; reminder 09.12 18:00 (already past: it fires at once)
    assertThat(meeting.job(Elements.DISTRIBUTION_REMINDER).getDuedate()).isEqualTo(at("2026-12-09T18:00+07:00"));
    meeting.executeJob(Elements.DISTRIBUTION_REMINDER);
    meeting.executeJob(Elements.REMIND_DISTRIBUTION);
    fireAt(Elements.DISTRIBUTION_DEADLINE, "2026-12-11T18:00+07:00", Elements.ESCALATE_DISTRIBUTION);
    clockAt("2026-12-11T18:01+07:00");
    meeting.distributeAgenda();
    meeting.executeJob(Elements.SEND_AGENDA);
    clockAt(MEETING);
    meeting.executeJob(Elements.MEETING_TIME);
    meeting.recordAttendance(TEN_PRESENT, List.of());
    meeting.vote(ROSTER.subList(0, 8), List.of(), List.of());
    meeting.executeJob(Elements.GENERATE_MINUTES);
    // § 18: 23.12.2026 18:00; reminder 21.12 18:00
    fireAt(Elements.MINUTES_REMINDER, "2026-12-21T18:00+07:00", Elements.REMIND_MINUTES);
    fireAt(Elements.MINUTES_DEADLINE, "2026-12-23T18:00+07:00", Elements.ESCALATE_MINUTES);
    clockAt("2026-12-24T10:00+07:00");
    meeting.finishMinutes();
    meeting.sign(CHAIR);
    meeting.executeJob(Elements.START_DECISION_CONTROL);
    // § 19: signed on Thursday 24.12 → 3 working days → Tuesday 29.12.2026 18:00; reminder Friday 25.12 18:00
    fireAt(Elements.COPIES_REMINDER, "2026-12-25T18:00+07:00", Elements.REMIND_COPIES);
    fireAt(Elements.COPIES_DEADLINE, "2026-12-29T18:00+07:00", Elements.ESCALATE_COPIES);

    List<DeadlineEvent> events = record.deadlineEvents(meeting.key());
    assertThat(events).filteredOn(e -> e.outcome() == DeadlineOutcome.MISSED).extracting(DeadlineEvent::kind)
        .containsExactly(DeadlineKind.AGENDA_TO_CHAIR, DeadlineKind.AGENDA_DISTRIBUTION, DeadlineKind.MINUTES_DUE,
            DeadlineKind.MINUTES_COPIES_DUE);
    assertThat(events).filteredOn(e -> e.outcome() == DeadlineOutcome.LATE).extracting(DeadlineEvent::kind)
        .contains(DeadlineKind.AGENDA_TO_CHAIR, DeadlineKind.AGENDA_DISTRIBUTION, DeadlineKind.MINUTES_DUE);
    assertThat(record.events(meeting.key())).filteredOn(e -> e.kind() == MeetingEventKind.REMINDER).hasSize(4);
  }

  @Test
  void postponementRecomputesEveryDeadlineAndTheWaitingTimers() {
    meeting.start(MEETING);
    meeting.confirmChairPresides();
    assertThat(meeting.job(Elements.AGENDA_DEADLINE).getDuedate()).isEqualTo(at("2026-12-09T18:00+07:00"));
    // § 7 (3): asked by the secretariat, approved by the chair
    meeting.approveRequest(meeting.askPostponement("2027-01-20T11:00+07:00", "Командировка председателя"), CHAIR);
    meeting.executeJob(Elements.APPLY_POSTPONEMENT);
    // 20.01.2027 (Wednesday) − 5 working days = 13.01.2027
    assertThat(meeting.job(Elements.AGENDA_DEADLINE).getDuedate()).isEqualTo(at("2027-01-13T18:00+07:00"));
    assertThat(meeting.task(Elements.PREPARE_AGENDA).getDueDate()).isEqualTo(at("2027-01-13T18:00+07:00"));
    assertThat(meeting.task(Elements.PREPARE_AGENDA).getFollowUpDate()).isEqualTo(at("2027-01-12T18:00+07:00"));
    assertThat(engine.getRuntimeService().getVariable(meeting.instance.getId(), MEETING_DATE.name()))
        .isEqualTo("2027-01-20");
    assertThat(record.get(meeting.key()).start().toInstant()).isEqualTo(at("2027-01-20T11:00+07:00").toInstant());
    meeting.prepareAgenda(1);
    meeting.approveAgenda(CHAIR);
    meeting.distributeAgenda();
    meeting.executeJob(Elements.SEND_AGENDA);
    assertThat(meeting.job(Elements.MEETING_TIME).getDuedate()).isEqualTo(at("2027-01-20T11:00+07:00"));
  }

  @Test
  void postponementAfterTheInvitationsUpdatesTheMeetingTimer() {
    meeting.start(MEETING);
    meeting.confirmChairPresides();
    meeting.prepareAgenda(1);
    meeting.approveAgenda(CHAIR);
    meeting.distributeAgenda();
    meeting.executeJob(Elements.SEND_AGENDA);
    meeting.approveRequest(meeting.askPostponement("2026-12-18T10:00+07:00",
        "Совпадение с заседанием Правительства"), CHAIR);
    meeting.executeJob(Elements.APPLY_POSTPONEMENT);
    assertThat(meeting.job(Elements.MEETING_TIME).getDuedate()).isEqualTo(at("2026-12-18T10:00+07:00"));
    assertThat(record.events(meeting.key())).anyMatch(e -> e.kind() == MeetingEventKind.POSTPONED);
  }

  @Test
  void cancellationEndsTheMeetingWithItsReason() {
    meeting.start(MEETING);
    meeting.confirmChairPresides();
    meeting.approveRequest(meeting.askCancellation("Вопросы рассмотрены на заседании Правительства"), CHAIR);
    meeting.executeJob(Elements.APPLY_CANCELLATION);
    assertThat(meeting.instance).isEnded().hasPassed(Elements.MEETING_CANCELLED);
    assertThat(record.get(meeting.key()).status()).isEqualTo(MeetingStatus.CANCELLED);
    assertThat(record.get(meeting.key()).statusReason()).contains("Правительства");
    // a cancelled meeting cannot be postponed or cancelled again
    assertThatThrownBy(() -> meeting.startRequest(StaffRequestProcesses.CANCEL_KEY, SECRETARY, Map.of(
        StaffRequestProcesses.MEETING_REF.name(), new MeetingScenario.MeetingKeyRef(meeting.key()).human(),
        StaffRequestProcesses.CANCEL_REASON.name(), "Повторная отмена"))).hasMessageContaining("нельзя отменить");
  }

  @Test
  void badInputIsRefusedWithARussianMessageAndChangesNothing() {
    long meetingsBefore = engine.getHistoryService().createHistoricProcessInstanceQuery()
        .processDefinitionKey(MeetingProcess.KEY).count();
    // both refusals name the earliest date the start dialog may take (issue 12): today is Monday 30.11.2026, the
    // agenda is due with the chair 5 working days before the meeting
    assertThatThrownBy(() -> meeting.start("2026-11-20T10:00+07:00")).hasMessageContaining("уже прошли")
        .hasMessageContaining("Ближайшая дата, на которую можно назначить заседание, — 07.12.2026");
    assertThatThrownBy(() -> meeting.start("2026-12-04T10:00+07:00")).hasMessageContaining("п. 13")
        .hasMessageContaining("Ближайшая дата, на которую можно назначить заседание, — 07.12.2026");
    assertThatThrownBy(() -> meeting.start(MEETING, Variables.createVariables().putValue(MEETING_FORMAT.name(), "VIDEO")
        .putValue(VIDEO_LINK.name(), "ftp://x"))).hasMessageContaining("https://");
    assertThat(engine.getHistoryService().createHistoricProcessInstanceQuery()
        .processDefinitionKey(MeetingProcess.KEY).count()).isEqualTo(meetingsBefore);

    meeting.start(MEETING);
    // Tasklist's column «Дата заседания» shows the date as people write it (issue 12)
    assertThat(engine.getRuntimeService().getVariable(meeting.instance.getId(), MEETING_DATE_TEXT.name()))
        .isEqualTo("16.12.2026");
    meeting.confirmChairPresides();
    assertThatThrownBy(() -> meeting.complete(Elements.PREPARE_AGENDA, SECRETARY,
        Map.of(AGENDA_ITEMS.name(), MeetingScenario.json("[]")))).hasMessageContaining("нет ни одного вопроса");
    assertThat(meeting.instance).isWaitingAt(Elements.PREPARE_AGENDA);
    meeting.prepareAgenda(1);
    assertThatThrownBy(() -> meeting.complete(Elements.APPROVE_AGENDA, SECRETARY,
        Map.of(AGENDA_DECISION.name(), "APPROVE")))
        .isInstanceOf(AuthorizationException.class);
    // nor may the chair complete a task of the presiding person outside Tasklist's assignment
    Task approval = meeting.task(Elements.APPROVE_AGENDA);
    assertThatThrownBy(() -> meeting.as("admin", () -> engine.getFormService().submitTaskForm(approval.getId(),
        Map.of(AGENDA_DECISION.name(), "APPROVE")))).hasMessageContaining("Только председательствующий");
    assertThat(record.get(meeting.key()).status()).isEqualTo(MeetingStatus.PREPARATION);
    meeting.approveAgenda(CHAIR);
    meeting.distributeAgenda();
    meeting.executeJob(Elements.SEND_AGENDA);
    clockAt(MEETING);
    meeting.executeJob(Elements.MEETING_TIME);
    assertThatThrownBy(() -> meeting.recordAttendance(List.of("sokolov", "smirnova"), List.of()))
        .hasMessageContaining("не является членом");
    assertThatThrownBy(() -> meeting.recordAttendance(List.of("sokolov"), List.of("sokolov")))
        .hasMessageContaining("одновременно");
    meeting.recordAttendance(TEN_PRESENT, List.of());
    // a vote by an absent member; two votes of one member
    assertThatThrownBy(() -> meeting.vote(List.of("makarov"), List.of(), List.of()))
        .hasMessageContaining("не отмечен");
    assertThatThrownBy(() -> meeting.vote(List.of("vasiliev"), List.of("vasiliev"), List.of()))
        .hasMessageContaining("Васильев");
    assertThat(record.votes(meeting.key(), 1)).isEmpty();
    assertThat(meeting.instance).isWaitingAt(Elements.RECORD_VOTE);
  }

  // --- the quorum forecast from the attendance replies (§ 14, § 15; the links: AttendanceRepliesProcessTest) ------

  /** The meeting prepared and sent; {@code declining} members of the roster replied «не смогу» in Tasklist. */
  private void sentWithDeclines(int declining) {
    meeting.start(MEETING);
    meeting.confirmChairPresides();
    meeting.prepareAgenda(1);
    meeting.approveAgenda(CHAIR);
    meeting.distributeAgenda();
    meeting.executeJob(Elements.SEND_AGENDA);
    for (String member : ROSTER.subList(ROSTER.size() - declining, ROSTER.size())) {
      replies.replyInTasklist(meeting.key(), member, ReplyAnswer.ABSENT, null);
    }
    clockAt("2026-12-11T18:00+07:00"); // the § 14 deadline: the forecast's default moment
    meeting.executeJob(Elements.QUORUM_FORECAST_DUE);
    meeting.executeJob(Elements.CHECK_QUORUM_FORECAST);
  }

  @Test
  void withEightOfFifteenDecliningThePresidingPersonKeepsTheDateAndTheMeetingGoesOn() {
    sentWithDeclines(8);
    assertThat(meeting.task(Elements.QUORUM_THREAT).getAssignee()).isEqualTo(CHAIR);
    meeting.complete(Elements.QUORUM_THREAT, CHAIR, Map.of(THREAT_DECISION.name(), "KEEP"));
    assertThat(meeting.instance).hasPassed("EndEvent_QuorumThreatDecided");
    assertThat(record.events(meeting.key())).anyMatch(e -> e.kind() == MeetingEventKind.QUORUM_THREAT_DECIDED
        && e.details().contains("решил(а) сохранить дату заседания"));
    clockAt(MEETING);
    meeting.executeJob(Elements.MEETING_TIME);
    assertThat(meeting.instance).isWaitingAt(Elements.RECORD_ATTENDANCE);
  }

  @Test
  void withSevenDecliningTheQuorumIsStillPossibleAndNoThreatTaskAppears() {
    sentWithDeclines(7);
    assertThat(meeting.instance).hasPassed("EndEvent_ForecastQuorate");
    assertThat(engine.getTaskService().createTaskQuery().processInstanceId(meeting.instance.getId())
        .taskDefinitionKey(Elements.QUORUM_THREAT).count()).isZero();
  }

  @Test
  void anUndecidedQuorumThreatClosesWhenTheMeetingBegins() {
    sentWithDeclines(9);
    meeting.task(Elements.QUORUM_THREAT);
    assertThatThrownBy(() -> meeting.complete(Elements.QUORUM_THREAT, CHAIR, Map.of()))
        .hasMessageContaining("сохранить дату заседания или просить о переносе");
    clockAt(MEETING);
    meeting.executeJob("Event_ThreatUndecided");
    meeting.executeJob(Elements.MEETING_TIME);
    assertThat(meeting.instance).hasPassed("EndEvent_ThreatUndecided").isWaitingAt(Elements.RECORD_ATTENDANCE);
  }
}
