package ru.nso.wg.common;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class StartupWorkTest {

  @Test
  void theStepsRunInTheOrderHandedOverOffTheCallersThreadAndTheStartWaitsForThemAll() {
    StartupWork work = new StartupWork();
    List<String> ran = new CopyOnWriteArrayList<>();
    CountDownLatch release = new CountDownLatch(1);
    work.submit("roster", () -> {
      await(release);
      ran.add("roster on " + Thread.currentThread().getName());
    });
    work.submit("models", () -> ran.add("models"));
    assertThat(ran).as("handing over does not wait").isEmpty();

    release.countDown();
    work.start();

    assertThat(ran).containsExactly("roster on wg-startup", "models");
    assertThat(work.isRunning()).isTrue();
    work.destroy();
  }

  @Test
  void aFailedStepStopsTheStepsAfterItAndFailsTheStartWithItsName() {
    StartupWork work = new StartupWork();
    List<String> ran = new CopyOnWriteArrayList<>();
    work.submit("roster", () -> ran.add("roster"));
    work.submit("authorizations", () -> {
      throw new IllegalArgumentException("no such group");
    });
    work.submit("models", () -> ran.add("models"));

    assertThatThrownBy(work::start).isInstanceOf(IllegalStateException.class)
        .hasMessage("Start-up step 'authorizations' failed")
        .hasRootCauseInstanceOf(IllegalArgumentException.class).hasRootCauseMessage("no such group");
    assertThat(ran).containsExactly("roster");
    assertThat(work.isRunning()).isFalse();
    work.destroy();
  }

  @Test
  void workHandedOverAfterTheStartRunsAtOnceOnTheCallersThread() {
    StartupWork work = new StartupWork();
    work.start();
    List<String> ran = new CopyOnWriteArrayList<>();
    work.submit("models", () -> ran.add(Thread.currentThread().getName()));
    assertThat(ran).containsExactly(Thread.currentThread().getName());
    work.destroy();
  }

  @Test
  void aStepSeesTheContextClassLoaderOfWhoeverHandedItOver() {
    StartupWork work = new StartupWork();
    ClassLoader models = new ClassLoader(getClass().getClassLoader()) { };
    List<ClassLoader> seen = new CopyOnWriteArrayList<>();
    Thread caller = Thread.currentThread();
    ClassLoader previous = caller.getContextClassLoader();
    caller.setContextClassLoader(models);
    try {
      work.submit("models", () -> seen.add(Thread.currentThread().getContextClassLoader()));
    } finally {
      caller.setContextClassLoader(previous);
    }
    work.start();
    assertThat(seen).containsExactly(models);
    work.destroy();
  }

  private static void await(CountDownLatch latch) {
    try {
      assertThat(latch.await(10, TimeUnit.SECONDS)).isTrue();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
