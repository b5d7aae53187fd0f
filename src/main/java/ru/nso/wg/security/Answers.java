package ru.nso.wg.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;

/** The JSON refusals the security filters answer with, in the shape of the API they guard. */
final class Answers {

  private static final ObjectMapper JSON = new ObjectMapper();

  private Answers() {
  }

  /** As {@code /api} answers errors ({@code api.ApiErrorHandler.ApiError}): status, error, message. */
  static void api(HttpServletResponse response, int status, String error, String message) throws IOException {
    ObjectNode body = JSON.createObjectNode().put("status", status).put("error", error).put("message", message);
    write(response, status, body);
  }

  /** As Camunda's REST API answers errors: type and message. */
  static void engine(HttpServletResponse response, int status, String type, String message) throws IOException {
    write(response, status, JSON.createObjectNode().put("type", type).put("message", message));
  }

  private static void write(HttpServletResponse response, int status, ObjectNode body) throws IOException {
    response.setStatus(status);
    response.setContentType("application/json;charset=UTF-8");
    byte[] bytes = JSON.writeValueAsBytes(body);
    response.setContentLength(bytes.length);
    response.getOutputStream().write(bytes);
  }
}
