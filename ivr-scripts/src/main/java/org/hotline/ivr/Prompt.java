package org.hotline.ivr;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The prompt catalogue: one sentence or word per entry, its Chinese (zh-CN) and English text, and the sound file it
 * expects under Asterisk's sounds directory ({@code hotline/<id>}, any format Asterisk plays: wav, sln, g722 …).
 * The demo's files are spoken by espeak-ng from {@link #zh()}; a company records its own under the same names.
 */
public enum Prompt {

    // ---- identify
    WELCOME("welcome", "您好，欢迎致电供电服务热线。", "Welcome to the power supply service hotline."),
    ENTER_ACCOUNT("enter-account", "请输入您的户号，以井号键结束。", "Please enter your account number, followed by the hash key."),
    NO_INPUT("no-input", "没有收到您的输入。", "We did not receive your input."),
    ACCOUNT_INVALID("account-invalid", "您输入的户号有误。", "The account number you entered is not valid."),
    ACCOUNT_NOT_FOUND("account-not-found", "没有找到这个户号。", "We could not find this account number."),
    NOT_IDENTIFIED("not-identified", "暂时无法确认您的户号，将为您转接人工服务。",
            "We could not confirm your account; we will put you through to an agent."),

    // ---- outage notice
    OUTAGE_UNPLANNED("outage-unplanned", "您所在的区域因故障停电，抢修人员正在处理。",
            "There is a power failure in your area; repair crews are working on it."),
    OUTAGE_PLANNED("outage-planned", "您所在的区域正在计划停电检修。",
            "There is a planned outage for maintenance in your area."),
    OUTAGE_EXPECTED_RESTORE("outage-expected-restore", "预计恢复供电时间为", "Power is expected back at"),
    OUTAGE_MENU("outage-menu", "重听请按1，转人工服务请按2。", "To hear this again press 1; for an agent press 2."),
    GOODBYE("goodbye", "感谢您的来电，再见。", "Thank you for calling. Goodbye."),

    // ---- arrears
    ARREARS_NONE("arrears-none", "您的户号目前没有欠费。", "Your account has nothing to pay."),
    ARREARS_OWED("arrears-owed", "您的户号当前欠费", "Your account owes"),
    ARREARS_DUE("arrears-due", "缴费截止日期为", "to be paid by"),
    ARREARS_OVERDUE("arrears-overdue", "已经逾期，请尽快缴费，以免影响正常用电。",
            "It is overdue; please pay soon to keep your supply."),
    ARREARS_MENU_SMS("arrears-menu-sms", "如需短信发送缴费方式，请按1；转人工服务请按2；重听请按3。",
            "For the payment details by SMS press 1; for an agent press 2; to hear this again press 3."),
    ARREARS_MENU("arrears-menu", "转人工服务请按2；重听请按3。", "For an agent press 2; to hear this again press 3."),
    SMS_SENT("sms-sent", "短信已发送，请注意查收。", "The SMS is on its way."),
    SMS_OPTED_OUT("sms-opted-out", "您已退订此类短信，无法发送。", "You have opted out of these messages; none was sent."),
    SMS_FAILED("sms-failed", "短信暂时无法发送，请稍后再试。", "The SMS cannot be sent now; please try again later."),

    // ---- fault report
    FAULT_CONFIRM_ACCOUNT("fault-confirm-account", "您报修的户号是", "You are reporting a fault for account"),
    FAULT_CONFIRM_MENU("fault-confirm-menu", "确认请按1，重新输入户号请按2。",
            "To confirm press 1; to enter another account press 2."),
    FAULT_KIND_MENU("fault-kind-menu", "全户停电请按1；部分停电或电压异常请按2；电线或设备冒烟、起火、断线请按3；其他故障请按4。",
            "No power at all press 1; part of the supply or the voltage press 2; sparks, smoke, fire or a fallen wire"
                    + " press 3; anything else press 4."),
    FAULT_DANGER("fault-danger", "请远离危险区域，不要触碰电线，正在为您优先转接人工服务。",
            "Keep away from it and do not touch the wire; we are putting you through to an agent first."),
    FAULT_CREATED("fault-created", "报修已受理，抢修人员将尽快处理。工单号后六位为",
            "Your fault report is registered and a crew will handle it. The last six digits of the order number are"),
    FAULT_ALREADY_OPEN("fault-already-open", "您的地址已有报修正在处理，工单号后六位为",
            "A fault report for your address is already being handled; the last six digits of its number are"),
    FAULT_IN_OUTAGE("fault-in-outage", "您所在的区域正在停电抢修，无需重复报修。",
            "Your area is in an outage being repaired; there is no need to report it again."),

    // ---- main menu and opening hours (main-menu, hours)
    MENU_FAULT_ARREARS("menu-fault-arrears", "报修请按1，电费查询请按2，人工服务请按0。",
            "To report a fault press 1; for your bill press 2; for an agent press 0."),
    MENU_FAULT("menu-fault", "报修请按1，人工服务请按0。", "To report a fault press 1; for an agent press 0."),
    MENU_ARREARS("menu-arrears", "电费查询请按2，人工服务请按0。", "For your bill press 2; for an agent press 0."),
    MENU_REPEAT("menu-repeat", "重听请按星号键。", "To hear this again press star."),
    MENU_INVALID("menu-invalid", "您的输入有误。", "That key is not on the menu."),
    MENU_TO_AGENT("menu-to-agent", "正在为您转接人工服务，请稍候。", "Please hold; we are putting you through to an agent."),
    AFTER_HOURS("after-hours", "现在是非工作时间，人工服务暂停。", "We are closed now; no agent can take your call."),
    AFTER_HOURS_FAULT("after-hours-fault", "报修请按1。", "To report a fault press 1."),

