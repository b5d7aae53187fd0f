package ru.nso.wg.signature;

import ru.nso.wg.common.Refusal;

/**
 * A signature that did not pass one of the checks: «Подпись не принята. Проверка «<check>» не пройдена: <reason>».
 * A file that is no usable signature answers 422; a trust store the administrator has not filled answers 409 (the
 * signer can do nothing about it).
 */
public class SignatureRefusal extends Refusal {

  private final SignatureCheck check;

  public SignatureRefusal(SignatureCheck check, String reason) {
    super(check == SignatureCheck.TRUST_STORE ? Kind.CONFLICT : Kind.UNPROCESSABLE,
        "Подпись не принята. Проверка «" + check.title() + "» не пройдена: " + reason);
    this.check = check;
  }

  /** Which check failed. */
  public SignatureCheck check() {
    return check;
  }
}
