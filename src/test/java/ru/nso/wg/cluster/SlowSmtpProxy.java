package ru.nso.wg.cluster;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A TCP proxy in front of GreenMail that holds every chunk from the client for a moment: an SMTP exchange takes a
 * few hundred milliseconds, as over a real network, so a distribution of 16 messages lasts seconds and the kill
 * lands in the middle of it.
 */
final class SlowSmtpProxy implements AutoCloseable {
  private final ServerSocket server;
  private final ExecutorService threads = Executors.newCachedThreadPool(r -> {
    Thread thread = new Thread(r, "slow-smtp");
    thread.setDaemon(true);
    return thread;
  });

  SlowSmtpProxy(int target, Duration delay) throws IOException {
    server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    threads.submit((Callable<Void>) () -> {
      while (!server.isClosed()) {
        Socket client;
        try {
          client = server.accept();
        } catch (IOException closed) {
          return null;
        }
        Socket upstream = new Socket(InetAddress.getLoopbackAddress(), target);
        threads.submit(() -> pipe(client, upstream, delay));
        threads.submit(() -> pipe(upstream, client, Duration.ZERO));
      }
      return null;
    });
  }

  int port() {
    return server.getLocalPort();
  }

  private static void pipe(Socket from, Socket to, Duration delay) {
    byte[] buffer = new byte[16384];
    try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
      int read;
      while ((read = in.read(buffer)) >= 0) {
        if (!delay.isZero()) {
          Thread.sleep(delay.toMillis());
        }
        out.write(buffer, 0, read);
        out.flush();
      }
    } catch (IOException | InterruptedException closed) {
      // one side closed the connection
    } finally {
      try {
        from.close();
        to.close();
      } catch (IOException ignored) {
        // already closed
      }
    }
  }

  @Override
  public void close() {
    try {
      server.close();
    } catch (IOException ignored) {
      // closing anyway
    }
    threads.shutdownNow();
  }
}
