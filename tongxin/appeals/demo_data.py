"""Data for `manage.py seed_demo`: the demo union tree, agencies, staff and appeal texts.

Places follow the stories (泉州/晋江 with its development zone, 大连普兰店区, 德州齐河县).
Enterprises, people and phone numbers are invented; any likeness to a real firm is chance.
"""

from dataclasses import dataclass, field

from tongxin.appeals.models import Nature
from tongxin.orgs.models import OrgUnit, PartnerAgency, StaffRole

L = OrgUnit.Level
R = StaffRole.Role
T = PartnerAgency.Type

DEMO_PASSWORD = "tongxin123"
SUPERUSER = "admin"

# (code, name, level, parent code)
ORGS: list[tuple[str, str, str, str]] = [
    ("ACFTU", "中华全国总工会", L.ACFTU, ""),
    # 福建：泉州市总工会 and its counties; 晋江 is the busiest.
    ("FJ", "福建省总工会", L.PROVINCIAL, "ACFTU"),
    ("QZ", "泉州市总工会", L.CITY, "FJ"),
    ("JJ", "晋江市总工会", L.COUNTY, "QZ"),
    ("JJKFQ", "晋江经济开发区工会", L.PARK, "JJ"),
    ("JJ-HX", "晋江市恒兴鞋业有限公司工会", L.BASE, "JJKFQ"),
    ("JJ-HF", "晋江市华丰织造有限公司工会", L.BASE, "JJKFQ"),
    ("JJ-LS", "福建联盛机械制造有限公司工会", L.BASE, "JJKFQ"),
    ("JJ-CD", "陈埭镇工会", L.TOWNSHIP, "JJ"),
    ("JJ-XY", "晋江市鑫源鞋业有限公司工会", L.BASE, "JJ-CD"),
    ("JJ-AH", "安海镇工会", L.TOWNSHIP, "JJ"),
    ("JJ-RD", "晋江市瑞达鞋材有限公司工会", L.BASE, "JJ-AH"),
    ("JJ-CZ", "磁灶镇工会", L.TOWNSHIP, "JJ"),
    ("SS", "石狮市总工会", L.COUNTY, "QZ"),
    ("SS-BG", "宝盖镇工会", L.TOWNSHIP, "SS"),
    ("SS-JC", "石狮市锦程服饰有限公司工会", L.BASE, "SS-BG"),
    ("NA", "南安市总工会", L.COUNTY, "QZ"),
    ("NA-ST", "水头镇工会", L.TOWNSHIP, "NA"),
    ("NA-LC", "仑苍镇工会", L.TOWNSHIP, "NA"),
    ("FZ", "丰泽区总工会", L.COUNTY, "QZ"),
    ("FZ-DH", "东海街道工会", L.TOWNSHIP, "FZ"),
    # 辽宁：大连普兰店区.
    ("LN", "辽宁省总工会", L.PROVINCIAL, "ACFTU"),
    ("DL", "大连市总工会", L.CITY, "LN"),
    ("PLD", "普兰店区总工会", L.COUNTY, "DL"),
    ("PLD-FR", "丰荣街道工会", L.TOWNSHIP, "PLD"),
    ("PLD-JX", "大连恒通机械制造有限公司工会", L.BASE, "PLD-FR"),
    ("PLD-PK", "皮口街道工会", L.TOWNSHIP, "PLD"),
    ("PLD-HF", "大连海丰水产食品有限公司工会", L.BASE, "PLD-PK"),
    ("PLD-CZT", "城子坦街道工会", L.TOWNSHIP, "PLD"),
    # 山东：德州齐河县.
    ("SD", "山东省总工会", L.PROVINCIAL, "ACFTU"),
    ("DZ", "德州市总工会", L.CITY, "SD"),
    ("QH", "齐河县总工会", L.COUNTY, "DZ"),
    ("QHKFQ", "齐河经济开发区工会", L.PARK, "QH"),
    ("QH-LT", "齐河县鲁通汽车配件有限公司工会", L.BASE, "QHKFQ"),
    ("QH-QS", "山东齐晟新型建材有限公司工会", L.BASE, "QHKFQ"),
    ("QH-YC", "晏城街道工会", L.TOWNSHIP, "QH"),
    ("QH-JM", "焦庙镇工会", L.TOWNSHIP, "QH"),
    ("QH-ZA", "祝阿镇工会", L.TOWNSHIP, "QH"),
]

