package ru.nso.wg.roster;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.stereotype.Component;

import java.util.function.Supplier;

/**
 * Runs a block as the engine itself: without the calling user's authentication (so without their
 * authorizations), as a job runs. The caller's authentication is restored afterwards, also when the block throws.
 * For reads whose answer must not depend on who asks (the roster, recipients) and for the engine's own maintenance.
 */
@Component
public class AsEngine {

  private final IdentityService identityService;

  public AsEngine(IdentityService identityService) {
    this.identityService = identityService;
  }

  public <T> T call(Supplier<T> block) {
    Authentication caller = identityService.getCurrentAuthentication();
    if (caller == null) {
      return block.get();
    }
    identityService.clearAuthentication();
    try {
      return block.get();
    } finally {
      identityService.setAuthentication(caller);
    }
  }

  public void run(Runnable block) {
    call(() -> {
      block.run();
      return null;
    });
  }
}
