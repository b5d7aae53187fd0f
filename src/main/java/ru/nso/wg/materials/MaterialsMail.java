package ru.nso.wg.materials;

import org.springframework.stereotype.Service;
import ru.nso.wg.document.MeetingViews;
import ru.nso.wg.document.model.AgendaItem;
import ru.nso.wg.document.model.MeetingInfo;
import ru.nso.wg.common.RussianDates;
import ru.nso.wg.notification.Delivery;
import ru.nso.wg.notification.DeliveryResult;
import ru.nso.wg.notification.MailComposer.OutgoingMail;
import ru.nso.wg.notification.MailSettings;
import ru.nso.wg.notification.MailTemplates;
import ru.nso.wg.notification.MailTemplates.Rendered;
import ru.nso.wg.notification.Recipient;
import ru.nso.wg.roster.IdentityDirectory;
import ru.nso.wg.roster.RosterGroups;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The messages of the speakers' materials: the upload link to an outside speaker (and again, as a reminder, with a
 * new link), the reminder to a member, the note to the secretariat when materials did not come. Sent through
 * {@link Delivery} (one message per recipient and kind; a retried job does not send twice).
 */
@Service
public class MaterialsMail {

  private final Delivery delivery;
  private final MailTemplates templates;
  private final MailSettings settings;
  private final MeetingViews views;
  private final IdentityDirectory directory;

  public MaterialsMail(Delivery delivery, MailTemplates templates, MailSettings settings, MeetingViews views,
                       IdentityDirectory directory) {
    this.delivery = delivery;
    this.templates = templates;
    this.settings = settings;
    this.views = views;
    this.directory = directory;
  }

  /**
   * The upload link to an outside speaker. The message kind names the link (the first characters of the token's
   * hash), so a job retried after a rollback, which issues a new link, sends the new one.
   */
  public DeliveryResult sendLink(String key, int itemNo, String email, String token, String dueText,
                                 boolean reminder) {
    MeetingInfo meeting = views.meeting(key);
    String kind = (reminder ? "materials-link-reminder:" : "materials-link:") + itemNo + ":"
        + MaterialLinks.hash(token).substring(0, 12);
    Recipient to = new Recipient(null, email, "", email);
    return delivery.deliver(key, kind, List.of(to), r -> {
      Map<String, Object> values = values(meeting, itemNo, dueText);
      values.put("link", settings.appUrl() + "/materials/" + token);
      values.put("reminderText", reminder ? "Напоминаем: материалы к вопросу пока не получены. Ссылка из "
          + "предыдущего письма больше не действует — воспользуйтесь этой." : "");
      Rendered rendered = templates.render("materials-link", values);
      return new OutgoingMail(key, kind, r, rendered.subject(), rendered.text(), rendered.html(), null, List.of());
    });
  }

  /** The reminder to a member who has not uploaded the materials of their item yet. */
  public DeliveryResult remindMember(String key, int itemNo, String userId, String dueText) {
    MeetingInfo meeting = views.meeting(key);
    String kind = "materials-reminder:" + itemNo;
    List<Recipient> to = directory.user(userId).map(Recipient::of).stream().toList();
    return delivery.deliver(key, kind, to, r -> {
      Map<String, Object> values = values(meeting, itemNo, dueText);
      values.put("greeting", r.greeting());
      values.put("link", settings.linkOrTasklist(""));
      Rendered rendered = templates.render("materials-reminder", values);
      return new OutgoingMail(key, kind, r, rendered.subject(), rendered.text(), rendered.html(), null, List.of());
    });
  }

  /** The note to the secretariat: the items whose materials did not come by the deadline. */
  public DeliveryResult materialsMissing(String key, List<String> items, String dueText) {
    MeetingInfo meeting = views.meeting(key);
    String kind = "materials-missing";
    List<Recipient> to = directory.members(RosterGroups.SECRETARIAT).stream().map(Recipient::of).toList();
    return delivery.deliver(key, kind, to, r -> {
      Map<String, Object> values = new LinkedHashMap<>();
      values.put("greeting", r.greeting());
      values.put("meetingTitle", meeting.title());
      values.put("meetingDateTime", RussianDates.dateTime(meeting.start()));
      values.put("dueDate", dueText);
      values.put("itemsText", String.join("\n", items));
      values.put("link", settings.linkOrTasklist(""));
      Rendered rendered = templates.render("materials-missing", values);
      return new OutgoingMail(key, kind, r, rendered.subject(), rendered.text(), rendered.html(), null, List.of());
    });
  }

  private static Map<String, Object> values(MeetingInfo meeting, int itemNo, String dueText) {
    Map<String, Object> values = new LinkedHashMap<>();
    values.put("greeting", "");
    values.put("meetingTitle", meeting.title());
    values.put("meetingDateTime", RussianDates.dateTime(meeting.start()));
    values.put("itemNo", itemNo);
    values.put("itemTitle", meeting.items().stream().filter(i -> i.number() == itemNo).map(AgendaItem::title)
        .findFirst().orElse(""));
    values.put("dueDate", dueText);
    return values;
  }
}