    // ---- queue offer, callback request and survey
    QUEUE_WAIT("queue-wait", "预计等待约", "The expected wait is about"),
    MINUTES("minutes", "分钟", "minutes"),
    QUEUE_OFFER_MENU("queue-offer-menu", "如需挂机等待回电并保留您的排队位置，请按1；继续等待请按2或不按键。",
            "To hang up and be called back in your turn, keeping your place, press 1; to keep waiting press 2 or"
                    + " nothing."),
    QUEUE_CALLBACK_OFFER("queue-callback-offer", "如需挂机等待回电并保留您的排队位置，请按1。",
            "To hang up and be called back in your turn, keeping your place, press 1."),
    CALLBACK_BOOKED("callback-booked", "我们将按您的排队顺序回电，请保持电话畅通。感谢您的来电，再见。",
            "We will call you back in your turn in the queue; please keep your phone on. Thank you, goodbye."),
    CALLBACK_WITHHELD("callback-withheld", "您的号码未显示，无法为您回电，请继续等待。",
            "Your number is withheld, so we cannot call you back; please keep waiting."),
    SURVEY_MENU("survey-menu", "请您对本次服务评价：非常满意请按5，满意请按4，一般请按3，不满意请按2，非常不满意请按1。",
            "Please rate our service: very satisfied press 5, satisfied 4, neutral 3, dissatisfied 2, very"
                    + " dissatisfied 1."),
    SURVEY_THANKS("survey-thanks", "感谢您的评价，再见。", "Thank you for your rating. Goodbye."),

    // ---- the dialplan's own (extensions.conf [hotline-after-queue])
    AFTER_QUEUE("after-queue", "目前坐席全忙，请您稍后再拨，或拨打后按1预约回电。感谢您的来电，再见。",
            "All our agents are busy; please call again later, or press 1 while waiting to book a callback. Goodbye."),

    // ---- when something fails
    SORRY_TRANSFER("sorry-transfer", "系统繁忙，正在为您转接人工服务。",
            "The system is busy; we are putting you through to an agent."),

    // ---- numbers, amounts, dates and times (assembled by Speech)
    DIGIT_0("digit-0", "零", "zero"),
    DIGIT_1("digit-1", "一", "one"),
    DIGIT_2("digit-2", "二", "two"),
    DIGIT_3("digit-3", "三", "three"),
    DIGIT_4("digit-4", "四", "four"),
    DIGIT_5("digit-5", "五", "five"),
    DIGIT_6("digit-6", "六", "six"),
    DIGIT_7("digit-7", "七", "seven"),
    DIGIT_8("digit-8", "八", "eight"),
    DIGIT_9("digit-9", "九", "nine"),
    LIANG("liang", "两", "two (before a unit)"),
    TEN("ten", "十", "ten"),
    HUNDRED("hundred", "百", "hundred"),
    THOUSAND("thousand", "千", "thousand"),
    TEN_THOUSAND("ten-thousand", "万", "ten thousand"),
    HUNDRED_MILLION("hundred-million", "亿", "hundred million"),
    YUAN("yuan", "元", "yuan"),
    JIAO("jiao", "角", "jiao (0.1 yuan)"),
    FEN("fen", "分", "fen (0.01 yuan)"),
    YEAR("year", "年", "year"),
    MONTH("month", "月", "month"),
    DAY("day", "日", "day (of the month)"),
    TODAY("today", "今天", "today"),
    TOMORROW("tomorrow", "明天", "tomorrow"),
    EARLY_MORNING("early-morning", "凌晨", "early morning (0–5 h)"),
    MORNING("morning", "上午", "morning"),
    NOON("noon", "中午", "noon (12 h)"),
    AFTERNOON("afternoon", "下午", "afternoon"),
    EVENING("evening", "晚上", "evening (18–23 h)"),
    HOUR("hour", "点", "o'clock"),
    HALF("half", "半", "half past"),
    MINUTE("minute", "分", "minutes");

    private final String id;
    private final String zh;
    private final String en;

    Prompt(String id, String zh, String en) {
        this.id = id;
        this.zh = zh;
        this.en = en;
    }

    /** The catalogue id, also the file's base name. */
    public String id() {
        return id;
    }

    /** What the prompt says in Chinese (zh-CN). */
    public String zh() {
        return zh;
    }

    /** What it says, in English (for the catalogue and English recordings). */
    public String en() {
        return en;
    }

    /** The file Asterisk plays, relative to its sounds directory, without extension. */
    public String file() {
        return "hotline/" + id;
    }

    /** The prompt for one digit. */
    public static Prompt digit(int d) {
        if (d < 0 || d > 9) {
            throw new IllegalArgumentException("digit: " + d + " (expected: 0 to 9)");
        }
        return values()[DIGIT_0.ordinal() + d];
    }

    /** The files of these prompts, in order. */
    public static List<String> files(Prompt... prompts) {
        List<String> files = new ArrayList<>(prompts.length);
        for (Prompt p : prompts) {
            files.add(p.file());
        }
        return files;
    }

    /** The prompt whose id is {@code id}. */
    public static Prompt ofId(String id) {
        for (Prompt p : values()) {
            if (p.id.equals(id.toLowerCase(Locale.ROOT))) {
                return p;
            }
        }
        throw new IllegalArgumentException("prompt: '" + id + "' (expected: an id of the catalogue)");
    }
}
