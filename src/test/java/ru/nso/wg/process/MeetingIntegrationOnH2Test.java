package ru.nso.wg.process;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

/** {@link AbstractMeetingIntegrationTest} on the embedded default database (H2). */
@SpringBootTest(properties = "camunda.bpm.job-execution.enabled=true")
@ActiveProfiles("test")
class MeetingIntegrationOnH2Test extends AbstractMeetingIntegrationTest {
}
