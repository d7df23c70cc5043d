package org.tandem.bot.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Set;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The actuator on the application's port: health (status only) and info stay open, for load
 * balancers and probes; everything else, the Prometheus metrics first (they name classes, paths,
 * pools and traffic), answers only {@code Authorization: Bearer <TANDEM_METRICS_TOKEN>}, and nobody
 * when no token is set. A path spelled any other way ({@code ;}, {@code //}, {@code %2F}) is not an
 * open one, so it needs the token too. With {@code MANAGEMENT_SERVER_PORT} the actuator moves to
 * its own port, which this filter does not guard: keep that port inside your network.
 */
class MetricsAccess extends OncePerRequestFilter {

  static final Set<String> OPEN =
      Set.of(
          "/actuator/health",
          "/actuator/health/liveness",
          "/actuator/health/readiness",
          "/actuator/info");

  private final byte[] token;

  MetricsAccess(String token) {
    this.token = token == null || token.isBlank() ? null : token.getBytes(StandardCharsets.UTF_8);
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    String path = request.getRequestURI().substring(request.getContextPath().length());
    if (OPEN.contains(path) || allowed(request.getHeader("Authorization"))) {
      chain.doFilter(request, response);
      return;
    }
    response.setHeader("WWW-Authenticate", "Bearer");
    response.setStatus(401);
  }

  private boolean allowed(String authorization) {
    if (token == null || authorization == null || !authorization.startsWith("Bearer ")) {
      return false;
    }
    byte[] given = authorization.substring(7).strip().getBytes(StandardCharsets.UTF_8);
    return MessageDigest.isEqual(given, token);
  }
}
