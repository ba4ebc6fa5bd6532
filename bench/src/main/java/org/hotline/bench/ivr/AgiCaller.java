package org.hotline.bench.ivr;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/**
 * Asterisk's side of one FastAGI session, for load: the request headers, then a {@code 200 result=…} per command, the
 * caller keying {@code account} when asked and pressing 2 at a menu. Records how long the server took from each reply
 * to its next command (its think time, the command-to-response latency inside the server).
 */
final class AgiCaller {

    /** Think times in nanoseconds, appended by the sessions of one thread. */
    interface Sink {
        void add(long nanos);
    }

    private AgiCaller() {
    }

    /** Runs one script for a caller; returns the number of commands the server sent. */
    static int run(int port, String script, String uniqueId, String callerNumber, String account,
                   Map<String, String> variables, Sink sink) throws IOException {
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
            socket.setTcpNoDelay(true);
            socket.setSoTimeout(30_000);
            // no TIME_WAIT after thousands of short sessions a second: reset instead of the FIN handshake
            socket.setSoLinger(true, 0);
            OutputStream out = socket.getOutputStream();
            BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
            out.write(("agi_network: yes\nagi_network_script: " + script + "\nagi_request: agi://127.0.0.1:" + port
                    + "/" + script + "\nagi_channel: Local/95598@hotline-inbound-" + uniqueId + ";2\nagi_language: zh\n"
                    + "agi_type: Local\nagi_uniqueid: " + uniqueId + "\nagi_version: 22.10.1\nagi_callerid: "
                    + callerNumber + "\nagi_calleridname: unknown\nagi_dnid: 95598\nagi_context: hotline-ivr\n"
                    + "agi_extension: s\nagi_priority: 4\nagi_enhanced: 0.0\n\n").getBytes(StandardCharsets.UTF_8));
            out.flush();
            long sent = System.nanoTime();
            int commands = 0;
            String line;
            while ((line = in.readLine()) != null) {
                sink.add(System.nanoTime() - sent);
                commands++;
                out.write((reply(line, uniqueId, account, variables) + "\n").getBytes(StandardCharsets.UTF_8));
                out.flush();
                sent = System.nanoTime();
            }
            return commands;
        }
    }

    private static String reply(String command, String uniqueId, String account, Map<String, String> variables) {
        if (command.startsWith("GET FULL VARIABLE")) {
            return "200 result=1 (" + uniqueId + ")";
        }
        if (command.startsWith("GET VARIABLE")) {
            String value = variables.get(argument(command, 2));
            return value == null ? "200 result=0" : "200 result=1 (" + value + ")";
        }
        if (command.startsWith("SET VARIABLE")) {
            String[] parts = command.split("\"");
            variables.put(parts[1].replaceFirst("^_{1,2}", ""), parts.length > 3 ? parts[3] : "");
            return "200 result=1";
        }
        if (command.startsWith("GET DATA")) {
            return "200 result=" + account;
        }
        if (command.startsWith("WAIT FOR DIGIT")) {
            return "200 result=50";
        }
        if (command.startsWith("STREAM FILE")) {
            return "200 result=0 endpos=8000";
        }
        return "200 result=0";
    }

    private static String argument(String command, int index) {
        String[] words = command.split(" ");
        return words.length > index ? words[index].replace("\"", "") : "";
    }

    /** A fresh variable map for one call (shared by its scripts, as the channel is). */
    static Map<String, String> channel() {
        return new HashMap<>();
    }
}
