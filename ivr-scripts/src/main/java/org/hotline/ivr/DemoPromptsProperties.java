package org.hotline.ivr;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the demo's spoken prompts ({@code hotline.ivr.demo-prompts.*}, env {@code HOTLINE_IVR_DEMO_PROMPTS_*}).
 *
 * @param dir   the folder Asterisk reads the prompts from ({@code sounds/zh/hotline}); missing ones are spoken there at
 *              start with espeak-ng and sox (default empty: nothing is generated; {@code ./hotline demo} sets
 *              {@code docker/asterisk-media/prompts})
 * @param voice the espeak-ng voice (default {@code cmn}, Mandarin)
 */
@ConfigurationProperties("hotline.ivr.demo-prompts")
public record DemoPromptsProperties(@DefaultValue("") String dir, @DefaultValue("cmn") String voice) {
}
