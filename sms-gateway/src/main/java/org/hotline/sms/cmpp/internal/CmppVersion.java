package org.hotline.sms.cmpp.internal;

/** The two CMPP versions in use, with the field sizes in which they differ. */
public enum CmppVersion {
    /** CMPP 2.0: 21-octet terminal ids, 1-octet results, no LinkID. */
    V2_0(0x20, 21, 1),
    /** CMPP 3.0: 32-octet terminal ids with a terminal type, 4-octet results, 20-octet LinkID. */
    V3_0(0x30, 32, 4);

    private final int wire;
    private final int terminalIdLength;
    private final int resultLength;

    CmppVersion(int wire, int terminalIdLength, int resultLength) {
        this.wire = wire;
        this.terminalIdLength = terminalIdLength;
        this.resultLength = resultLength;
    }

    /** The Version octet of CMPP_CONNECT (0x20 or 0x30). */
    public int wire() {
        return wire;
    }

    /** Length of Fee_terminal_Id, Dest_terminal_Id and Src_terminal_Id. */
    public int terminalIdLength() {
        return terminalIdLength;
    }

    /** Length of Status / Result in the responses. */
    public int resultLength() {
        return resultLength;
    }

    /** Whether terminal ids are followed by a terminal type octet and messages carry a LinkID (3.0). */
    public boolean v3() {
        return this == V3_0;
    }

    /** The version a CONNECT's Version octet asks for: major 2 or 3, any minor. */
    public static CmppVersion ofWire(int octet) {
        return switch (octet >> 4) {
            case 2 -> V2_0;
            case 3 -> V3_0;
            default -> throw new IllegalArgumentException("Version: 0x%02x (expected: 0x20 or 0x30)".formatted(octet));
        };
    }

    /** "2.0" / "3.0" as written in the settings. */
    public static CmppVersion parse(String text) {
        return switch (text == null ? "3.0" : text.trim()) {
            case "2", "2.0", "20", "V2_0" -> V2_0;
            case "3", "3.0", "30", "V3_0" -> V3_0;
            default -> throw new IllegalArgumentException("cmpp-version: " + text + " (expected: 2.0 or 3.0)");
        };
    }
}
