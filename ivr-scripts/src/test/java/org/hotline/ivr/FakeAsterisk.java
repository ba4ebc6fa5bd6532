package org.hotline.ivr;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Plays Asterisk's side of one FastAGI session over TCP, as Asterisk 22's res_agi does: the {@code agi_*} request
 * headers and a blank line, then one {@code 200 result=…} line per command; after the caller hangs up, {@code HANGUP}
 * and {@code 511} to every command. The caller's part is a list of answers, each taken by the next command that
 * waits for keys ({@code GET DATA}, {@code WAIT FOR DIGIT}), or by a prompt that may be interrupted when marked
 * {@link #bargeIn(char)}.
 */
final class FakeAsterisk {

    /** What the caller does at the next moment of input. */
    sealed interface Answer permits Keys, Silence, BargeIn, HangUp {
    }

    /** Keys pressed (for GET DATA, ending with '#' unless it ends by count or time). */
    record Keys(String keys) implements Answer {
    }

    /** Nothing pressed: the command times out. */
    record Silence() implements Answer {
    }

    /** A key pressed during the next prompt that accepts keys. */
    record BargeIn(char key) implements Answer {
    }

    /** The caller hangs up. */
    record HangUp() implements Answer {
    }

    /** Keys then '#', or keys alone when {@code keys} already ends the entry. */
    static Answer keys(String keys) {
        return new Keys(keys);
    }

    static Answer silence() {
        return new Silence();
    }

    static Answer bargeIn(char key) {
        return new BargeIn(key);
    }

    static Answer hangUp() {
        return new HangUp();
    }

    /** What the session did, seen from Asterisk. */
    record Session(List<String> commands, List<String> played, Map<String, String> variables) {

        /** A channel variable as set by the scripts ({@code __} prefix removed), or null. */
        String variable(String name) {
            return variables.get(name);
        }
    }

    private final int port;
    private final Map<String, String> variables = new LinkedHashMap<>();
    private String callerNumber = "13800000001";
    private String uniqueId = "1795000000.1";

    FakeAsterisk(int port) {
        this.port = port;
    }

    FakeAsterisk caller(String number) {
        this.callerNumber = number;
        return this;
    }

    FakeAsterisk uniqueId(String id) {
        this.uniqueId = id;
        return this;
    }

    /** A variable already on the channel (set by the dialplan or an earlier script). */
    FakeAsterisk variable(String name, String value) {
        variables.put(name, value);
        return this;
    }

    /** Runs {@code agi://127.0.0.1:port/<script>} with the caller's answers, until the server closes the session. */
    Session run(String script, Answer... answers) {
        Deque<Answer> pending = new ArrayDeque<>(List.of(answers));
        List<String> commands = new ArrayList<>();
        List<String> played = new ArrayList<>();
        boolean hungUp = false;
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
            socket.setSoTimeout(20_000);
            OutputStream out = socket.getOutputStream();
            BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
            write(out, headers(script));
            String line;
            while ((line = in.readLine()) != null) {
                commands.add(line);
                List<String> args = tokens(line);
                if (hungUp) {
                    write(out, "511 Command Not Permitted on a dead channel or intercept routine\n");
                    continue;
                }
                String reply;
                String command = args.isEmpty() ? "" : args.get(0).toUpperCase();
                switch (command) {
                    case "STREAM" -> {
                        played.add(args.get(2));
                        String escape = args.size() > 3 ? args.get(3) : "";
                        Answer next = pending.peek();
                        if (next instanceof BargeIn b && escape.indexOf(b.key()) >= 0) {
                            pending.poll();
                            reply = "200 result=" + (int) b.key() + " endpos=4000";
                        } else {
                            reply = "200 result=0 endpos=8000";
                        }
                    }
                    case "GET" -> {
                        if (args.get(1).equalsIgnoreCase("DATA")) {
                            played.addAll(List.of(args.get(2).split("&")));
                            Answer next = pending.poll();
                            int max = args.size() > 4 ? Integer.parseInt(args.get(4)) : 1024;
                            if (next instanceof HangUp) {
                                hungUp = true;
                                reply = "HANGUP\n200 result=-1";
                            } else if (next instanceof Keys k) {
                                reply = getData(k.keys(), max);
                            } else {
                                reply = "200 result= (timeout)";
                            }
                        } else {
                            String name = args.get(args.get(1).equalsIgnoreCase("FULL") ? 3 : 2);
                            String value = name.equals("${CHANNEL(linkedid)}") ? uniqueId : variables.get(name);
                            reply = value == null ? "200 result=0" : "200 result=1 (" + value + ")";
                        }
                    }
                    case "SET" -> {
                        variables.put(args.get(2).replaceFirst("^_{1,2}", ""), args.size() > 3 ? args.get(3) : "");
                        reply = "200 result=1";
                    }
                    case "WAIT" -> {
                        Answer next = pending.poll();
                        if (next instanceof HangUp) {
                            hungUp = true;
                            reply = "HANGUP\n200 result=-1";
                        } else if (next instanceof Keys k && !k.keys().isEmpty()) {
                            reply = "200 result=" + (int) k.keys().charAt(0);
                        } else {
                            reply = "200 result=0";
                        }
                    }
                    case "ANSWER", "EXEC", "VERBOSE" -> reply = "200 result=0";
                    case "HANGUP" -> {
                        hungUp = true;
                        reply = "200 result=1";
                    }
                    default -> reply = "510 Invalid or unknown command";
                }
                write(out, reply + "\n");
            }
            return new Session(commands, played, Map.copyOf(variables));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    // GET DATA stops at '#', or at max digits
    private static String getData(String keys, int max) {
        int hash = keys.indexOf('#');
        String entered = hash >= 0 ? keys.substring(0, hash) : keys;
        if (entered.length() >= max) {
            return "200 result=" + entered.substring(0, max);
        }
        return "200 result=" + entered + (hash >= 0 ? "" : " (timeout)");
    }

    private String headers(String script) {
        return "agi_network: yes\n"
                + "agi_network_script: " + script + "\n"
                + "agi_request: agi://127.0.0.1:" + port + "/" + script + "\n"
                + "agi_channel: Local/95598@hotline-inbound-00000001;2\n"
                + "agi_language: zh\n"
                + "agi_type: Local\n"
                + "agi_uniqueid: " + uniqueId + "\n"
                + "agi_version: 22.10.1\n"
                + "agi_callerid: " + callerNumber + "\n"
                + "agi_calleridname: unknown\n"
                + "agi_callingpres: 0\n"
                + "agi_callingani2: 0\n"
                + "agi_callington: 0\n"
                + "agi_callingtns: 0\n"
                + "agi_dnid: 95598\n"
                + "agi_rdnis: unknown\n"
                + "agi_context: hotline-ivr\n"
                + "agi_extension: s\n"
                + "agi_priority: 4\n"
                + "agi_enhanced: 0.0\n"
                + "agi_accountcode: \n"
                + "agi_threadid: 140000000000000\n"
                + "\n";
    }

    private static void write(OutputStream out, String text) throws IOException {
        out.write(text.getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    // AGI's command line: words, or "quoted strings" with backslash escapes
    static List<String> tokens(String line) {
        List<String> out = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        boolean quoted = false;
        boolean inWord = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted) {
                if (c == '\\' && i + 1 < line.length()) {
                    word.append(line.charAt(++i));
                } else if (c == '"') {
                    quoted = false;
                } else {
                    word.append(c);
                }
            } else if (c == '"') {
                quoted = true;
                inWord = true;
            } else if (c == ' ') {
                if (inWord) {
                    out.add(word.toString());
                    word.setLength(0);
                    inWord = false;
                }
            } else {
                word.append(c);
                inWord = true;
            }
        }
        if (inWord) {
            out.add(word.toString());
        }
        return out;
    }
}
