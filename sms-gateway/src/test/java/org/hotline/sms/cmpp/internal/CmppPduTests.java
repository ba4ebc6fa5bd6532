package org.hotline.sms.cmpp.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Golden bytes of CMPP 2.0 and 3.0 bodies, written from the specs' field tables (offsets and lengths) by a separate
 * script, not by this codec: SP id 901234, secret "secret", 2026-12-07 16:50:00, one UCS-2 text 停电 to 13900000001
 * from 1065759555, service HOTLINE, free, paid by the SP.
 */
class CmppPduTests {

    private static final HexFormat HEX = HexFormat.of();
    private static final LocalDateTime AT = LocalDateTime.of(2026, 12, 7, 16, 50, 0);
    private static final String CONNECT = "3930313233349eedde8de4b59ed28dfd403c61ff4b963047f3e048";
    private static final String SUBMIT_20 = "000000000000000001010100484f544c494e450000000200000000000000000000000000000000000000000000000839"
            + "303132333430313030303030300000000000000000000000000000000000000000000000000000000000000000000031"
            + "30363537353935353500000000000000000000000131333930303030303030310000000000000000000004505c753500"
            + "00000000000000";
    private static final String SUBMIT_30 = "000000000000000001010100484f544c494e450000000200000000000000000000000000000000000000000000000000"
            + "000000000000000000000839303132333430313030303030300000000000000000000000000000000000000000000000"
            + "000000000000000000000031303635373539353535000000000000000000000001313339303030303030303100000000"
            + "00000000000000000000000000000000000004505c75350000000000000000000000000000000000000000";
    private static final String REPORT_20 = "c00000000000000144454c49565244323631323037313635303236313230373136353131333930303030303030310000"
            + "000000000000000000000007";
    private static final String REPORT_30 = "c00000000000000144454c49565244323631323037313635303236313230373136353131333930303030303030310000"
            + "0000000000000000000000000000000000000000000007";
    private static final String DELIVER_20 = "000000000000000531303635373539353535000000000000000000000000000000000000000000000000313339303030"
            + "303030303100000000000000000000013cc00000000000000144454c4956524432363132303731363530323631323037"
            + "31363531313339303030303030303100000000000000000000000000070000000000000000";
    private static final String DELIVER_30 = "000000000000000531303635373539353535000000000000000000000000000000000000000000000000313339303030"
            + "3030303031000000000000000000000000000000000000000000000147c00000000000000144454c4956524432363132"
            + "303731363530323631323037313635313133393030303030303031000000000000000000000000000000000000000000"
            + "000000070000000000000000000000000000000000000000";

    private static CmppSubmit submit() {
        return new CmppSubmit(0, 1, 1, 1, 0, "HOTLINE", 2, "", 0, 8, "901234", "01", "000000", "1065759555",
                List.of("13900000001"), "停电".getBytes(StandardCharsets.UTF_16BE), "");
    }

    @Test
    void connectIs27OctetsWithTheMd5OfSpIdNineZerosSecretAndTimestamp() {
        CmppConnect c = CmppConnect.of("901234", "secret", CmppVersion.V3_0, AT);
        assertThat(c.timestamp()).isEqualTo(1207165000);
        assertThat(HEX.formatHex(c.encode())).isEqualTo(CONNECT);
        assertThat(CmppConnect.of("901234", "secret", CmppVersion.V2_0, AT).encode()[22]).isEqualTo((byte) 0x20);
        CmppConnect back = CmppConnect.decode(HEX.parseHex(CONNECT));
        assertThat(back.sourceAddr()).isEqualTo("901234");
        assertThat(back.version()).isEqualTo(0x30);
        assertThat(back.authenticator()).isEqualTo(c.authenticator());
    }

    @Test
    void connectRespStatusIsOneOctetIn20AndFourIn30WithTheIsmgAuthenticator() {
        byte[] source = CmppConnect.of("901234", "secret", CmppVersion.V3_0, AT).authenticator();
        byte[] v2 = new CmppConnectResp(0, CmppConnect.authenticatorIsmg(0, source, "secret", CmppVersion.V2_0), 0x20)
                .encode(CmppVersion.V2_0);
        byte[] v3 = new CmppConnectResp(0, CmppConnect.authenticatorIsmg(0, source, "secret", CmppVersion.V3_0), 0x30)
                .encode(CmppVersion.V3_0);
        assertThat(HEX.formatHex(v2)).isEqualTo("0026e8c935691d0ddb20778ead96c516d120");
        assertThat(HEX.formatHex(v3)).isEqualTo("00000000b7125754f461e299a77f3afb476bad6e30");
        assertThat(CmppConnectResp.decode(HEX.parseHex("03" + "00".repeat(16) + "20"), CmppVersion.V2_0).status())
                .isEqualTo(3);
        assertThat(CmppConnectResp.decode(HEX.parseHex("00000003" + "00".repeat(16) + "30"), CmppVersion.V3_0)
                .status()).isEqualTo(3);
        assertThat(CmppConnectResp.reason(3)).contains("wrong password");
    }

