package ru.nso.wg.process;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.ContextConfiguration;
import ru.nso.wg.platform.PostgresTestSupport;

/** {@link AbstractMeetingIntegrationTest} on a real PostgreSQL (embedded, started by the test). */
@SpringBootTest(properties = "camunda.bpm.job-execution.enabled=true")
@ActiveProfiles("test")
@ContextConfiguration(initializers = PostgresTestSupport.class)
class MeetingIntegrationOnPostgresTest extends AbstractMeetingIntegrationTest {
}
