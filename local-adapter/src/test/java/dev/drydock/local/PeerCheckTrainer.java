package dev.drydock.local;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A trainer that checks what a distributed trainer needs from a backend: the leader ({@code algo-1}) listens where
 * the trainer's tracker would ({@code DRYDOCK_TRACKER_HOST}:{@code DRYDOCK_TRACKER_PORT} when the backend sets them,
 * else the leader's host name at port {@value #DEFAULT_PORT}, as on SageMaker), every other host connects there with
 * retries and sends its name, and the leader writes the names it heard, sorted, to {@code /opt/ml/model/peers.txt}.
 * JDK only, so it runs in the test image too.
 */
public final class PeerCheckTrainer {
    /** The trainer's fixed tracker port when the backend sets none. */
    public static final int DEFAULT_PORT = 9099;
    private static final Pattern HOSTS = Pattern.compile("\"hosts\"\\s*:\\s*\\[([^\\]]*)\\]");
    private static final Pattern CURRENT = Pattern.compile("\"current_host\"\\s*:\\s*\"([^\"]+)\"");

    private PeerCheckTrainer() {
    }

    /** Runs with {@code /opt/ml} at {@code DRYDOCK_ML_ROOT} or {@code /opt/ml}. */
    public static void main(String[] args) throws Exception {
        Path root = Path.of(System.getenv().getOrDefault("DRYDOCK_ML_ROOT", "/opt/ml"));
        String resources = Files.readString(root.resolve("input/config/resourceconfig.json"));
        List<String> hosts = new ArrayList<>();
        Matcher m = HOSTS.matcher(resources);
        if (m.find()) {
            for (String h : m.group(1).split(",")) {
                hosts.add(h.trim().replace("\"", ""));
            }
        }
        Collections.sort(hosts);
        Matcher c = CURRENT.matcher(resources);
        String current = c.find() ? c.group(1) : "algo-1";
        String address = System.getenv().getOrDefault("DRYDOCK_TRACKER_HOST", hosts.get(0));
        int port = Integer.parseInt(System.getenv().getOrDefault("DRYDOCK_TRACKER_PORT", String.valueOf(DEFAULT_PORT)));
        System.out.println(current + " uses the tracker at " + address + ":" + port);
        if (current.equals(hosts.get(0))) {
            lead(root, InetAddress.getByName(address), port, hosts.size() - 1);
        } else {
            join(address, port, current);
        }
    }

    private static void lead(Path root, InetAddress address, int port, int others) throws IOException {
        List<String> heard = new ArrayList<>();
        try (ServerSocket server = new ServerSocket()) {
            server.setSoTimeout(60_000);
            server.bind(new InetSocketAddress(address, port));
            while (heard.size() < others) {
                try (Socket s = server.accept();
                     BufferedReader in = new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.UTF_8))) {
                    heard.add(in.readLine());
                }
            }
        }
        Collections.sort(heard);
        Files.writeString(root.resolve("model/peers.txt"), String.join(",", heard) + "\n");
        System.out.println("heard " + heard);
    }

    private static void join(String address, int port, String current) throws Exception {
        long deadline = System.nanoTime() + 60_000_000_000L;
        while (true) {
            try (Socket s = new Socket()) {
                s.connect(new InetSocketAddress(address, port), 2000);
                try (PrintWriter out = new PrintWriter(s.getOutputStream(), true, StandardCharsets.UTF_8)) {
                    out.println(current);
                }
                System.out.println(current + " joined");
                return;
            } catch (IOException e) {
                if (System.nanoTime() > deadline) {
                    throw e;
                }
                Thread.sleep(100);
            }
        }
    }
}
