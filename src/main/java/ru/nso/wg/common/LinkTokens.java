package ru.nso.wg.common;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;

/**
 * Signed tokens for links in e-mail that open a page without a login (attendance replies; later the speakers'
 * materials). A token binds one purpose, one meeting and one person (a user id or another subject the caller
 * chooses) and expires at a given instant; it is {@code base64url(payload) + "." + base64url(HMAC-SHA256)} over
 * the payload, so nothing in it can be changed without the key. It carries only those four values and reveals
 * nothing else. Plain Java, no Spring: the key comes from {@link LinkSecret}.
 *
 * <p>A token is the same for the same values (a retried mail job writes the same link). Single use is the caller's:
 * it stores {@link #id} of a used token (table {@code wg_link_token_use}) and refuses a second use.
 */
public final class LinkTokens {

  private static final String VERSION = "v1";
  private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
  private static final Base64.Decoder DECODER = Base64.getUrlDecoder();
  /** Longer than any token this class issues for our keys; longer input is not even decoded. */
  private static final int MAX_LENGTH = 2000;

  /** What a token says. */
  public record Claims(String purpose, String meetingKey, String subject, Instant expiresAt) {
    public Claims {
      for (String value : List.of(purpose, meetingKey, subject)) {
        if (value == null || value.isBlank() || value.contains("\n")) {
          throw new IllegalArgumentException("A token's purpose, meeting and subject must be one non-blank line");
        }
      }
      Objects.requireNonNull(expiresAt, "expiresAt");
    }
  }

  /** Why a token is refused; each with the sentence a person reads. */
  public enum Problem {
    MALFORMED("Ссылка повреждена или неполна: откройте её из письма целиком."),
    FORGED("Ссылка недействительна: она была изменена или выдана не этой системой."),
    FOREIGN("Ссылка выдана для другого участника или другого заседания и здесь не действует."),
    EXPIRED("Срок действия ссылки истёк.");

    private final String text;

    Problem(String text) {
      this.text = text;
    }

    public String text() {
      return text;
    }
  }

  /** A token refused, with the reason. */
  public static final class InvalidToken extends RuntimeException {
    private final Problem problem;

    public InvalidToken(Problem problem) {
      super(problem.text());
      this.problem = problem;
    }

    public Problem problem() {
      return problem;
    }
  }

  private final byte[] key;

  /** @param secret at least 32 characters */
  public LinkTokens(String secret) {
    if (secret == null || secret.length() < 32) {
      throw new IllegalArgumentException("The key of the links must be at least 32 characters long");
    }
    this.key = secret.getBytes(StandardCharsets.UTF_8);
  }

  public String issue(Claims claims) {
    String payload = String.join("\n", VERSION, claims.purpose(), claims.meetingKey(), claims.subject(),
        Long.toString(claims.expiresAt().getEpochSecond()));
    byte[] bytes = payload.getBytes(StandardCharsets.UTF_8);
    return ENCODER.encodeToString(bytes) + "." + ENCODER.encodeToString(mac(bytes));
  }

  /**
   * The token's claims, when it is genuine, was issued for exactly this purpose, meeting and subject, and has not
   * expired at {@code now} (it is valid up to, not including, its expiry).
   *
   * @throws InvalidToken otherwise, checked in this order: malformed, forged, foreign, expired
   */
  public Claims verify(String token, String purpose, String meetingKey, String subject, Instant now) {
    Claims claims = read(token);
    if (!claims.purpose().equals(purpose) || !claims.meetingKey().equals(meetingKey)
        || !claims.subject().equals(subject)) {
      throw new InvalidToken(Problem.FOREIGN);
    }
    if (!now.isBefore(claims.expiresAt())) {
      throw new InvalidToken(Problem.EXPIRED);
    }
    return claims;
  }

  /** The claims of a genuine token, whatever it was issued for; nothing is trusted before the signature is. */
  public Claims read(String token) {
    if (token == null || token.isEmpty() || token.length() > MAX_LENGTH) {
      throw new InvalidToken(Problem.MALFORMED);
    }
    int dot = token.indexOf('.');
    if (dot <= 0 || dot != token.lastIndexOf('.')) {
      throw new InvalidToken(Problem.MALFORMED);
    }
    byte[] payload;
    byte[] signature;
    try {
      payload = DECODER.decode(token.substring(0, dot));
      signature = DECODER.decode(token.substring(dot + 1));
    } catch (IllegalArgumentException e) {
      throw new InvalidToken(Problem.MALFORMED);
    }
    if (!MessageDigest.isEqual(mac(payload), signature)) {
      throw new InvalidToken(Problem.FORGED);
    }
    String[] parts = new String(payload, StandardCharsets.UTF_8).split("\n", -1);
    if (parts.length != 5 || !VERSION.equals(parts[0])) {
      throw new InvalidToken(Problem.MALFORMED);
    }
    try {
      return new Claims(parts[1], parts[2], parts[3], Instant.ofEpochSecond(Long.parseLong(parts[4])));
    } catch (IllegalArgumentException e) {
      throw new InvalidToken(Problem.MALFORMED);
    }
  }

  /** The SHA-256 of a token (hex): what a store of used tokens keeps instead of the token itself. */
  public static String id(String token) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
          .digest(token.getBytes(StandardCharsets.UTF_8)));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  private byte[] mac(byte[] payload) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(key, "HmacSHA256"));
      return mac.doFinal(payload);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }
}
