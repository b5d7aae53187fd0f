package ru.nso.wg.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.web.filter.OncePerRequestFilter;
import ru.nso.wg.common.WebPages;

import java.io.IOException;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * Security headers on every answer of {@code /api}, {@code /engine-rest} and the link pages ({@code /reply}) (the
 * webapps set their own): no MIME
 * sniffing, no framing by other sites, and a Content Security Policy that allows nothing but what our own pages
 * need — scripts and styles only with this answer's nonce ({@link WebPages#CSP_NONCE}), requests to this server.
 */
public class SecurityHeadersFilter extends OncePerRequestFilter {

  private static final SecureRandom RANDOM = new SecureRandom();

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    byte[] bytes = new byte[18];
    RANDOM.nextBytes(bytes);
    String nonce = Base64.getEncoder().encodeToString(bytes);
    request.setAttribute(WebPages.CSP_NONCE, nonce);
    boolean engineRest = request.getRequestURI().startsWith(request.getContextPath() + "/engine-rest");
    // a page opened by a link in an e-mail carries its token in the address: no Referer at all
    boolean linkPage = request.getRequestURI().startsWith(request.getContextPath() + "/reply/");
    response.setHeader("X-Content-Type-Options", "nosniff");
    response.setHeader("X-Frame-Options", engineRest ? "DENY" : "SAMEORIGIN");
    response.setHeader("Referrer-Policy", linkPage ? "no-referrer" : "same-origin");
    response.setHeader("Content-Security-Policy", engineRest
        ? "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'"
        : "default-src 'none'; script-src 'nonce-" + nonce + "'; style-src 'nonce-" + nonce + "'; "
            + "connect-src 'self'; img-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'self'");
    chain.doFilter(request, response);
  }
}
