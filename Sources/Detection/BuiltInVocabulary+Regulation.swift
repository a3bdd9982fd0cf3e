import Model

/// The shipped vocabularies. Terms are written in Simplified Chinese and lower case: text is folded
/// (Traditional → Simplified, NFKC, lower case) before matching, so they match every script and case.
/// A trailing `*` makes an English stem. See docs/detection.md for the reasoning and how to tune.
public enum BuiltInVocabulary {
    static func terms(_ weight: Double, _ group: String?, _ list: [String]) -> [TermSpec] {
        list.map { TermSpec($0, weight, group: group) }
    }

    /// New laws, regulations, measures, implementing rules, judicial interpretations, drafts and
    /// calls for comment, amendments, repeals, effective dates — anywhere (a foreign-agent law
    /// abroad is a `regulation` too; route by tags or sources to keep only one country).
    ///
    /// Evidence is of three kinds: a **stage** word alone proves a legislative act (征求意见稿,
    /// "draft law", "comes into force"); otherwise an **instrument** (条例, 办法, "regulations", a
    /// named law) must meet an **action** (印发, 通过, "issued", "adopted"). Meetings, study sessions,
    /// quizzes and enforcement of laws that already exist are negatives.
    public static let regulation = DetectionRules.Category(
        name: "regulation",
        threshold: 1.0,
        terms: terms(1.0, "stage", [
            // Drafts and calls for comment.
            "征求意见稿", "公开征求意见", "征求意见", "意见征集", "立法意见征集", "草案", "修订草案", "修正草案", "草案稿",
            "审议稿", "送审稿", "二审稿", "三审稿", "二次审议", "三次审议", "提请审议", "初次审议",
            // Instruments that only exist as new rules.
            "司法解释", "实施细则", "实施办法", "实施条例", "实施意见", "暂行办法", "暂行规定", "暂行条例", "试行办法",
            "管理办法", "管理条例", "管理规定", "若干规定", "若干意见", "指导意见", "修正案", "决定废止", "修改决定",
            "部门规章", "行政法规", "地方性法规", "规范性文件", "新规", "新法", "立法规划", "立法计划", "立法工作计划",
            // Adoption, promulgation, entry into force, repeal.
            "审议通过", "表决通过", "三读通过", "公布施行", "起施行", "起实施", "正式施行", "正式实施", "施行", "生效",
            "废止", "予以废止", "颁布", "主席令", "国务院令", "国令", "国发", "国办发", "人大常委会公告",
            "修法", "修宪", "若干问题的解释", "适用法律若干问题", "首读", "二读", "三读", "预告修正", "预告订定", "预告废止",
            // Hong Kong calls regulations 规例 and consults the public on them; SPC/SPP guiding cases bind
            // lower courts like an interpretation; a mandatory national standard has the force of a rule.
            "附属规例", "附属法例", "附属立法", "咨询公众", "公开咨询", "咨询文件", "指导性案例",
            "强制性国家标准", "强制性标准",
            // English.
            "draft law", "draft laws", "draft regulation*", "draft rules", "draft measures", "draft amendment*",
            "draft bill", "draft provisions", "draft guidelines", "draft decision", "draft revision", "draft of the",
            "public comment*", "comment period", "solicit* comment*", "seek* comment*", "seeking public",
            "call for comment*", "calls for comment*", "comments on the draft", "opinion-soliciting", "for comment",
            "judicial interpretation*", "implementing rules", "implementing regulations", "implementation rules",
            "implementing measures", "implementation measures", "interim measures", "trial measures", "interim provisions",
            "administrative measures", "administrative regulations", "administrative provisions",
            "take effect", "takes effect", "took effect", "taking effect", "to take effect", "into effect",
            "come into force", "comes into force", "came into force", "coming into force", "enter into force",
            "enters into force", "entered into force", "entry into force", "in force from",
            "promulgat*", "repeal*", "abolish*", "rescind*", "enact*", "signed into law", "passed into law", "becomes law", "became law", "become law",
            "public consultation", "consultation paper", "consultation document", "guiding case*",
            "mandatory national standard*", "mandatory standard*",
            "first reading", "second reading", "third reading", "new legislation", "passes legislation", "passed legislation",
            "legislation passed", "lawmakers approve*",
            "npcsc", "npc standing committee", "new law", "new laws", "new rules", "new regulation*", 
            "new provisions", "new guidelines", "new restrictions", "amendment*", "amended", "amends", "amending",
            "revised law", "revised regulation*", "revised rules", "revised measures", "revised version",
            "decree", "decrees", "ordinance", "ordinances", "statute", "bylaw*", "law revision",
            "rules governing", "regulations governing", "regulations on", "regulations for", "rules on", "rules for",
            "measures on", "measures for", "provisions on", "provisions for", "law on", "law of the people's republic",
        ]) + terms(0.55, "instrument", [
            "条例", "办法", "规定", "细则", "规则", "规例", "法例", "法律", "法规", "规章", "法典", "宪法", "刑法", "民法典",
            "慈善法", "境外非政府组织境内活动管理法", "反间谍法", "国家安全法", "网络安全法", "数据安全法", "个人信息保护法",
            "工会法", "劳动法", "劳动合同法", "反恐怖主义法", "反外国制裁法", "对外关系法", "爱国主义教育法", "保守国家秘密法",
            "国家情报法", "社会组织登记管理条例", "基金会管理条例", "社会团体登记管理条例", "民办非企业单位登记管理暂行条例",
            "宗教事务条例", "治安管理处罚法", "行政处罚法", "网络数据安全管理条例",
            "law", "laws", "legislation", "regulation", "regulations", "rules", "provisions", "bill", "bills", "guidelines", "guideline",
            "circular", "decision",
            "directive", "directives", "constitution", "constitutional", "act", "interpretation", "interpretations",
            "foreign agents law", "foreign agent law", "foreign agent bill", "security law", "counter-espionage law",
            "charity law", "overseas ngo law", "foreign ngo law", "解释", "civil code", "criminal code", "penal code",
            "labour code", "labor code", "environmental code", "environment code", "administrative code",
        ]) + terms(0.3, "instrument", [
            "new measures", "决定", "意见", "标准", "制度", "政策", "measures", "rule", "opinions", "notice", "code", "policy", "policies", "framework", "regime", "requirements", "restrictions",
            "standards",
        ]) + terms(0.35, "issuer", [
            "国务院", "办公厅", "民政部", "公安部", "司法部", "人力资源和社会保障部", "人社部", "教育部", "国家宗教事务局",
            "网信办", "国家互联网信息办公室", "人大常委会", "全国人大", "最高人民法院", "最高法", "最高人民检察院", "最高检",
            "人民政府", "委员会", "总局", "国函", "国办函", "legislative",
            "state council", "ministry", "cyberspace administration", "npc", "supreme people's court",
            "supreme people's procuratorate", "government", "authorities", "regulator*", "legislature", "parliament",
            "congress", "national assembly", "duma", "senate", "lawmakers", "legislators", "legislative council", "legco",
        ]) + terms(0.0, "hidden", [
            // Longer words that contain a vocabulary term but mean something else: matching them hides the shorter term.
            "立法会", "立法院", "意见领袖", "不同意见", "规划草案", "设计草案", "方案草案", "预算草案",
            // Rules about companies are still law: these hide the private-issuer negative "companies".
            "of companies", "on companies", "for companies", "listed companies",
        ]) + terms(0.5, "action", [
            "印发", "发布", "公布", "出台", "立法", "通过", "审议", "修订", "修改", "修正", "制定", "起草", "实施", "试行", "暂行",
            "解读", "答记者问", "刊宪", "拍板", "gazette*", "新修订", "新修改", "批准", "下发", "出炉", "正式", "首部", "规范",
            "issue*", "releas*", "publish*", "unveil*", "adopt*", "pass", "passes", "passed", "approve*", "introduc*",
            "revise*", "revision*", "tighten*", "overhaul*", "finaliz*", "finalis*", "roll out", "rolls out", "rolled out",
            "draft", "drafts", "drafted", "drafting", "proposed", "propose*", "proposal*", "effective", "in effect", "vote*",
            "voted", "signs", "signed", "ban", "bans", "banned", "require*", "mandate*", "restrict*", "expand*", "announce*", "reintroduc*", "tabled", "tables", "translation", "full text", "全文",
        ]) + terms(0.6, "instrument", [
            // A ban on selling a product is a rule (a government's, with an issuer or a start date beside it).
            "bans sale", "bans the sale", "ban on the sale", "ban on sales", "banning the sale", "禁售", "禁止销售",
        ]) + terms(0.4, "action", [
            // "New" alone is weak evidence: "new inheritance rules explained" is not a new rule.
            "new",
        ]),
        regexes: [
            DetectionRules.RegexRule("《[^》]{0,60}(法|条例|规定|办法|细则|规则|决定|解释|意见|纲要|规划|目录|清单|标准|指引|准则|章程|制度)[^》]{0,12}》",
                                     0.6, group: "instrument", triggers: ["《"], label: "《…》 instrument"),
            DetectionRules.RegexRule("(条例|办法|规定|细则|规则|实施意见|指导意见|管理法|保护法|促进法|的解释)(\\([^)]{0,12}\\))?$",
                                     0.9, group: "instrument-title", triggers: ["条例", "办法", "规定", "细则", "规则", "意见", "法", "解释"],
                                     label: "title names an instrument"),
            DetectionRules.RegexRule("\\(\\d{4}年(修订|修正|修订版|修正版)\\)", 0.6, group: "instrument-title", triggers: ["年修"],
                                     label: "(2026年修订)"),
            DetectionRules.RegexRule("关于(印发|发布|公布|修改|废止|修订|实施|施行)", 0.9, group: "headline-form",
                                     triggers: ["关于"], label: "关于印发/修改/废止…"),
            DetectionRules.RegexRule("关于.{2,60}的(通知|意见|决定|规定|办法|公告|通告|批复)", 0.7, group: "headline-form",
                                     triggers: ["关于"], label: "关于…的通知/意见/决定"),
            DetectionRules.RegexRule("令\\s*(第|〔\\d{4}〕)?\\s*\\d+\\s*号", 1.0, group: "stage", triggers: ["令"],
                                     label: "decree number (…令第58号)"),
            DetectionRules.RegexRule("\\bnew\\s+([a-z'-]+\\s+){0,4}(law|laws|legislation|regulations?|rules|provisions|ordinance|act|decree|code|guidelines)\\b",
                                     0.6, group: "stage", triggers: ["new"], label: "new … law/rules"),
            DetectionRules.RegexRule("自\\d{4}年\\d{1,2}月\\d{1,2}日起", 1.0, group: "stage", triggers: ["日起"], label: "effective date"),
            // A start date without 施行/"takes effect": weaker, since campaigns and statistics have start dates too.
            DetectionRules.RegexRule("\\b(from|starting|as of|beginning|effective) (next (week|month|year)|(january|february|march|april|may|june|july|august|september|october|november|december)\\b)",
                                     0.4, group: "start-date", triggers: ["from", "starting", "as of", "beginning", "effective"],
                                     label: "from next month/July"),
            DetectionRules.RegexRule("(\\d{1,2}月(\\d{1,2}日)?|下月|明年)起", 0.4, group: "start-date", triggers: ["起"],
                                     label: "7月1日起"),
            DetectionRules.RegexRule("\\b(law|act|regulations?|rules|measures|provisions|bill|ordinance) (on|for|of) (the )?[a-z' -]{3,60}\\b(takes?|took|will take|come|comes|came) ",
                                     1.0, group: "stage", triggers: ["take", "took", "come", "came"], label: "instrument + effect"),
        ],
        negative: terms(0.7, "not-new", [
            "学习", "学习贯彻", "宣传", "普法", "宣讲", "培训", "知识竞赛", "竞赛", "答题", "执法检查",
            "贯彻落实", "交通法规", "典型案例", "招聘", "招标", "采购", "中标", "成交", "天气",
            "评估等级", "评估结果", "结果的公告", "名单", "表彰", "关于同意", "同意设立", "节假日", "放假", "代表建议", "委员建议", "提案", "议案", "法治宣传", "法律援助", "法律咨询", "法律服务", "立法会选举", "立法会议员",
            "regulation time", "in regulation", "regulation play", "regulation-size", "regulation size", "after regulation",
            "end of regulation", "law firm*", "law school*", "law student*", "law enforcement", "rule of law",
            "mother-in-law", "father-in-law", "in-law*", "murphy's law", "quiz",
            "workshop", "training", "seminar", "webinar", "lecture", "awareness", "study session",
            "passed away", "first amendment", "second amendment", "fifth amendment", "rules of the road", "ground rules", "house rules", "golden rules", "unwritten rules",
            "rule of thumb", "rules of the game", "podcast", "episode", "interview", "draft pick", "nba draft", "bill gates", "electricity bill*", "phone bill*", "utility bill*", "water bill*", "gas bill*", 
            "weather", "product recall", "recall*", "code of conduct",
        ]) + terms(0.7, "occasion", [
            // Gatherings and anniversaries about laws that exist: evidence independent of study and promotion words.
            "讲座", "研讨会", "座谈会", "交流会", "经验交流", "论坛", "meets with", "met with", "holds talks",
            "symposium", "forum", "conference", "roundtable", "panel discussion",
        ]) + terms(0.7, "sports", [
            // A league's rules and a referee's laws of the game are not law (their own group: a
            // sports story about a new rule for next season has two reasons to be noise).
            "比赛", "足球", "篮球", "体育", "sports", "football", "soccer", "basketball", "match", "referee", "game", "games",
            "nba", "fifa", "league", "tournament", "playoff*", "overtime", "offside", "season",
        ]) + terms(0.7, "anniversary", ["纪念", "周年", "anniversary"]) + terms(0.4, "private-issuer", [
            // Companies make rules too; those are not law.
            "company", "companies", "employer", "employers", "corporate", "startup", "公司",
        ]) + terms(0.5, "about-existing", [
            "guide on", "guide to", "compliance guide",
        ]) + terms(0.5, "economic-policy", [
            // Stimulus and relief packages are policies, not rules.
            "to support", "to boost", "stimulus", "economic growth", "tax cuts", "relief package", "subsidies", "纾困",
            "稳增长", "促消费", "惠企",
        ]) + terms(0.4, "enforcement", [
            // News of a law being applied (an arrest, a trial, a fine) is not a new law.
            "违法", "违规", "逮捕", "拘留", "判处", "判刑", "刑事拘留", "案例", "庭审", "判决", "起诉", "处罚决定", "判囚", "罪成",
            "认罪", "被告", "定罪", "上诉", "提堂", "conviction", "convictions", "upholds", "upheld",
            "arrest", "arrests", "arrested", "detain*", "sentenced", "jailed", "court rules", "ruled", "lawsuit", "sues", "sued", "verdict",
            "trial", "charged", "convicted", "violat*", "fined", "judge rules", "tribunal rules", "rules out", "ruled out",
        ])
    )
}
