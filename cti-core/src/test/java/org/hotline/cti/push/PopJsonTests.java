package org.hotline.cti.push;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.hotline.cti.screenpop.ScreenPop;
import org.junit.jupiter.api.Test;

class PopJsonTests {

    private final ScreenPop pop = TestPops.pop("1001", "1795434946.0", 3, ScreenPop.Status.ANSWERED, 0);

    @Test
    void popRoundTripsByteExactWithChineseAndHostileText() {
        String json = PopJson.write(pop);
        ScreenPop back = PopJson.readPop(json);

        assertThat(back).isEqualTo(pop);
        assertThat(back.callerName()).isEqualTo("张三 " + TestPops.HOSTILE);
        assertThat(PopJson.write(back).getBytes(StandardCharsets.UTF_8)).isEqualTo(json.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void chineseStaysRawUtf8WhileMarkupCharactersAreEscaped() {
        String json = PopJson.write(pop);

        assertThat(json).contains("张三", "建设南路", "报修");
        assertThat(json).doesNotContain("<", ">", "&", "'", "\u2028");
        assertThat(json).contains("\\u003Cimg src=x onerror=alert(1)\\u003E", "\\u003C/script\\u003E", "\\u2028");
    }

    @Test
    void instantsAreIsoStringsWithFullPrecision() {
        assertThat(PopJson.write(pop)).contains("\"ringingAt\":\"2026-03-01T08:15:30.123456789Z\"");
    }

    @Test
    void sameMapInAnyOrderGivesSameBytes() {
        Map<String, String> ab = new LinkedHashMap<>();
        ab.put("a", "1");
        ab.put("b", "2");
        Map<String, String> ba = new LinkedHashMap<>();
        ba.put("b", "2");
        ba.put("a", "1");

        assertThat(PopJson.write(ab)).isEqualTo(PopJson.write(ba)).isEqualTo("{\"a\":\"1\",\"b\":\"2\"}");
    }

    @Test
    void decimalsAreWrittenPlainWithTheirScale() {
        assertThat(PopJson.write(Map.of("v", new BigDecimal("1E+3")))).isEqualTo("{\"v\":1000}");
        assertThat(PopJson.write(pop)).contains("\"arrears\":1234.50");
    }

    @Test
    void unknownFieldsFromANewerNodeAreIgnored() {
        String json = PopJson.write(pop);
        String newer = "{\"addedInV2\":[1,2]," + json.substring(1);

        assertThat(PopJson.readPop(newer)).isEqualTo(pop);
    }

    @Test
    void aListOfPopsRoundTrips() {
        List<ScreenPop> pops = List.of(pop, TestPops.pop("1001", "1795434950.3", 9));
        String json = PopJson.write(pops);

        assertThat(PopJson.read(json, ScreenPop[].class)).containsExactlyElementsOf(pops);
    }

    @Test
    void malformedJsonIsRejectedWithTheTypeInTheMessage() {
        assertThatThrownBy(() -> PopJson.readPop("{\"callId\":"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("json: not a ScreenPop");
    }

    @Test
    void mapperCopiesDoNotChangeTheSharedMapping() {
        PopJson.mapper().enable(com.fasterxml.jackson.databind.SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

        assertThat(PopJson.write(pop)).contains("\"ringingAt\":\"2026-03-01T08:15:30.123456789Z\"");
    }
}
