package org.hotline.sms.message;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import org.hotline.sms.message.internal.Gsm7Alphabet;
import org.hotline.sms.message.internal.PreparedText;
import org.hotline.sms.message.internal.Septets;
import org.hotline.sms.message.internal.Split;
import org.hotline.sms.message.internal.TextDecoder;
import org.hotline.sms.message.internal.Udh;

/**
 * Encodes texts into submit_sm parts (GSM-7 when every character fits, else UCS-2; a concatenation UDH when long)
 * and decodes received short messages into {@link ReceivedPart}s. Immutable and thread-safe.
 */
public final class SmsCodec {

    private final SmsCodecSettings settings;

    /** A codec with the given settings. */
    public SmsCodec(SmsCodecSettings settings) {
        this.settings = Objects.requireNonNull(settings, "settings");
    }

    /** The codec's settings. */
    public SmsCodecSettings settings() {
        return settings;
    }

    /**
     * Counts what sending the text takes, without the part limit failing it (templates show an over-long preview).
     *
     * @throws SmsTextException for an empty text or a character the out-of-range rule rejects
     */
    public SegmentCount count(String text) {
        PreparedText prepared = PreparedText.of(text, settings.outOfRange());
        Split split = Split.of(prepared.text());
        List<Integer> characters = new ArrayList<>(split.parts());
        List<Integer> units = new ArrayList<>(split.parts());
        for (int i = 0; i < split.parts(); i++) {
            characters.add(prepared.text().codePointCount(split.bounds()[i], split.bounds()[i + 1]));
            units.add(split.partUnits()[i]);
        }
        SmsEncoding encoding = split.encoding();
        int capacity = split.parts() == 1 ? encoding.singleCapacity() : encoding.partCapacity();
        return new SegmentCount(encoding, prepared.text().codePointCount(0, prepared.text().length()), split.units(),
                split.parts(), capacity, characters, units, prepared.replaced(), settings.maxParts());
    }

    /**
     * Encodes the text into parts that share the concatenation reference.
     *
     * @param reference the 8-bit concatenation reference (0..255), used only when the text needs more than one part
     * @throws SmsTextException for an empty text, a rejected character, or more parts than the limit
     */
    public EncodedSms encode(String text, int reference) {
        if (reference < 0 || reference > 255) {
            throw new IllegalArgumentException("reference: " + reference + " (expected: 0..255)");
        }
        PreparedText prepared = PreparedText.of(text, settings.outOfRange());
        String sent = prepared.text();
        Split split = Split.of(sent);
        if (split.parts() > settings.maxParts()) {
            throw new SmsTextException("parts: %d (expected: <= %d)".formatted(split.parts(), settings.maxParts()));
        }
        int total = split.parts();
        List<SmsPart> parts = new ArrayList<>(total);
        for (int i = 0; i < total; i++) {
            String partText = sent.substring(split.bounds()[i], split.bounds()[i + 1]);
            byte[] udh = total == 1 ? new byte[0] : Udh.concat(reference, total, i + 1);
            byte[] body = split.encoding() == SmsEncoding.UCS2
                    ? partText.getBytes(StandardCharsets.UTF_16BE)
                    : gsm7(partText, split.partUnits()[i], udh.length);
            byte[] shortMessage = Arrays.copyOf(udh, udh.length + body.length);
            System.arraycopy(body, 0, shortMessage, udh.length, body.length);
            parts.add(new SmsPart(i + 1, total, total == 1 ? 0 : reference, shortMessage, partText));
        }
        return new EncodedSms(split.encoding(), settings.gsm7Packing(), sent, prepared.replaced(), parts);
    }

    private byte[] gsm7(String text, int septetCount, int udhLength) {
        byte[] septets = new byte[septetCount];
        int at = 0;
        for (int i = 0; i < text.length(); i++) {
            at = Gsm7Alphabet.write(text.charAt(i), septets, at);
        }
        return settings.gsm7Packing() == Gsm7Packing.PACKED
                ? Septets.pack(septets, 0, septets.length, Septets.fillBits(udhLength))
                : septets;
    }

    /**
     * Decodes a received short message (deliver_sm of an MO message); data_coding 0 is read with this codec's
     * {@link Gsm7Packing}, a UDH (esm_class 0x40) is read for an 8- or 16-bit concatenation element.
     *
     * @throws SmsTextException for a data_coding that carries no text
     * @throws IllegalArgumentException for a malformed UDH
     */
    public ReceivedPart decode(String source, int dataCoding, int esmClass, byte[] shortMessage) {
        TextDecoder.requireText(dataCoding);
        int from = 0;
        int reference = 0;
        int total = 1;
        int sequence = 1;
        if ((esmClass & SmsPart.ESM_CLASS_UDHI) != 0) {
            int[] header = Udh.read(shortMessage);
            from = header[0];
            if (header[2] > 0 && header[3] >= 1 && header[3] <= header[2]) {
                reference = header[1];
                total = header[2];
                sequence = header[3];
            }
        }
        byte[] units;
        if (dataCoding == 0x00 && settings.gsm7Packing() == Gsm7Packing.PACKED) {
            units = Septets.unpack(shortMessage, from, shortMessage.length, Septets.fillBits(from));
        } else {
            units = Arrays.copyOfRange(shortMessage, from, shortMessage.length);
        }
        return new ReceivedPart(source, dataCoding, reference, total, sequence, units);
    }
}