# Four partner agencies in every county/district: (code suffix, name suffix, type, contact).
AGENCY_KINDS = [
    ("HRSS", "人力资源和社会保障局（劳动保障监察大队）", T.HR_BUREAU, "12333"),
    ("ARB", "劳动人事争议仲裁委员会", T.ARBITRATION, "政务服务中心仲裁窗口"),
    ("COURT", "人民法院", T.COURT, "12368"),
    ("JUST", "司法局（人民调解委员会）", T.JUSTICE_BUREAU, "12348"),
]
AGENCY_COUNTIES = {"JJ": "晋江市", "SS": "石狮市", "NA": "南安市", "FZ": "泉州市丰泽区"}
AGENCY_COUNTIES |= {"PLD": "大连市普兰店区", "QH": "齐河县"}
# A 派出法庭 where the county court sits far from the factories.
EXTRA_AGENCIES = [
    ("JJ-COURT-AH", "晋江市人民法院安海人民法庭", T.COURT, "JJ", "12368"),
    ("PLD-COURT-PK", "大连市普兰店区人民法院皮口人民法庭", T.COURT, "PLD", "12368"),
]

# (username, full name, org code, role): the logins the README lists.
STAFF: list[tuple[str, str, str, str]] = [
    ("qz_admin", "蔡明辉", "QZ", R.ADMIN),
    ("qz_operator", "陈雅婷", "QZ", R.OPERATOR),
    ("qz_operator2", "林晓燕", "QZ", R.OPERATOR),
    ("qz_dispatcher", "黄志强", "QZ", R.DISPATCHER),
    ("qz_supervisor", "王建国", "QZ", R.SUPERVISOR),
    ("jj_dispatcher", "许丽娜", "JJ", R.DISPATCHER),
    ("jj_supervisor", "施振华", "JJ", R.SUPERVISOR),
    ("jjkfq_handler", "洪志伟", "JJKFQ", R.HANDLER),
    ("jjcd_handler", "丁秀琴", "JJ-CD", R.HANDLER),
    ("jjah_handler", "颜伟杰", "JJ-AH", R.HANDLER),
    ("ss_handler", "蔡丽华", "SS", R.HANDLER),
    ("na_handler", "黄文彬", "NA", R.HANDLER),
    ("fz_handler", "吴静怡", "FZ", R.HANDLER),
    ("dl_operator", "于海燕", "DL", R.OPERATOR),
    ("dl_dispatcher", "孙立新", "DL", R.DISPATCHER),
    ("pld_dispatcher", "刘春梅", "PLD", R.DISPATCHER),
    ("pld_supervisor", "王德胜", "PLD", R.SUPERVISOR),
    ("pldfr_handler", "李红岩", "PLD-FR", R.HANDLER),
    ("pldpk_handler", "曲晓东", "PLD-PK", R.HANDLER),
    ("dz_operator", "张慧敏", "DZ", R.OPERATOR),
    ("dz_dispatcher", "马振东", "DZ", R.DISPATCHER),
    ("qh_dispatcher", "赵国庆", "QH", R.DISPATCHER),
    ("qh_supervisor", "孙守山", "QH", R.SUPERVISOR),
    ("qhkfq_handler", "李文静", "QHKFQ", R.HANDLER),
    ("qhyc_handler", "刘洪波", "QH-YC", R.HANDLER),
]
SUPERUSER_NAME = "系统管理员"


@dataclass(frozen=True)
class County:
    """How appeals flow in one county: who routes, who handles, who oversees."""

    code: str
    weight: float
    supervisor: str
    dispatcher: str = ""  # empty: the county handles its orders itself
    # handler org code -> handler username
    handlers: dict[str, str] = field(default_factory=dict)
    # QR-code intake org -> the handler org whose staff pick the appeal up
    qr_points: dict[str, str] = field(default_factory=dict)
    employers: tuple[str, ...] = ()


@dataclass(frozen=True)
class Region:
    """A city hotline and its counties."""

    city: str
    city_name: str
    operators: tuple[str, ...]
    dispatcher: str
    counties: tuple[County, ...]


