package ru.nso.wg.signature;

import java.security.cert.X509Certificate;
import java.util.List;

/**
 * The certificates the administrator trusts: the roots (self-signed: the accredited CAs' root certificates) and
 * intermediates that may complete a chain.
 */
public record TrustMaterial(List<X509Certificate> roots, List<X509Certificate> intermediates) {

  public TrustMaterial {
    roots = List.copyOf(roots);
    intermediates = List.copyOf(intermediates);
  }
}
