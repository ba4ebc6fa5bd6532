package org.hotline.sms.smpp;

import java.time.Duration;
import java.util.List;
import org.hotline.sms.message.MessageIdFormat;
import org.hotline.sms.message.MessageIds;
import org.hotline.sms.route.NumberPrefixes;
import org.hotline.sms.route.RouteAccount;
import org.hotline.sms.route.SignaturePlacement;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The SMSC connections ({@code hotline.sms.smsc[n].*}); a message goes through the bound accounts whose
 * prefixes take its number (ADR 0035).
 *
 * @param smsc one entry per SMSC account
 */
@ConfigurationProperties("hotline.sms")
public record SmscProperties(List<Smsc> smsc) {

    /** Treats a missing list as no SMSC. */
    public SmscProperties {
        smsc = smsc == null ? List.of() : List.copyOf(smsc);
    }

    /** How the SMSC accepts a bind. */
    public enum BindMode {
        /** One transceiver session per bind. */
        TRANSCEIVER,
        /** A transmitter and a receiver session per bind. */
        TX_RX
    }

    /** The wire protocol of an account. */
    public enum Protocol {
        /** SMPP 3.4 (jsmpp). */
        SMPP,
        /** CMPP 2.0 or 3.0, China Mobile's gateways (ADR 0034). */
        CMPP
    }

    /**
     * CMPP's own settings ({@code hotline.sms.smsc[n].cmpp.*}); the SP id is the account's system-id, the 106 access
     * code its source-address.
     *
     * @param version 2.0 or 3.0 (default 3.0)
     * @param serviceId Service_Id, the business code the carrier assigned (default empty)
     * @param msgSrc Msg_src, the SP id messages are counted under (default: the system-id)
     * @param feeUserType who pays: 0 the receiver, 1 the sender, 2 the SP, 3 the fee terminal (default 2)
     * @param feeType FeeType: 01 free, 02 per message, 03 monthly (default 01)
     * @param feeCode FeeCode in fen (default 000000)
     * @param window submits awaiting their response per connection, CMPP's sliding window (default 16)
     */
    public record Cmpp(String version, String serviceId, String msgSrc, Integer feeUserType, String feeType,
                       String feeCode, Integer window) {

        /** Fills defaults; the version must be 2.0 or 3.0. */
        public Cmpp {
            version = version == null || version.isBlank() ? "3.0" : version.trim();
            if (!version.matches("2(\\.0)?|3(\\.0)?")) {
                throw new IllegalArgumentException("hotline.sms.smsc[].cmpp.version: " + version
                        + " (expected: 2.0 or 3.0)");
            }
            serviceId = serviceId == null ? "" : serviceId;
            msgSrc = msgSrc == null ? "" : msgSrc;
            feeUserType = feeUserType == null ? 2 : feeUserType;
            feeType = feeType == null || feeType.isBlank() ? "01" : feeType;
            feeCode = feeCode == null || feeCode.isBlank() ? "000000" : feeCode;
            window = window == null ? 16 : window;
            if (window < 1) {
                throw new IllegalArgumentException("hotline.sms.smsc[].cmpp.window: " + window + " (expected: >= 1)");
            }
        }

        /** Every default: version 3.0, free, paid by the SP, window 16. */
        public static Cmpp defaults() {
            return new Cmpp(null, null, null, null, null, null, null);
        }

        /** These settings in another version. */
        public Cmpp withVersion(String v) {
            return new Cmpp(v, serviceId, msgSrc, feeUserType, feeType, feeCode, window);
        }
    }

