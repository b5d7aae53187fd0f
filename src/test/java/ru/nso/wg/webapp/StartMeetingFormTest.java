package ru.nso.wg.webapp;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The start dialog of a meeting (forms/start-meeting.form): a date typed in the past must reach the server, which
 * says that it has passed and names the earliest date allowed (meeting/MeetingScheduling.java). With form-js's
 * «disallow past dates» the date field threw a typed past date away and said only «Поле обязательно для
 * заполнения».
 */
class StartMeetingFormTest {

  @Test
  void aPastDateIsNotSilentlyDroppedByTheDateField() throws IOException {
    JsonNode form = new ObjectMapper().readTree(Path.of("forms/start-meeting.form").toFile());
    JsonNode start = null;
    for (JsonNode component : form.get("components")) {
      if ("meetingStart".equals(component.path("key").asText())) {
        start = component;
      }
    }
    assertThat(start).as("the field meetingStart").isNotNull();
    assertThat(start.path("disallowPassedDates").asBoolean(false)).as("disallowPassedDates of meetingStart").isFalse();
    assertThat(start.path("validate").path("required").asBoolean()).isTrue();
  }
}