REGIONS: tuple[Region, ...] = (
    Region(
        city="QZ",
        city_name="泉州",
        operators=("qz_operator", "qz_operator2"),
        dispatcher="qz_dispatcher",
        counties=(
            County(
                code="JJ",
                weight=45,
                supervisor="jj_supervisor",
                dispatcher="jj_dispatcher",
                handlers={
                    "JJKFQ": "jjkfq_handler",
                    "JJ-CD": "jjcd_handler",
                    "JJ-AH": "jjah_handler",
                },
                qr_points={
                    "JJKFQ": "JJKFQ",
                    "JJ-HX": "JJKFQ",
                    "JJ-HF": "JJKFQ",
                    "JJ-LS": "JJKFQ",
                    "JJ-CD": "JJ-CD",
                    "JJ-XY": "JJ-CD",
                    "JJ-AH": "JJ-AH",
                    "JJ-RD": "JJ-AH",
                },
                employers=(
                    "晋江市恒兴鞋业有限公司",
                    "晋江市华丰织造有限公司",
                    "福建联盛机械制造有限公司",
                    "晋江市鑫源鞋业有限公司",
                    "晋江市瑞达鞋材有限公司",
                    "晋江市宏泰纺织有限公司",
                    "晋江市鸿运包装彩印有限公司",
                    "晋江市安顺陶瓷有限公司",
                    "晋江市佳美食品有限公司",
                    "福建恒达建设工程有限公司",
                    "晋江市速达物流有限公司",
                ),
            ),
            County(
                code="SS",
                weight=9,
                supervisor="qz_supervisor",
                handlers={"SS": "ss_handler"},
                qr_points={"SS": "SS", "SS-JC": "SS"},
                employers=(
                    "石狮市锦程服饰有限公司",
                    "石狮市宏利纺织印染有限公司",
                    "石狮市海峰水产加工有限公司",
                    "石狮市新潮童装有限公司",
                ),
            ),
            County(
                code="NA",
                weight=9,
                supervisor="qz_supervisor",
                handlers={"NA": "na_handler"},
                qr_points={"NA": "NA"},
                employers=(
                    "南安市永固石材有限公司",
                    "南安市丰盛水暖器材有限公司",
                    "南安市鑫达五金制品有限公司",
                    "福建南翔建筑工程有限公司",
                ),
            ),
            County(
                code="FZ",
                weight=7,
                supervisor="qz_supervisor",
                handlers={"FZ": "fz_handler"},
                qr_points={"FZ": "FZ"},
                employers=(
                    "泉州市鼎信电子科技有限公司",
                    "泉州市安达物流有限公司",
                    "泉州市福源酒店管理有限公司",
                    "泉州市美家超市有限公司",
                ),
            ),
        ),
    ),
    Region(
        city="DL",
        city_name="大连",
        operators=("dl_operator",),
        dispatcher="dl_dispatcher",
        counties=(
            County(
                code="PLD",
                weight=15,
                supervisor="pld_supervisor",
                dispatcher="pld_dispatcher",
                handlers={"PLD-FR": "pldfr_handler", "PLD-PK": "pldpk_handler"},
                qr_points={
                    "PLD-FR": "PLD-FR",
                    "PLD-JX": "PLD-FR",
                    "PLD-PK": "PLD-PK",
                    "PLD-HF": "PLD-PK",
                },
                employers=(
                    "大连恒通机械制造有限公司",
                    "大连海丰水产食品有限公司",
                    "大连普新机床配件有限公司",
                    "大连鑫盛服装有限公司",
                    "大连宏远建筑工程有限公司",
                ),
            ),
        ),
    ),
    Region(
        city="DZ",
        city_name="德州",
        operators=("dz_operator",),
        dispatcher="dz_dispatcher",
        counties=(
            County(
                code="QH",
                weight=15,
                supervisor="qh_supervisor",
                dispatcher="qh_dispatcher",
                handlers={"QHKFQ": "qhkfq_handler", "QH-YC": "qhyc_handler"},
                qr_points={
                    "QHKFQ": "QHKFQ",
                    "QH-LT": "QHKFQ",
                    "QH-QS": "QHKFQ",
                    "QH-YC": "QH-YC",
                },
                employers=(
                    "齐河县鲁通汽车配件有限公司",
                    "山东齐晟新型建材有限公司",
                    "德州宏图纺织有限公司",
                    "齐河县金穗面粉有限公司",
                    "山东华源物流有限公司",
                ),
            ),
        ),
    ),
)


def _words(text: str) -> tuple[str, ...]:
    return tuple(text.split())


SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何林罗高郑梁谢宋唐许韩冯邓曹彭曾蔡潘田董袁于余叶蒋杜苏魏程吕丁沈任姚卢傅钟姜崔谭廖范汪陆金石戴贾韦夏邱方侯邹熊孟秦白江阎薛尹段雷黎史龙陶贺顾毛郝龚邵万钱严覃武洪施颜"
GIVEN = _words(
    "伟 芳 娜 敏 静 丽 强 磊 军 洋 勇 艳 杰 娟 涛 明 超 秀兰 霞 平 刚 桂英 建华 文 华 金凤 "
    "志强 海燕 小红 春梅 国华 建军 晓东 雪梅 玉兰 德明 红霞 永福 少华 美玲 家豪 俊杰 子涵 宇航 梓涵 丽萍 婷婷 文斌 振华 国强 雅琴 秋菊 "
    "天佑 阿妹 水生 荣发 金花 宝珠 建平"
)
MOBILE_PREFIXES = _words(
    "130 131 132 133 134 135 136 137 138 139 150 151 152 153 155 156 157 158 159 "
    "166 173 175 176 177 178 180 181 182 183 184 185 186 187 188 189 191 198 199"
)
JOBS = (
    "针车工",
    "裁断工",
    "成型工",
    "质检员",
    "仓管员",
    "叉车司机",
    "电焊工",
    "打磨工",
    "包装工",
    "普工",
    "机修工",
    "挡车工",
    "保洁员",
    "厨师",
    "货车司机",
    "装卸工",
)


@dataclass(frozen=True)
class Scenario:
    """One kind of appeal: texts to pick from, how it is classified and how it ends."""

    key: str
    category: str  # an L2 code seeded by migration 0002
    nature: str
    weight: float
    texts: tuple[str, ...]
    replies: tuple[str, ...]  # when solved; with `paired`, replies[i] answers texts[i]
    unsolved: tuple[str, ...] = ()
    paired: bool = False
    difficulty: tuple[int, int, int] = (9, 1, 0)  # weights of 一般 / 难点 / 特别复杂
    workers: tuple[int, int] = (1, 1)
    amount: tuple[int, int] | None = None  # per worker, yuan
    wage_arrears: bool = False
    transfer: tuple[str, ...] = ()  # agency types it may be transferred to
    direct: bool = False  # may be answered on the call
    categories: tuple[str, ...] = ()  # with `paired`, an L2 code per text (else `category`)


WAGE_UNSOLVED = (
    "企业负责人失联，已协助{n}名职工固定考勤和工资证据，移送{agency}立案查处，工会提供法律援助。",
    "经协调企业承认欠薪，但称资金困难暂无力支付；已引导职工申请劳动仲裁，工会法律援助律师代理。",
)

