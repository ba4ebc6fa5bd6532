package org.hotline.cti.demo.internal;

import java.util.List;

/** The words demo data is made of: common surnames and given names, Hangzhou districts and streets, business names. */
final class Vocabulary {

    /** The most common surnames, most frequent first (weighted towards the front when drawn). */
    static final String[] SURNAMES = ("王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏"
            + "魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤")
            .split("");

    static final String[] GIVEN = ("伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀英霞平刚桂兰华飞玉萍红建国志文辉宇浩然子轩欣怡梓涵"
            + "雨桐晨阳俊杰佳琪思远海燕春梅秋菊淑珍德明永强小龙晓东丽娟建华婷婷雪梅国强宏伟立新")
            .split("");

    /** District and the streets (with the street's pinyin-initials-friendly short name) in it. */
    static final List<District> DISTRICTS = List.of(
            new District("上城区", "SC", new String[] {"解放路", "建国中路", "庆春路", "江城路", "望江路", "清泰街"}),
            new District("拱墅区", "GS", new String[] {"莫干山路", "湖墅南路", "环城北路", "上塘路", "大关路", "登云路"}),
            new District("西湖区", "XH", new String[] {"文三路", "天目山路", "文一西路", "教工路", "学院路", "古墩路"}),
            new District("滨江区", "BJ", new String[] {"江南大道", "滨盛路", "江陵路", "长河路", "西兴路", "月明路"}),
            new District("萧山区", "XS", new String[] {"建设南路", "人民路", "市心中路", "金城路", "通惠中路", "山阴路"}),
            new District("余杭区", "YH", new String[] {"文一西路西段", "五常大道", "良睦路", "塘康路", "迎宾路", "临平大道"}),
            new District("钱塘区", "QT", new String[] {"学林街", "文泽路", "下沙路", "听涛路", "和平路", "幸福南路"}));

    static final String[] COMPANY_WORDS = ("华丰 永安 信达 恒泰 新民 和兴 天成 金源 瑞祥 宏达 安泰 东方 明珠 百盛 "
            + "德胜 兴隆 福满 鼎新 广和 嘉禾").split(" ");

    static final String[] SHOP_KINDS = ("超市 餐饮店 五金店 理发店 便利店 药店 水果店 汽修厂 服装店 茶馆 面馆 "
            + "快递站 洗衣店 文具店 花店").split(" ");

    static final String[] KEY_ACCOUNT_KINDS = ("商业广场 大厦物业管理有限公司 工业园 数据中心 地铁站 体育中心 "
            + "酒店 国际会展中心").split(" ");

    static final String[] HIGH_RISK_KINDS = ("人民医院 中医院 妇幼保健院 化工有限公司 燃气储配站 污水处理厂 "
            + "精细化工厂 急救中心").split(" ");

    /** Contact sub-categories and note templates per category code. */
    static final String[][] FAULT = {
        {"停电", "客户反映家中突然停电，邻居家也停电"}, {"电压不稳", "灯光闪烁，电器无法正常使用"},
        {"表计故障", "电表显示异常，请求上门检查"}, {"燃气泄漏", "厨房闻到燃气味，已提醒开窗关阀"},
        {"线路故障", "楼道线路冒火花"}, {"IC卡表故障", "IC卡插入后不显示余额"}};

    static final String[][] ENQUIRY = {
        {"电费查询", "查询本月电费及缴费方式"}, {"停电信息", "咨询计划停电时间"}, {"阶梯电价", "咨询阶梯电价标准"},
        {"缴费方式", "咨询线上缴费渠道"}, {"燃气价格", "咨询燃气调价"}};

    static final String[][] COMPLAINT = {
        {"抢修不及时", "报修后等待超过一小时"}, {"服务态度", "对营业厅服务态度不满"}, {"电费异常", "认为本月电费过高"},
        {"频繁停电", "本月已停电三次"}};

    static final String[][] REQUEST = {
        {"过户", "办理房屋过户更名"}, {"增容", "申请增加用电容量"}, {"IC卡补卡", "IC卡丢失申请补卡"},
        {"报装", "新房申请用电报装"}, {"报停", "店铺装修申请暂停用气"}, {"移表", "申请移动表位"}};

    static final String[][] PRAISE = {
        {"表扬抢修人员", "抢修师傅半小时到达，处理及时"}, {"表扬坐席", "客服解答耐心细致"}};

    private Vocabulary() {
    }

    /** A district, its short code and streets. */
    record District(String name, String code, String[] streets) {
    }
}
