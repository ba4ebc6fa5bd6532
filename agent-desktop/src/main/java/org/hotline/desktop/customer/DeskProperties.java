package org.hotline.desktop.customer;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.hotline.cti.customer.NewContact;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of the desk's contact logging ({@code hotline.desk.*}): the sub-categories agents pick per category,
 * e.g. {@code hotline.desk.sub-categories.fault=停电,电压异常,表计故障}. A category without a configured list takes
 * the built-in one below; an empty list means free of sub-categories.
 *
 * @param subCategories sub-categories per category code (fault, enquiry, complaint, request, praise)
 * @param searchLimit how many cards one search returns at most (default 20)
 * @param cardReadLimit how many customer cards one user may open (by search or by number) within
 *                      {@code cardReadWindow} before further reads are refused (default 300: a busy agent opens a few
 *                      dozen; walking customer numbers opens hundreds a second)
 * @param cardReadWindow the span card reads are counted in (default 10m)
 * @param cardReadRetention how long the card-read audit keeps a read (default 180d: the six months of logs China's
 *                          Cybersecurity Law asks for); older reads are deleted every hour
 */
@ConfigurationProperties("hotline.desk")
public record DeskProperties(Map<String, List<String>> subCategories, Integer searchLimit, Integer cardReadLimit,
                             Duration cardReadWindow, Duration cardReadRetention) {

    /** The built-in lists of a 95598-style hotline. */
    public static final Map<String, List<String>> DEFAULT_SUB_CATEGORIES = Map.of(
            "fault", List.of("停电", "电压异常", "表计故障", "线路故障", "安全隐患"),
            "enquiry", List.of("电费电价", "停电信息", "业务办理进度", "用电政策", "其他咨询"),
            "complaint", List.of("服务态度", "停电时间过长", "抄表收费", "工程质量", "其他投诉"),
            "request", List.of("新装增容", "过户更名", "表计校验", "缴费方式", "停复电"),
            "praise", List.of("服务表扬", "抢修表扬"));

    /** Fills in the built-in lists for categories not configured and checks the category codes. */
    public DeskProperties {
        Map<String, List<String>> all = new LinkedHashMap<>();
        for (NewContact.Category c : NewContact.Category.values()) {
            List<String> configured = subCategories == null ? null : subCategories.get(c.code());
            all.put(c.code(), List.copyOf(configured != null ? configured : DEFAULT_SUB_CATEGORIES.get(c.code())));
        }
        if (subCategories != null) {
            for (String code : subCategories.keySet()) {
                if (!all.containsKey(code)) {
                    throw new IllegalArgumentException("hotline.desk.sub-categories." + code
                            + " (expected: one of " + all.keySet() + ")");
                }
            }
        }
        subCategories = Map.copyOf(all);
        searchLimit = searchLimit == null ? 20 : searchLimit;
        if (searchLimit < 1 || searchLimit > 100) {
            throw new IllegalArgumentException("hotline.desk.search-limit: " + searchLimit + " (expected: 1..100)");
        }
        cardReadLimit = cardReadLimit == null ? 300 : cardReadLimit;
        if (cardReadLimit < searchLimit) {
            throw new IllegalArgumentException("hotline.desk.card-read-limit: " + cardReadLimit + " (expected: >= "
                    + "hotline.desk.search-limit, " + searchLimit + ", or one search would be refused)");
        }
        cardReadWindow = cardReadWindow == null ? Duration.ofMinutes(10) : cardReadWindow;
        if (cardReadWindow.toSeconds() < 1 || cardReadWindow.toDays() > 1) {
            throw new IllegalArgumentException("hotline.desk.card-read-window: " + cardReadWindow
                    + " (expected: 1s to 1d)");
        }
        cardReadRetention = cardReadRetention == null ? Duration.ofDays(180) : cardReadRetention;
        if (cardReadRetention.toDays() < 1 || cardReadRetention.compareTo(cardReadWindow) < 0) {
            throw new IllegalArgumentException("hotline.desk.card-read-retention: " + cardReadRetention
                    + " (expected: at least 1d and at least hotline.desk.card-read-window)");
        }
    }
}
