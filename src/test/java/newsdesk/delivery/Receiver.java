package newsdesk.delivery;

import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Predicate;

/**
 * A real HTTP receiver on 127.0.0.1 for webhooks (and WebSub pings): records every request, answers from a
 * script of statuses (then 204), and can hang on a request until closed, like a stuck subscriber.
 */
final class Receiver implements AutoCloseable {

    /** One request as it arrived: lower-cased header names, the raw body. */
    record Request(String path, Map<String, String> headers, String body) {
        String header(String name) {
            return headers.get(name);
        }
    }

    /** Answer with this status; {@link #HANG} never answers. */
    static final int HANG = -1;

    private final HttpServer server;
    private final List<Request> received = new CopyOnWriteArrayList<>();
    private final ConcurrentLinkedQueue<Integer> script = new ConcurrentLinkedQueue<>();
    private final CountDownLatch released = new CountDownLatch(1);

    private Receiver(HttpServer server) {
        this.server = server;
    }

    static Receiver start(Integer... statuses) {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            Receiver receiver = new Receiver(server);
            receiver.script.addAll(List.of(statuses));
            server.setExecutor(Executors.newCachedThreadPool());
            server.createContext("/", exchange -> {
                Map<String, String> headers = new java.util.HashMap<>();
                exchange.getRequestHeaders().forEach((name, values) ->
                        headers.put(name.toLowerCase(java.util.Locale.ROOT), String.join(",", values)));
                String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
                receiver.received.add(new Request(exchange.getRequestURI().getPath(), headers, body));
                Integer status = receiver.script.poll();
                if (status != null && status == HANG) {
                    await(receiver.released);
                    exchange.close();
                    return;
                }
                exchange.sendResponseHeaders(status == null ? 204 : status, -1);
                exchange.close();
            });
            server.start();
            return receiver;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** From now on every request gets 204. */
    void answerWith204() {
        script.clear();
    }

    String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    List<Request> received() {
        return List.copyOf(received);
    }

    List<Request> received(Predicate<Request> which) {
        return received.stream().filter(which).toList();
    }

    /** Waits up to the limit for the condition; fails with what arrived. */
    void await(String what, long seconds, BooleanSupplier condition) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("waited " + seconds + " s for " + what + "; received: " + received);
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(120, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        released.countDown();
        server.stop(0);
    }
}
