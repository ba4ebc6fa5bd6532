package org.hotline.pbxsim.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SimChannelTests {

    private static SimChannel channel() {
        return new SimChannel("Local/s@callers-00000000;2", "1795434946.1", "1795434946.0", 4, "callers", "s", 0);
    }

    @Test
    void chanVariableShowsTheBareNameWhateverTheInheritancePrefix() {
        SimChannel c = channel();
        c.setVar("__IVR_ACCOUNT", "2024001");
        Frame f = Frame.bare("Test");
        c.writeBlock(f, "Dest", List.of("IVR_ACCOUNT", "IVR_CHOICE"));
        assertThat(f.toString()).contains("DestChanVariable: IVR_ACCOUNT=2024001\r\n")
                .contains("DestChanVariable: IVR_CHOICE=\r\n").contains("DestChannelStateDesc: Ring\r\n");
    }

    @Test
    void inheritableVariablesComeNewestFirstAndOnlyDoubleUnderscoreOnes() {
        SimChannel c = channel();
        c.setVar("__TALKTIME", "6");
        c.setVar("CALLERNUM", "13800138000");
        c.setVar("_SINGLE", "x");
        c.setVar("__IVR_CHOICE", "billing");
        assertThat(c.inheritable()).containsExactly(Map.entry("__IVR_CHOICE", "billing"), Map.entry("__TALKTIME", "6"));
    }
}