    /**
     * One SMSC account.
     *
     * @param name a short name stored with each message sent through it (default {@code smsc})
     * @param host SMSC host
     * @param port SMSC port (2775 by default)
     * @param systemId bind system_id
     * @param password bind password
     * @param systemType bind system_type (often empty)
     * @param sourceAddress source_addr of submits, e.g. the utility's service code 95598
     * @param sourceTon its TON (0 unknown, 1 international, 2 national, 3 network specific, 5 alphanumeric)
     * @param sourceNpi its NPI (0 unknown, 1 ISDN)
     * @param maxSubmitsPerSecond the account's contracted rate; submits are paced to it
     * @param maxInFlight submits awaiting a response at once (the SMPP window)
     * @param bindCount binds held at once, never more
     * @param bindMode transceiver, or transmitter + receiver
     * @param submitIdFormat how the SMSC writes ids in submit_sm_resp
     * @param receiptIdFormat how it writes them in delivery receipts
     * @param enquireLinkInterval keep-alive period
     * @param responseTimeout how long a submit waits for its response before it is in doubt
     * @param reconnectBackoffCap reconnect waits double from 200 ms up to this
     * @param querySm whether the SMSC answers query_sm: a message still without a receipt at the receipt timeout is
     *     asked after before it ends unknown (default false)
     * @param carrier the carrier or provider shown on the pages (e.g. 中国移动), default the name
     * @param prefixes the number prefixes (号段) it takes, e.g. {@code 134-139,147,150}; a range {@code a-b} of
     *     equally long prefixes stands for each of them; empty: any number (ADR 0035)
     * @param priority lower is tried first among the accounts that take a number (default 0)
     * @param signature the signature registered for it (报备签名, 【…】); null: the administrator's signature
     * @param signaturePlacement where the signature goes in the text sent through it (default START)
     * @param extendedSource whether messages append their purpose's extension to {@code sourceAddress} (a 106 code);
     *     default true when the source address starts with 106
     * @param protocol SMPP (default) or CMPP
     * @param cmpp CMPP's own settings, used when the protocol is CMPP
     */
    public record Smsc(String name, String host, Integer port, String systemId, String password, String systemType,
                       String sourceAddress, Integer sourceTon, Integer sourceNpi, Integer maxSubmitsPerSecond,
                       Integer maxInFlight, Integer bindCount, BindMode bindMode, MessageIdFormat submitIdFormat,
                       MessageIdFormat receiptIdFormat, Duration enquireLinkInterval, Duration responseTimeout,
                       Duration reconnectBackoffCap, Boolean querySm, String carrier, List<String> prefixes,
                       Integer priority, String signature, SignaturePlacement signaturePlacement,
                       Boolean extendedSource, Protocol protocol, Cmpp cmpp) {

        /** Fills defaults and checks what must be set. */
        public Smsc {
            if (host == null || host.isBlank() || systemId == null || systemId.isBlank()) {
                throw new IllegalArgumentException("hotline.sms.smsc: host and system-id are required");
            }
            name = name == null || name.isBlank() ? "smsc" : name;
            port = port == null ? 2775 : port;
            password = password == null ? "" : password;
            systemType = systemType == null ? "" : systemType;
            sourceAddress = sourceAddress == null ? "95598" : sourceAddress;
            sourceTon = sourceTon == null ? 0 : sourceTon;
            sourceNpi = sourceNpi == null ? 0 : sourceNpi;
            maxSubmitsPerSecond = maxSubmitsPerSecond == null ? 200 : maxSubmitsPerSecond;
            maxInFlight = maxInFlight == null ? 10 : maxInFlight;
            bindCount = bindCount == null ? 1 : bindCount;
            bindMode = bindMode == null ? BindMode.TRANSCEIVER : bindMode;
            submitIdFormat = submitIdFormat == null ? MessageIdFormat.STRING : submitIdFormat;
            receiptIdFormat = receiptIdFormat == null ? submitIdFormat : receiptIdFormat;
            enquireLinkInterval = enquireLinkInterval == null ? Duration.ofSeconds(30) : enquireLinkInterval;
            responseTimeout = responseTimeout == null ? Duration.ofSeconds(10) : responseTimeout;
            reconnectBackoffCap = reconnectBackoffCap == null ? Duration.ofSeconds(30) : reconnectBackoffCap;
            querySm = querySm != null && querySm;
            carrier = carrier == null || carrier.isBlank() ? name : carrier.strip();
            prefixes = NumberPrefixes.expand(name, prefixes);
            priority = priority == null ? 0 : priority;
            signature = signature == null || signature.isBlank() ? null : signature.strip();
            signaturePlacement = signaturePlacement == null ? SignaturePlacement.START : signaturePlacement;
            extendedSource = extendedSource == null ? sourceAddress.startsWith("106") : extendedSource;
            protocol = protocol == null ? Protocol.SMPP : protocol;
            cmpp = cmpp == null ? Cmpp.defaults() : cmpp;
            if (protocol == Protocol.CMPP) {
                // CMPP's Msg_Id is a 64-bit number, kept as its unsigned decimal in both places (ADR 0034)
                submitIdFormat = MessageIdFormat.DECIMAL;
                receiptIdFormat = MessageIdFormat.DECIMAL;
            }
            if (maxSubmitsPerSecond < 1 || maxInFlight < 1 || bindCount < 1) {
                throw new IllegalArgumentException("hotline.sms.smsc[" + name + "]: max-submits-per-second, "
                        + "max-in-flight and bind-count must be >= 1");
            }
        }

        /** A minimal account: everything else defaulted. */
        public static Smsc of(String name, String host, int port, String systemId, String password) {
            return new Smsc(name, host, port, systemId, password, null, null, null, null, null, null, null, null,
                    null, null, null, null, null, null, null, null, null, null, null, null, null, null);
        }

        /** This account with another rate and window. */
        public Smsc withThroughput(int submitsPerSecond, int inFlight) {
            return new Smsc(name, host, port, systemId, password, systemType, sourceAddress, sourceTon, sourceNpi,
                    submitsPerSecond, inFlight, bindCount, bindMode, submitIdFormat, receiptIdFormat,
                    enquireLinkInterval, responseTimeout, reconnectBackoffCap, querySm, carrier, prefixes, priority, signature,
                    signaturePlacement, extendedSource, protocol, cmpp);
        }

        /** This account with other id formats. */
        public Smsc withIdFormats(MessageIdFormat submit, MessageIdFormat receipt) {
            return new Smsc(name, host, port, systemId, password, systemType, sourceAddress, sourceTon, sourceNpi,
                    maxSubmitsPerSecond, maxInFlight, bindCount, bindMode, submit, receipt, enquireLinkInterval,
                    responseTimeout, reconnectBackoffCap, querySm, carrier, prefixes, priority, signature,
                    signaturePlacement, extendedSource, protocol, cmpp);
        }

        /** This account with other binds. */
        public Smsc withBinds(int count, BindMode mode) {
            return new Smsc(name, host, port, systemId, password, systemType, sourceAddress, sourceTon, sourceNpi,
                    maxSubmitsPerSecond, maxInFlight, count, mode, submitIdFormat, receiptIdFormat,
                    enquireLinkInterval, responseTimeout, reconnectBackoffCap, querySm, carrier, prefixes, priority, signature,
                    signaturePlacement, extendedSource, protocol, cmpp);
        }

        /** This account with other timers. */
        public Smsc withTimers(Duration enquireLink, Duration response, Duration backoffCap) {
            return new Smsc(name, host, port, systemId, password, systemType, sourceAddress, sourceTon, sourceNpi,
                    maxSubmitsPerSecond, maxInFlight, bindCount, bindMode, submitIdFormat, receiptIdFormat,
                    enquireLink, response, backoffCap, querySm, carrier, prefixes, priority, signature,
                    signaturePlacement, extendedSource, protocol, cmpp);
        }

        /** This account with query_sm on or off. */
        public Smsc withQuerySm(boolean on) {
            return new Smsc(name, host, port, systemId, password, systemType, sourceAddress, sourceTon, sourceNpi,
                    maxSubmitsPerSecond, maxInFlight, bindCount, bindMode, submitIdFormat, receiptIdFormat,
                    enquireLinkInterval, responseTimeout, reconnectBackoffCap, on, carrier, prefixes, priority, signature,
                    signaturePlacement, extendedSource, protocol, cmpp);
        }

        /** This account with the numbers it takes and its rank among the accounts that take them. */
        public Smsc withRoute(String carrierName, List<String> numberPrefixes, int rank) {
            return new Smsc(name, host, port, systemId, password, systemType, sourceAddress, sourceTon, sourceNpi,
                    maxSubmitsPerSecond, maxInFlight, bindCount, bindMode, submitIdFormat, receiptIdFormat,
                    enquireLinkInterval, responseTimeout, reconnectBackoffCap, querySm, carrierName, numberPrefixes,
                    rank, signature, signaturePlacement, null, protocol, cmpp);
        }

        /** This account with another source address (its 106 code) and signature. */
        public Smsc withSource(String source, String registeredSignature, SignaturePlacement placement) {
            return new Smsc(name, host, port, systemId, password, systemType, source, sourceTon, sourceNpi,
                    maxSubmitsPerSecond, maxInFlight, bindCount, bindMode, submitIdFormat, receiptIdFormat,
                    enquireLinkInterval, responseTimeout, reconnectBackoffCap, querySm, carrier, prefixes,
                    priority, registeredSignature, placement, null, protocol, cmpp);
        }

        /** This account over CMPP with {@code settings} (its ids then are Msg_Id as unsigned decimal numbers). */
        public Smsc withCmpp(Cmpp settings) {
            return new Smsc(name, host, port, systemId, password, systemType, sourceAddress, sourceTon, sourceNpi,
                    maxSubmitsPerSecond, maxInFlight, bindCount, bindMode, MessageIdFormat.DECIMAL,
                    MessageIdFormat.DECIMAL, enquireLinkInterval, responseTimeout, reconnectBackoffCap, querySm,
                    carrier, prefixes, priority, signature, signaturePlacement, extendedSource, Protocol.CMPP, settings);
        }

        /** What routing knows of this account. */
        public RouteAccount route() {
            return new RouteAccount(name, priority, prefixes);
        }

        /** The id normalisation for this SMSC. */
        public MessageIds messageIds() {
            return new MessageIds(submitIdFormat, receiptIdFormat);
        }
    }
}