SCENARIOS: tuple[Scenario, ...] = (
    Scenario(
        "wage",
        "C3-01",
        Nature.REQUEST,
        14,
        (
            "我在{employer}做{job}，{month}月底离职，厂里还欠我{months}个月工资共{amount}元，找了几次老板都说再等等，现在电话也不接。",
            "{employer}每个月只发一千块生活费，剩下的工资说年底一起结，已经压了{months}个月，一共{amount}元，想请工会帮忙问问。",
            "我是{employer}的{job}，公司说试用期没过不给结工资，做了{days}天共{amount}元一分没拿到。",
            "离职时{employer}要我签“自愿放弃剩余工资”的单子才肯开离职证明，剩下{amount}元工资不给了，这合法吗？",
        ),
        (
            "经{handler_org}约谈{employer}负责人，企业已于次日补发工资{recovered}元，职工确认收到。",
            "工会联合劳动保障监察到企业核查考勤和工资表，{employer}已结清工资{recovered}元并出具离职证明。",
            "经调解，企业同意分两期支付，首期{recovered}元已到账，余款月底前付清，工会跟踪落实。",
        ),
        WAGE_UNSOLVED,
        difficulty=(8, 2, 0),
        workers=(1, 3),
        amount=(1800, 16000),
        wage_arrears=True,
        transfer=(T.HR_BUREAU, T.ARBITRATION),
    ),
    Scenario(
        "wage_2300",
        "C3-01",
        Nature.REQUEST,
        2,
        (
            "我上个月从{place}的{employer}离职，厂里还欠我最后一个月工资2300元没结，人事说离职的要等两个月后统一发，我急着回老家。",
        ),
        (
            "经{handler_org}与{employer}人事部门沟通，企业承认离职结算拖延不当，已通过银行转账支付2300元，职工确认到账。",
        ),
        WAGE_UNSOLVED,
        amount=(2300, 2300),
        wage_arrears=True,
        transfer=(T.HR_BUREAU,),
    ),
    Scenario(
        "wage_group",
        "C3-01",
        Nature.REQUEST,
        5,
        (
            "{employer}已经{months}个月没发工资了，我们车间{n}个工人都没拿到钱，老板说货款没回来，大家商量要一起去厂门口讨说法。",
            "我们是{employer}的{n}名{job}，临近春节厂里突然停工，拖欠{months}个月工资约{total}元，老板联系不上，请工会赶紧帮忙。",
            "{employer}承包的工地拖欠我们{n}个人{months}个月工资共{total}元，总包单位说钱已经拨给包工头，互相推诿。",
        ),
        (
            "{handler_org}会同人社、属地政府约谈{employer}，企业筹措资金{recovered}元，{n}名职工工资已全部发放到个人账户，现场情绪稳定。",
            "启动欠薪联动处置机制，总包单位先行垫付{recovered}元，涉及{n}名职工已签收，工会协助办理后续劳动关系手续。",
        ),
        WAGE_UNSOLVED,
        difficulty=(2, 5, 3),
        workers=(10, 60),
        amount=(3000, 9000),
        wage_arrears=True,
        transfer=(T.HR_BUREAU, T.HR_BUREAU, T.COURT),
    ),
    Scenario(
        "unsigned_contract",
        "C3-03",
        Nature.REQUEST,
        6,
        (
            "入职{employer}已经{months}个月，公司一直不跟我签劳动合同，问能不能要求双倍工资，该怎么维权？",
            "厂里招工时说签合同，结果只让签了一张“承诺书”，写着自愿不买社保、离职不要补偿，这个有效吗？",
        ),
        (
            "已督促{employer}与职工补签书面劳动合同；依《劳动合同法》第八十二条，企业支付未签合同期间的二倍工资差额{recovered}元。",
            "经{handler_org}指导，企业已对全体{n}名未签合同职工补签合同，所谓“承诺书”不具法律效力，已当场作废。",
        ),
        (
            "企业拒不补签，已告知职工依《劳动合同法》第八十二条申请仲裁主张二倍工资，并提供仲裁申请书模板。",
        ),
        workers=(1, 2),
        amount=(3000, 12000),
        transfer=(T.ARBITRATION,),
    ),
    Scenario(
        "dismissal",
        "C3-03",
        Nature.REQUEST,
        5,
        (
            "公司以经营困难为由口头通知我明天不用来了，我在{employer}干了{years}年，没有任何经济补偿。",
            "{employer}说我旷工{days}天要开除我，其实我是请了病假的，有医院证明，公司不认。",
            "公司要搬去外地，让我们要么跟着去要么自己辞职，不给补偿，车间{n}个人都是这种情况。",
        ),
        (
            "经{handler_org}调解，{employer}同意按《劳动合同法》第四十七条每满一年支付一个月工资的标准支付经济补偿{recovered}元。",
            "企业撤销违法解除决定，职工恢复上班，补发停工期间工资{recovered}元。",
        ),
        ("双方分歧较大，调解未成，已协助职工向{agency}申请仲裁，仲裁时效自解除之日起一年。",),
        difficulty=(6, 3, 1),
        workers=(1, 2),
        amount=(6000, 40000),
        transfer=(T.ARBITRATION, T.JUSTICE_BUREAU),
    ),
    Scenario(
        "overtime",
        "C3-02",
        Nature.COMPLAINT,
        5,
        (
            "旺季每天从早上7点半做到晚上10点，周末也不休息，加班费一直按每小时{rate}元算，远低于规定。",
            "{employer}实行计件工资，说计件就没有加班费，上个月加班超过{hours}小时，这合法吗？",
            "国庆三天厂里要求正常上班，说给调休不给加班费，{n}个同事都有意见。",
        ),
        (
            "经核查，{employer}已调整工时安排，月加班控制在36小时以内，并按《劳动法》第四十四条补发加班费{recovered}元。",
            "已向企业送达工会劳动法律监督提示函，企业承诺整改并补发差额{recovered}元，工会将于下月回访复查。",
        ),
        ("企业不认可加班事实，已指导职工保存打卡记录、工作群截图等证据，必要时申请仲裁。",),
        workers=(1, 12),
        amount=(500, 4000),
        transfer=(T.HR_BUREAU,),
    ),
    Scenario(
        "social_insurance",
        "C3-04",
        Nature.REQUEST,
        5,
        (
            "公司入职时说转正后交社保，现在已经{months}个月了还没交，我要怎么办？",
            "厂里按最低基数给我们交社保，工资条上却按全额扣了个人部分，{n}个同事都是这样。",
            "在{employer}干了{years}年，离职后查社保才发现中间断缴了一年多。",
        ),
        (
            "{employer}已为职工补办参保登记并补缴{months}个月社会保险费，职工可在社保APP查询。",
            "经工会协调，企业已按实际工资调整缴费基数并退还多扣款项{recovered}元。",
        ),
        ("企业拒不补缴，已转{agency}依法处理，并告知职工可向社保征收机构投诉。",),
        workers=(1, 15),
        amount=(1000, 9000),
        transfer=(T.HR_BUREAU,),
    ),
    Scenario(
        "auto_resign",
        "C3-04",
        Nature.REQUEST,
        3,
        (
            "因为厂里拖欠工资我提出离职，{employer}却在系统里给我登记成“自动离职”，现在申请不了失业金，能不能帮我改过来？",
            "我是被公司辞退的，公司却给我办的“自动离职”，社保局说这样领不了失业保险金。",
        ),
        (
            "经{handler_org}调解，{employer}已将离职原因更正为“用人单位原因解除”，重新出具解除劳动关系证明，职工已办理失业登记。",
        ),
        ("企业坚持职工系自动离职，已协助职工收集欠薪证据，向{agency}申请仲裁确认解除原因。",),
        difficulty=(5, 4, 1),
        transfer=(T.ARBITRATION, T.HR_BUREAU),
    ),
    Scenario(
        "work_injury",
        "C3-05",
        Nature.REQUEST,
        3,
        (
            "在车间操作冲床时右手被压伤，{employer}没有给我申请工伤认定，只付了一部分医药费，后续治疗费不管了。",
            "上下班路上骑电动车被撞，交警认定对方全责，公司说不算工伤，请问是不是工伤？",
            "同事在{employer}搬货时从货架上摔下来骨折，公司让他回老家休养，不给报工伤。",
        ),
        (
            "工会协助职工按《工伤保险条例》第十七条在一年内提出工伤认定申请，已受理；企业先行垫付医疗费{recovered}元。",
            "经协调，{employer}已为职工申报工伤并支付停工留薪期工资，工会将跟进劳动能力鉴定。",
        ),
        ("企业不配合提供材料，工会已代为向{agency}提交工伤认定申请及证人证言。",),
        difficulty=(3, 5, 2),
        amount=(5000, 60000),
        transfer=(T.HR_BUREAU,),
    ),
    Scenario(
        "occupational_disease",
        "C3-06",
        Nature.REQUEST,
        1,
        (
            "在{employer}打磨车间干了{years}年，最近体检查出疑似尘肺，公司不给出具职业史证明，没法做职业病诊断。",
        ),
        (
            "经{handler_org}协调，企业已出具职业史和接触史证明，职工已在职业病诊断机构登记，工会跟进诊断结果及待遇落实。",
        ),
        ("企业拒绝提供材料，已转{agency}督促企业提供，并告知职工可申请劳动仲裁确认职业史。",),
        difficulty=(0, 4, 6),
        transfer=(T.HR_BUREAU,),
    ),
    Scenario(
        "women",
        "C3-07",
        Nature.REQUEST,
        2,
        (
            "我怀孕七个多月了，{employer}还要我上夜班，不同意就让我走人。",
            "休完产假回来，公司说我的岗位已经有人了，让我去仓库做搬运，工资也降了。",
        ),
        (
            "已向企业说明《女职工劳动保护特别规定》第六条，企业已取消该职工夜班并恢复原岗位待遇。",
            "经工会女职工委员会协调，企业恢复职工原岗位，补发降薪差额{recovered}元。",
        ),
        ("企业未整改，已转{agency}依法处理，工会女职工委员会持续跟进。",),
        transfer=(T.HR_BUREAU,),
    ),
    Scenario(
        "union_complaint",
        "C3-08",
        Nature.COMPLAINT,
        1,
        (
            "我们公司工会主席是老板的亲戚，会费每月都扣，从来没组织过活动，职工有事也不出面。",
            "厂里工会换届好几年没开会员大会了，工会经费怎么用的也不公开。",
        ),
        (
            "{handler_org}已约谈该企业工会，督促其按期召开会员代表大会、公开经费使用情况，并将列入年度规范化建设检查。",
        ),
    ),
    Scenario(
        "consult",
        "C1-01",
        Nature.CONSULT,
        26,
        (
            "想问一下，劳动合同到期公司不续签，有没有经济补偿？",
            "国庆节加班公司只给调休不给加班费，合理吗？",
            "春节期间值班的加班工资怎么算？",
            "试用期工资可以低于最低工资标准吗？",
            "车间粉尘很大，公司只发纱布口罩，我们可以要求什么防护？",
            "哺乳期每天有多少哺乳时间？",
            "从{city}换到老家工作，社保怎么转移？",
            "劳动仲裁要准备哪些材料？要交钱吗？",
            "我换了工作单位，工会会员关系怎么转？",
            "农民工可以加入工会吗？怎么加入？",
            "我们公司有三十多个人，想成立工会，需要走什么程序？",
            "基层工会法人资格证书到期了，换证需要什么材料？",
            "我是外卖骑手，跟平台没签合同，能加入工会吗？",
            "老板让签一份放弃社保的声明，签了以后还能要求补缴吗？",
            "未满十八岁的工人上岗前要体检吗？",
            "职工医疗互助保障住院理赔需要哪些材料？",
        ),
        (
            "已答复：劳动合同期满，除用人单位维持或提高条件续订而本人不同意外，企业应支付经济补偿（《劳动合同法》第四十六条）。",
            "已答复：法定节假日当天安排工作应支付不低于300%的工资，不能以调休代替（《劳动法》第四十四条）。",
            "已答复：法定节假日当天按不低于300%支付；调休形成的休息日加班可安排补休，不能补休的按200%支付。",
            "已答复：试用期工资不得低于本单位相同岗位最低档工资的80%或约定工资的80%，且不得低于当地最低工资标准，具体标准可拨打12333查询。",
            "已答复：企业应提供符合国家标准的劳动防护用品并定期体检；可要求企业整改，也可向工会或卫生健康部门反映。",
            "已答复：对哺乳未满1周岁婴儿的女职工，企业应在每天劳动时间内安排1小时哺乳时间（《女职工劳动保护特别规定》第九条）。",
            "已答复：在新参保地办理转入申请即可，可通过国家社会保险公共服务平台或当地社保窗口办理，缴费年限累计计算。",
            "已答复：仲裁不收费；需准备仲裁申请书、身份证复印件、劳动关系证明及证据材料，时效一般为一年（《劳动争议调解仲裁法》第二十七条）。",
            "已答复：到新单位工会办理会籍接转即可，也可在职工之家APP申请，会龄连续计算。",
            "已答复：农民工可以入会，向所在企业工会或所在乡镇（街道）、园区工会提出申请即可，不收入会费。",
            "已答复：职工25人以上应当建立基层工会委员会（《工会法》第十一条）；可向所在镇（街道）或园区工会申请，工会派员指导筹建。",
            "已答复：持法人资格证书、换届选举批复、法定代表人身份证明到上级工会办理，线上可通过职工之家APP预审。",
            "已答复：新就业形态劳动者可以加入工会，可通过职工之家APP或所在地工会驿站申请入会。",
            "已答复：缴纳社会保险是法定义务，放弃声明无效，可以要求企业补缴，也可向社保征收机构投诉。",
            "已答复：用人单位应当对未成年工定期进行健康检查（《劳动法》第六十五条），上岗前应当体检。",
            "已答复：需提供会员证号、出院小结、费用明细和发票复印件，可在职工之家APP在线申请。",
        ),
        paired=True,
        direct=True,
        categories=(
            "C1-01",
            "C1-02",
            "C1-02",
            "C1-03",
            "C1-04",
            "C1-05",
            "C1-06",
            "C1-07",
            "C1-08",
            "C1-08",
            "C1-09",
            "C1-10",
            "C1-11",
            "C4-01",
            "C1-05",
            "C2-02",
        ),
    ),
    Scenario(
        "hardship",
        "C2-01",
        Nature.REQUEST,
        3,
        (
            "家里孩子得了白血病，医药费花光了积蓄，想申请困难职工帮扶。",
            "丈夫去年工伤去世，我一个人带两个孩子，在{employer}上班收入不够，能申请帮扶吗？",
        ),
        (
            "{handler_org}已入户核实，按相对困难职工建档，发放帮扶金{recovered}元，并纳入金秋助学对象。",
            "已完成困难职工建档（一户一档），发放医疗救助金{recovered}元，后续按季度走访。",
        ),
        ("经核查不符合困难职工建档标准，已为其申请送温暖临时救助，并介绍至社区申请低保评估。",),
        difficulty=(7, 3, 0),
        amount=(2000, 10000),
    ),
    Scenario(
        "services",
        "C2-02",
        Nature.REQUEST,
        2,
        (
            "住院做了手术，想申请职工医疗互助保障理赔，材料交上去一个多月了还没消息。",
            "想参加工会组织的电工培训考证，什么时候报名？",
            "最近压力很大，经常失眠，听说工会有心理咨询服务，怎么预约？",
        ),
        (
            "已催办理赔，互助金{recovered}元已打入职工账户。",
            "已将职工登记到下期电工培训班，开班时间已短信通知。",
            "已为职工预约工会心理咨询服务，首次咨询已完成。",
        ),
        paired=True,
        amount=(500, 3000),
        categories=("C2-02", "C2-03", "C2-04"),
    ),
    Scenario(
        "legal_aid",
        "C4-02",
        Nature.REQUEST,
        3,
        (
            "被{employer}拖欠工资已经申请了仲裁，想请工会的法律援助律师代理。",
            "和公司在经济补偿金额上谈不拢，想申请工会调解。",
            "公司不承认和我有劳动关系，没有合同，只有微信转账记录，想请律师帮忙。",
        ),
        (
            "已指派工会法律援助律师代理，仲裁庭调解结案，企业支付{recovered}元。",
            "工会劳动争议调解委员会组织调解，双方达成协议，企业支付经济补偿{recovered}元，已申请司法确认。",
            "法律援助律师协助职工以转账记录、工作群记录证明劳动关系，仲裁委已确认劳动关系。",
        ),
        ("调解不成，已告知职工仲裁途径并转{agency}，工会律师继续代理。",),
        difficulty=(5, 4, 1),
        amount=(4000, 30000),
        transfer=(T.ARBITRATION, T.COURT, T.JUSTICE_BUREAU),
    ),
    Scenario(
        "suggestion",
        "C5-01",
        Nature.SUGGESTION,
        4,
        (
            "建议在{place}增设职工驿站，夏天户外工作的环卫工、快递员没有地方喝水休息。",
            "建议开通晚上10点以后的夜班公交，园区下夜班的工人回宿舍很不方便。",
            "建议{place}的鞋服企业推行工资集体协商，统一计件单价。",
            "建议工会多组织技能比赛和培训，最好安排在周末。",
            "建议园区食堂对一线职工延长供餐时间，夜班工人下班后没饭吃。",
        ),
        (
            "感谢建议。{handler_org}已将增设驿站纳入年度计划，首批两处已选址。",
            "感谢建议。已向交通部门反映，试开通园区夜班专线一条。",
            "感谢建议。已在行业内启动工资集体协商要约。",
            "感谢建议。已安排周末技能培训班，报名通知在职工之家APP发布。",
            "感谢建议。已与园区管委会沟通，部分食堂延长供餐至晚上11点。",
        ),
        paired=True,
        difficulty=(7, 3, 0),
        categories=("C5-01", "C5-02", "C5-03", "C5-01", "C5-01"),
    ),
    Scenario(
        "praise",
        "C5-01",
        Nature.PRAISE,
        1,
        ("感谢{place}工会帮我追回了被拖欠的工资，特地打电话表示感谢！",),
        ("已答复：感谢来电，已将表扬转达承办工会。",),
        paired=True,
        direct=True,
    ),
)

