package ru.nso.wg.replies;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.thymeleaf.ITemplateEngine;
import ru.nso.wg.common.Refusal;
import ru.nso.wg.common.WebPages;
import ru.nso.wg.replies.AttendanceReplies.Recorded;
import ru.nso.wg.replies.AttendanceReplies.ReplyPage;

import java.util.Map;
import java.util.function.Supplier;

/**
 * The page a reply link of the agenda mail opens, without a login: the token is the only authority
 * ({@link AttendanceReplies}). GET shows the meeting and the answer to confirm and changes nothing (mail scanners
 * open links); POST records it. A refused link answers a Russian page with the status of its refusal (400 tampered,
 * 403 someone else's or another meeting's, 409 used already, 410 expired or moved) and changes nothing.
 */
@RestController
public class ReplyPageController {

  private final AttendanceReplies replies;
  private final ITemplateEngine templates;

  public ReplyPageController(AttendanceReplies replies, ITemplateEngine templates) {
    this.replies = replies;
    this.templates = templates;
  }

  @GetMapping(AttendanceReplies.PATH + "/{key}/{subject}")
  public ResponseEntity<String> show(@PathVariable String key, @PathVariable String subject,
                                     @RequestParam(required = false) String token,
                                     @RequestParam(required = false) String answer, HttpServletRequest request) {
    return answer(request, () -> {
      ReplyPage page = replies.page(key, subject, token, answer);
      if (page.usedBy() != null) {
        throw Refusal.conflict("Ответ по этой ссылке уже получен: " + page.usedBy().text()
            + ". Повторно он не принимается.");
      }
      return render(request, 200, "web/reply", Map.of("page", page, "token", token,
          "answers", ReplyAnswer.values(), "action", request.getContextPath() + AttendanceReplies.PATH + "/" + key
              + "/" + subject));
    });
  }

  @PostMapping(path = AttendanceReplies.PATH + "/{key}/{subject}",
      consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE)
  public ResponseEntity<String> reply(@PathVariable String key, @PathVariable String subject,
                                      @RequestParam(required = false) String token,
                                      @RequestParam(required = false) String answer,
                                      @RequestParam(required = false) String position, HttpServletRequest request) {
    return answer(request, () -> {
      Recorded recorded = replies.replyByLink(key, subject, token, answer, position);
      return render(request, 200, "web/reply-done", Map.of("page", recorded.page(), "reply", recorded.reply()));
    });
  }

  private ResponseEntity<String> answer(HttpServletRequest request, Supplier<ResponseEntity<String>> page) {
    try {
      return page.get();
    } catch (Refusal refusal) {
      return render(request, refusal.kind().status(), "web/reply-refused", Map.of("message", refusal.getMessage()));
    }
  }

  private ResponseEntity<String> render(HttpServletRequest request, int status, String template,
                                        Map<String, Object> values) {
    // the token is in the address: WebPages answers no-store (and security.SecurityHeadersFilter sends no Referer)
    return WebPages.render(templates, template.replaceFirst("^web/", ""), request, HttpStatus.valueOf(status), values);
  }

}
