package ru.nso.wg.platform;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A plain HTTP client for the platform tests: no redirects followed, no cookies kept, credentials only when
 * given, so that every test sees exactly what a browser or a script would get on that one request.
 */
final class Http {

  /** A user name and password for HTTP Basic. */
  record Login(String user, String password) {
  }

  record Response(int status, String body, HttpHeaders headers) {

    JsonNode json() {
      try {
        return MAPPER.readTree(body);
      } catch (IOException e) {
        throw new UncheckedIOException("Not JSON (HTTP " + status + "): " + body, e);
      }
    }

    List<String> setCookies() {
      return headers.allValues("Set-Cookie");
    }
  }

  static final ObjectMapper MAPPER = new ObjectMapper();
  static final Login ANONYMOUS = null;

  private final HttpClient client = HttpClient.newBuilder()
      .followRedirects(HttpClient.Redirect.NEVER)
      .connectTimeout(Duration.ofSeconds(10))
      .build();
  private final String base;

  Http(int port) {
    this.base = "http://127.0.0.1:" + port;
  }

  Response get(String path, Login login) {
    return send(request(path, login).GET());
  }

  Response delete(String path, Login login) {
    return send(request(path, login).DELETE());
  }

  Response postJson(String path, Login login, String json) {
    return send(request(path, login).header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(json)));
  }

  Response putJson(String path, Login login, String json) {
    return send(request(path, login).header("Content-Type", "application/json")
        .PUT(HttpRequest.BodyPublishers.ofString(json)));
  }

  /** A multipart/form-data POST with text fields and one file, as {@code /engine-rest/deployment/create} takes. */
  Response postMultipart(String path, Login login, List<String[]> fields, String fileName, byte[] file) {
    String boundary = "----wg" + UUID.randomUUID();
    StringBuilder head = new StringBuilder();
    for (String[] field : fields) {
      head.append("--").append(boundary).append("\r\n")
          .append("Content-Disposition: form-data; name=\"").append(field[0]).append("\"\r\n\r\n")
          .append(field[1]).append("\r\n");
    }
    head.append("--").append(boundary).append("\r\n")
        .append("Content-Disposition: form-data; name=\"").append(fileName).append("\"; filename=\"")
        .append(fileName).append("\"\r\n")
        .append("Content-Type: application/octet-stream\r\n\r\n");
    byte[] start = head.toString().getBytes(StandardCharsets.UTF_8);
    byte[] end = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
    byte[] body = new byte[start.length + file.length + end.length];
    System.arraycopy(start, 0, body, 0, start.length);
    System.arraycopy(file, 0, body, start.length, file.length);
    System.arraycopy(end, 0, body, start.length + file.length, end.length);
    return send(request(path, login).header("Content-Type", "multipart/form-data; boundary=" + boundary)
        .POST(HttpRequest.BodyPublishers.ofByteArray(body)));
  }

  /** A multipart/form-data POST with text fields and several files (name → content). */
  Response postMultipart(String path, Login login, List<String[]> fields, Map<String, byte[]> files) {
    String boundary = "----wg" + UUID.randomUUID();
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    StringBuilder head = new StringBuilder();
    for (String[] field : fields) {
      head.append("--").append(boundary).append("\r\n")
          .append("Content-Disposition: form-data; name=\"").append(field[0]).append("\"\r\n\r\n")
          .append(field[1]).append("\r\n");
    }
    body.writeBytes(head.toString().getBytes(StandardCharsets.UTF_8));
    files.forEach((name, content) -> {
      body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + name + "\"; filename=\""
          + name + "\"\r\nContent-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8));
      body.writeBytes(content);
      body.writeBytes("\r\n".getBytes(StandardCharsets.UTF_8));
    });
    body.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
    return send(request(path, login).header("Content-Type", "multipart/form-data; boundary=" + boundary)
        .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())));
  }

  /** Sends a request built by the caller (e.g. with cookies), relative to the application's base URL. */
  Response send(HttpRequest.Builder request) {
    try {
      HttpResponse<String> response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
      return new Response(response.statusCode(), response.body(), response.headers());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  HttpRequest.Builder request(String path, Login login) {
    HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(base + path))
        .timeout(Duration.ofSeconds(30))
        .header("Accept", "application/json");
    if (login != null) {
      builder.header("Authorization", "Basic " + Base64.getEncoder()
          .encodeToString((login.user() + ":" + login.password()).getBytes(StandardCharsets.UTF_8)));
    }
    return builder;
  }

  /**
   * Logs into the Camunda webapps as a browser does (the CSRF handshake first) and returns every
   * {@code Set-Cookie} header received on the way; fails when the login is refused.
   */
  List<String> webappLogin(String user, String password) {
    Response welcome = get("/camunda/app/welcome/default/", null);
    if (welcome.status() != 200) {
      throw new AssertionError("Welcome page: HTTP " + welcome.status());
    }
    List<HttpCookie> cookies = welcome.setCookies().stream().flatMap(c -> HttpCookie.parse(c).stream()).toList();
    String csrfToken = welcome.headers().firstValue("X-XSRF-TOKEN")
        .or(() -> cookies.stream().filter(c -> c.getName().equals("XSRF-TOKEN")).map(HttpCookie::getValue)
            .findFirst())
        .orElseThrow(() -> new AssertionError("No CSRF token in " + welcome.headers().map()));
    String cookieHeader = String.join("; ", cookies.stream().map(c -> c.getName() + "=" + c.getValue()).toList());

    Response login = send(request("/camunda/api/admin/auth/user/default/login/welcome", null)
        .header("Content-Type", "application/x-www-form-urlencoded")
        .header("X-XSRF-TOKEN", csrfToken)
        .header("Cookie", cookieHeader)
        .POST(HttpRequest.BodyPublishers.ofString(
            "username=" + encode(user) + "&password=" + encode(password))));
    if (login.status() != 200) {
      throw new AssertionError("Webapp login of " + user + ": HTTP " + login.status() + " " + login.body());
    }
    List<String> all = new ArrayList<>(welcome.setCookies());
    all.addAll(login.setCookies());
    return all;
  }

  /** A logged-in webapp session: the {@code Cookie} header to send and the session's CSRF token. */
  record Session(String cookies, String csrfToken) {
  }

  /** Logs into the webapps (see {@link #webappLogin}) and keeps what a browser would send on the next requests. */
  Session webappSession(String user, String password) {
    List<HttpCookie> cookies = new ArrayList<>();
    merge(cookies, webappLogin(user, password));
    // the login starts a new session: its token comes with the next request, as the webapps' next call gets it
    Response next = send(request("/camunda/api/admin/auth/user/default", null).header("Cookie", cookieHeader(cookies))
        .GET());
    merge(cookies, next.setCookies());
    String token = next.headers().firstValue("X-XSRF-TOKEN").orElseGet(() -> cookies.stream()
        .filter(c -> c.getName().equals("XSRF-TOKEN")).map(HttpCookie::getValue).findFirst()
        .orElseThrow(() -> new AssertionError("No CSRF token after the login of " + user)));
    return new Session(cookieHeader(cookies), token);
  }

  private static void merge(List<HttpCookie> cookies, List<String> setCookies) {
    for (String header : setCookies) {
      for (HttpCookie cookie : HttpCookie.parse(header)) {
        cookies.removeIf(c -> c.getName().equals(cookie.getName()));
        cookies.add(cookie);
      }
    }
  }

  private static String cookieHeader(List<HttpCookie> cookies) {
    return String.join("; ", cookies.stream().map(c -> c.getName() + "=" + c.getValue()).toList());
  }

  private static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }
}