INVALID_TEXTS = (
    "来电无人说话，多次拨打后挂断。",
    "咨询快递物流查询，与工会业务无关。",
    "扫码提交内容为广告推销信息。",
    "测试测试测试测试。",
    "来电反复辱骂话务员，无具体诉求。",
)
INVALID_NOTES = ("无实质诉求内容，按无效工单处理。", "与工会职能无关，已告知咨询渠道。")

RETURN_NOTES = (
    "该企业注册地和生产地均不在本辖区，请改派。",
    "经核实企业位于邻近镇街，非本单位管辖。",
)
EXTENSION_NOTES = (
    "涉及人数多，需会同人社部门核查工资台账，申请延期。",
    "企业负责人出差，约谈时间推后，申请延期。",
    "职工正在住院治疗，需待伤情稳定后协调，申请延期。",
)
AGENCY_FEEDBACK_NOTES = (
    "{agency}已立案，责令企业限期改正。",
    "{agency}已受理，排期开庭/调解。",
    "{agency}反馈：企业已按要求整改，请工会回访。",
)
REOPEN_NOTES = ("职工再次来电反映问题未解决，重新办理。", "质检发现答复不实，退回重办。")
SUPERVISE_NOTES = ("已超办结时限，请承办单位说明原因并尽快办结。",)
RATING_COMMENTS = {
    "satisfied": ("工会办事很快，谢谢！", "问题解决了，非常感谢。", ""),
    "basically_satisfied": ("钱拿到了，就是时间有点长。", ""),
    "unsatisfied": ("钱还没到账，只是打了电话。", "答复和实际情况不符。"),
}
SUGGESTION_NOT_ADOPTED = (
    "感谢建议。经研究，该建议暂不具备实施条件，已记录并纳入下一年度工作研究。",
)
REVISIT_NOTES = {
    "satisfied": ("职工表示问题已解决，对办理结果满意。", ""),
    "basically_satisfied": ("职工表示基本解决，希望以后处理再快一些。",),
    "unsatisfied": ("职工表示问题未实际解决，要求重新办理。",),
    "unreachable": ("三次回访电话均未接通，短信告知办理结果。",),
}
