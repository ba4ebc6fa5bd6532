package org.hotline.ivr.internal;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.asteriskjava.fastagi.AgiChannel;
import org.asteriskjava.fastagi.AgiException;
import org.asteriskjava.fastagi.AgiHangupException;
import org.asteriskjava.fastagi.AgiNetworkException;
import org.asteriskjava.fastagi.AgiRequest;
import org.hotline.ivr.CallerHungUpException;
import org.hotline.ivr.IvrCall;
import org.hotline.ivr.IvrVariables;

/** {@link IvrCall} over asterisk-java's FastAGI channel: every AGI failure that means "the call is gone" is a hang-up. */
final class AgiIvrCall implements IvrCall {

    private final AgiRequest request;
    private final AgiChannel channel;
    private final Map<String, Object> facts = new LinkedHashMap<>();
    private String callId;
    private String path;

    AgiIvrCall(AgiRequest request, AgiChannel channel) {
        this.request = request;
        this.channel = channel;
    }

    /** One AGI command; what it returns. */
    private interface Command<T> {
        T send() throws AgiException;
    }

    private static <T> T agi(Command<T> command) {
        try {
            return command.send();
        } catch (AgiHangupException | AgiNetworkException e) {
            throw new CallerHungUpException(e.getMessage(), e);
        } catch (AgiException e) {
            throw new IllegalStateException("AGI: " + e.getMessage(), e);
        }
    }

    @Override
    public String callId() {
        if (callId == null) {
            String linked = agi(() -> channel.getFullVariable("${CHANNEL(linkedid)}"));
            callId = linked == null || linked.isBlank() ? request.getUniqueId() : linked;
        }
        return callId;
    }

    @Override
    public String callerNumber() {
        String number = request.getCallerIdNumber();
        return number == null ? "" : number;
    }

    @Override
    public Optional<String> parameter(String name) {
        return Optional.ofNullable(request.getParameter(name));
    }

    @Override
    public String variable(String name) {
        String value = agi(() -> channel.getVariable(name));
        return value == null ? "" : value;
    }

    @Override
    public void setVariable(String name, String value) {
        // a line break would end the AGI command early: values are data, one line
        String clean = value == null ? "" : value.replaceAll("[\\p{Cntrl}\"\\\\]", " ");
        agi(() -> {
            channel.setVariable("__" + name, clean);
            return null;
        });
    }

    @Override
    public void appendPath(String step) {
        if (path == null) {
            path = variable(IvrVariables.PATH);
        }
        String next = path.isEmpty() ? step : path + ">" + step;
        path = next.length() <= MAX_PATH ? next : next.substring(next.length() - MAX_PATH);
        setVariable(IvrVariables.PATH, path);
    }

    /** The call id if a script asked for it (no extra command at the end of a run). */
    String callIdIfKnown() {
        return callId;
    }

    /** The path as this run left it (null when the run never touched it). */
    String path() {
        return path;
    }

    @Override
    public void fact(String name, Object value) {
        facts.put(name, value);
    }

    Map<String, Object> facts() {
        return facts;
    }

    @Override
    public char play(List<String> files, String keys) {
        for (String file : files) {
            char key = agi(() -> channel.streamFile(file, keys));
            if (key != NO_KEY && keys.indexOf(key) >= 0) {
                return key;
            }
        }
        return NO_KEY;
    }

    @Override
    public char waitForKey(Duration timeout) {
        char key = agi(() -> channel.waitForDigit((int) timeout.toMillis()));
        return key == (char) -1 ? NO_KEY : key;
    }

    @Override
    public String readDigits(List<String> files, Duration timeout, int maxDigits) {
        if (files.isEmpty()) {
            throw new IllegalArgumentException("files: none (expected: a prompt to read digits after)");
        }
        // GET DATA plays files joined by '&' one after the other, stopping at the first key
        String digits = agi(() -> channel.getData(String.join("&", files), timeout.toMillis(), maxDigits));
        if ("-1".equals(digits)) {
            throw new CallerHungUpException("GET DATA: the caller hung up", null);
        }
        return digits == null ? "" : digits;
    }
}