    @Test
    void submitFollowsThe20LayoutWith21OctetTerminalIdsAndEightReservedOctets() {
        byte[] body = submit().encode(CmppVersion.V2_0);
        assertThat(body).hasSize(151);
        assertThat(HEX.formatHex(body)).isEqualTo(SUBMIT_20);
        CmppSubmit back = CmppSubmit.decode(body, CmppVersion.V2_0);
        assertThat(back.destTerminalIds()).containsExactly("13900000001");
        assertThat(back.srcId()).isEqualTo("1065759555");
        assertThat(new String(back.content(), StandardCharsets.UTF_16BE)).isEqualTo("停电");
    }

    @Test
    void submitFollowsThe30LayoutWith32OctetTerminalIdsTheirTypesAndALinkId() {
        byte[] body = submit().encode(CmppVersion.V3_0);
        assertThat(body).hasSize(187);
        assertThat(HEX.formatHex(body)).isEqualTo(SUBMIT_30);
        CmppSubmit back = CmppSubmit.decode(body, CmppVersion.V3_0);
        assertThat(back.msgFmt()).isEqualTo(8);
        assertThat(back.feeUserType()).isEqualTo(2);
        assertThat(back.serviceId()).isEqualTo("HOTLINE");
        assertThat(back.destTerminalIds()).containsExactly("13900000001");
    }

    @Test
    void submitRefusesContentOverTheSpecsLengthsAndFieldsOverTheirWidth() {
        CmppSubmit s = submit();
        CmppSubmit long140 = new CmppSubmit(0, 1, 1, 1, 0, "", 2, "", 0, 8, "", "01", "0", "1", List.of("1"),
                new byte[141], "");
        assertThatThrownBy(() -> long140.encode(CmppVersion.V3_0)).hasMessage("Msg_Length: 141 (expected: <= 140)");
        CmppSubmit ascii160 = new CmppSubmit(0, 1, 1, 1, 0, "", 2, "", 0, 0, "", "01", "0", "1", List.of("1"),
                new byte[160], "");
        assertThat(ascii160.encode(CmppVersion.V2_0)).hasSize(147 + 160);
        CmppSubmit wideService = new CmppSubmit(0, 1, 1, 1, 0, "SERVICE-ID-TOO-LONG", 2, "", 0, 8, "", "01", "0", "1",
                List.of("1"), s.content(), "");
        assertThatThrownBy(() -> wideService.encode(CmppVersion.V2_0))
                .hasMessage("Service_Id: 19 octets (expected: <= 10)");
    }

    @Test
    void submitRespResultIsOneOctetIn20AndFourIn30() {
        CmppResponse r = new CmppResponse(0xC000000000000001L, 8);
        assertThat(HEX.formatHex(r.encode(CmppVersion.V2_0))).isEqualTo("c00000000000000108");
        assertThat(HEX.formatHex(r.encode(CmppVersion.V3_0))).isEqualTo("c00000000000000100000008");
        assertThat(CmppResponse.decode(HEX.parseHex("c00000000000000100000008"), CmppVersion.V3_0)).isEqualTo(r);
        assertThat(CmppResponse.decode(HEX.parseHex("c00000000000000108"), CmppVersion.V2_0)).isEqualTo(r);
    }

    @Test
    void msgIdIsCanonicalAsItsUnsignedDecimalNumberEvenWithTheTopBitSet() {
        assertThat(CmppResponse.canonicalId(0xC000000000000001L)).isEqualTo("13835058055282163713");
        assertThat(CmppResponse.canonicalId(42)).isEqualTo("42");
    }

    @Test
    void statusReportIs60OctetsIn20And71In30AndReadsAsAReceipt() {
        for (CmppVersion v : CmppVersion.values()) {
            CmppDeliver d = CmppDeliver.decode(HEX.parseHex(v.v3() ? DELIVER_30 : DELIVER_20), v);
            assertThat(d.statusReport()).isTrue();
            assertThat(d.destId()).isEqualTo("1065759555");
            assertThat(d.srcTerminalId()).isEqualTo("13900000001");
            assertThat(d.content()).hasSize(v.v3() ? 71 : 60);
            CmppStatusReport r = CmppStatusReport.decode(d.content(), v);
            assertThat(r).isEqualTo(new CmppStatusReport(0xC000000000000001L, "DELIVRD", "2612071650", "2612071651",
                    "13900000001", 7));
            assertThat(HEX.formatHex(r.encode(v))).isEqualTo(v.v3() ? REPORT_30 : REPORT_20);
            assertThat(HEX.formatHex(d.encode(v))).isEqualTo(v.v3() ? DELIVER_30 : DELIVER_20);
            org.hotline.sms.message.DeliveryReceipt receipt = org.hotline.sms.message.DeliveryReceipt.parse(
                    r.asReceiptText());
            assertThat(receipt.id()).isEqualTo("13835058055282163713");
            assertThat(receipt.state()).isEqualTo(org.hotline.sms.message.ReceiptState.DELIVERED);
            assertThat(receipt.doneDate()).isEqualTo(LocalDateTime.of(2026, 12, 7, 16, 51));
        }
    }

    @Test
    void aShortBodyIsAClearErrorNamingTheCommand() {
        assertThatThrownBy(() -> CmppSubmit.decode(new byte[20], CmppVersion.V3_0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("CMPP_SUBMIT body: 20 octets");
        assertThatThrownBy(() -> CmppVersion.parse("4.0")).hasMessage("cmpp-version: 4.0 (expected: 2.0 or 3.0)");
    }
}
