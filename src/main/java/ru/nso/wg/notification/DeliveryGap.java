package ru.nso.wg.notification;

/**
 * A recipient who could not be sent the message: no address, or an address that is not valid. Never an error:
 * the process records and shows it so that the secretariat informs the person another way.
 *
 * @param recipient who
 * @param reason    why, in Russian
 */
public record DeliveryGap(Recipient recipient, String reason) {

  public static final String NO_ADDRESS = "не указан адрес электронной почты";

  /** «Соколов Андрей Викторович (sokolov): не указан адрес электронной почты». */
  public String text() {
    return recipient.label() + ": " + reason;
  }
}
