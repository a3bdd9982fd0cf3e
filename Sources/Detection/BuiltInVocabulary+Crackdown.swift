import Model

extension BuiltInVocabulary {
    /// Detention, arrest, residential surveillance at a designated location, enforced disappearance,
    /// raids, closures and evictions of NGOs, political charges, trials and sentences of activists.
    ///
    /// The same enforcement words fill ordinary crime, traffic, corruption and sports news, so an
    /// **action** (拘留, "detained", "sentenced") counts only half: it needs a **target** from civil
    /// society (律师, 工人, "activists", "journalists", an NGO) to reach the threshold. **Charges**
    /// and phrases used almost only against civil society (寻衅滋事, 指定居所监视居住, "inciting
    /// subversion", "enforced disappearance") are enough alone. Ordinary-crime words are negatives.
    public static let crackdown = DetectionRules.Category(
        name: "crackdown",
        threshold: 1.0,
        terms: terms(1.0, "charge", [
            "寻衅滋事", "聚众扰乱社会秩序", "聚众扰乱公共场所秩序", "聚众扰乱", "煽动颠覆国家政权", "颠覆国家政权", "煽动颠覆",
            "煽动分裂国家", "分裂国家罪", "危害国家安全", "勾结外国", "勾结境外势力", "非法集会", "非法游行", "颠覆",
            "指定居所监视居住", "指居", "强迫失踪", "被失踪", "709", "大抓捕", "被喝茶", 
            "维稳", "打压", "镇压", "迫害", "软禁", "边控", "禁止出境", "限制出境", "吊销律师执业证",
            "吊销执业证", "注销律师执业证", "国保警察", "国保人员", "国保约谈", "国保大队", "国保支队", "被国保", "黑监狱",
            "截访", "煽动罪", "煽动意图", "煽动刊物", "煽惑", "未经批准集结", "非法集结", "暴动罪", "政治迫害", "莫须有", "black jail*", "politically motivated", "trumped-up",
            "bogus charges", "fabricated charges", "trumped up charges", "吊销律师执照", "良心犯", "政治犯", "人权捍卫者", "打击整治非法社会组织",
            "非法社会组织", "取缔非法", "强制遣返", "清场", "封杀", "被消失", "国家安全警察",
            "picking quarrels", "picking quarrels and provoking trouble", "provoking trouble", "quarrels and provoking",
            "gathering a crowd", "gathering crowds", "disturb social order", "disturbing social order", "disturbing public order",
            "disrupting public order", "disrupting social order", "inciting subversion", "incitement to subversion",
            "subversion", "subverting state power", "inciting separatism", "incitement to separatism", "secession",
            "sedition", "seditious", "colluding with foreign forces", "collusion with foreign forces",
            "endangering national security", "illegal assembly", "unlawful assembly", "unauthorized assembly",
            "unauthorised assembly", "residential surveillance at a designated location", "residential surveillance",
            "rsdl", "enforced disappearance*", "forced disappearance*", "forcibly disappeared", 
            "held incommunicado", "incommunicado", "whereabouts unknown", "whereabouts remain unknown", "被约谈",
            
            "709 crackdown", 
            "political prisoner*", "prisoner of conscience", "prisoners of conscience", "invited to tea",
            "exit ban*", "barred from leaving", "disbarred", "license revoked", "licence revoked", "revoked the license*",
            "revoked the licence*", "undesirable organization*", "undesirable organisation*", "house arrest",
            "persecut*", "repression", "repress*", "forced to close", "forced to shut", "forced to disband", "ordered to close", "ordered closed", "ordered to shut",
            "ordered to disband", "closed by authorities", "closed by police", 
            "deregistered", "outlawed", "national security police", "state security police", "domestic security",
            // A named system of detention: its longer name hides "re-education" and "labour" inside it, so
            // repealing it is one piece of evidence that legislative-news can outweigh.
            "re-education through labour", "re-education through labor", "reeducation through labor",
            "reeducation through labour", "劳动教养", "劳教",
            // Exit bans and secret trials in other words than the ones above.
            "没收护照", "收缴护照", "护照被没收", "护照被收", "扣押护照", "不准出境", "出境受限", "强制失踪", "秘密审判",
            "失去人身自由", "passport confiscated", "passports confiscated", "confiscated his passport",
            "confiscated her passport", "travel ban", "secret trial", "tried in secret", "secretly tried",
            "forcibly returned", "refoulement", "disbarment", "打击报复", "非法宗教活动", "利用邪教组织",
            // Xinjiang's camps under their official and common names.
            "教培中心", "职业技能教育培训中心", "教育转化", "再教育营", "集中营", "vocational training cent*",
            "internment camp*", "re-education camp*", "reeducation camp*", "detention camp*", "political education camp*",
            // Lawyers kept from their clients: the hallmark of political cases.
            "禁止会见", "拒绝会见", "不准会见", "不得会见", "会见被拒", "denied access to a lawyer", "denied access to lawyers",
            "denied access to his lawyer", "denied access to her lawyer", "refused access to a lawyer",
            "secret police", "tortur*", "forced confession*", "televised confession*", "show trial", "reeducation",
            "re-education", "internment", "stability maintenance",
        ]) + terms(0.6, "action", [
            "刑事拘留", "刑拘", "行政拘留", "行拘", "拘留", "拘押", "羁押", "逮捕", "批捕", "批准逮捕", "提请批准逮捕", "抓走",
            "带走", "被带走", "喝茶", "约谈", "抓捕", "传唤", "拘传", "取保候审", "监视居住", "起诉", "公诉", "提起公诉", "审判", "开庭", "受审",
            "判处", "判刑", "获刑", "宣判", "有期徒刑", "服刑", "入狱", "关押", "定罪", "骚扰", "威胁", "警告", "搜查", "抄家",
            "查抄", "突击检查", "查封", "取缔", "关闭", "关停", "解散", "注销", "吊销", "撤销登记", "驱逐", "遣返",
            "监控", "跟踪", "殴打", "驱散", "删帖", "封号", "禁言", "施压", "审讯", "讯问", "监禁",
            "延长羁押期限", "被捕", "被抓", "被拘", "被判", "被打", "开除", "刑事强制措施", "强制措施", "摧毁", "拘捕", "扣押", "扣留", "关进", "带往", "拦截", "非法拘禁", "打击", "清退", "强拆", "驱赶",
            // Hong Kong court and police usage: 判囚 (jailed), 罪成 (convicted), 还押 (remanded), 落案 (charged).
            "判囚", "被判囚", "罪成", "还押", "落案", "检控", "提堂", "拒绝保释", "收押", "悬红", "bounty", "bounties",
            // Charged (HK/Taiwan 被控), questioned, suspended or punished, bail revoked; 悬红通缉 is one
            // action whose 通缉 (a wanted notice, usually ordinary crime) it hides.
            "被控", "控以", "认罪", "police question", "police questioned", "police questioning", "police questions", "立案调查", "暂停会员权利", "暂停执业", "停止执业", "revoke*", "deletes accounts", "deleted accounts", "accounts deleted", "accounts suspended",
            "close its", "closes its", "closing its", "shut its", "shuts its", "绑架", "押回", "押送", "训诫", "记过", "冻结账户", "账户被冻结", "资产被冻结",
            "accounts frozen", "froze its accounts", "froze the accounts", "froze their accounts", "unauthorised", "unauthorized", "sent to a camp", "taken to a camp", "taken to camp", "sent to camp", "reprisal*", "retaliation for", "pleaded guilty", "pleads guilty", "plead guilty", "问话", "停职", "处分", "悬红通缉", "撤销保释", "保释被撤销", "stripped of", "punish*",
            "repatriat*", "bail revoked", "revoked bail", "revoked his bail", "revoked her bail", "剥夺政治权利", "被迫搬离", "被迫搬迁", "被迫迁出", "被迫关闭",
            "被迫停止", "被迫解散", "被迫停办", "被迫暂停",
            "arrest", "arrests", "arrested", "arresting", "detain*", "detention", "remanded", "denied bail",
            "immediate release", "immediately release", "unconditional release", "unconditionally release",
            "been held", "held since", 
            "deregister", "deregisters", "deregistering", "deregistration", "revoked its registration",
            "revoked the group's registration", "registration revoked", "registration certificate revoked",
            "dissolved", "held in detention", "held without", "without charge", "being held", "held by police", "held on",
            "questioned by police", "questioned by state security", "police visit*", "visited by police", "visits from police",
            "transnational repression", "taken away", "abduct*", "kidnap*", "summon*", "interrogat*",
            "raid*", "searched", "shut down", "shuts down", "shutting down", "closed down", "closure*",
            "ban", "bans", "banned", "sentenc*", "jail*", "imprison*", "prison", "convict*", "charged", "charges",
            "indict*", "prosecut*", "trial", "harass*", "intimidat*", "surveil*", "monitored",
            "evict*", "expel*", "deport*", "censor*", "silenc*", "blocked", "purge*", "beaten", "assaulted", "targeted",
            "targets", "seized", "confiscat*", "raided", "barred", "prevented from", "placed under", 
            "locked up", "shutter*", "taken into custody", "in custody", "rounded up", "round-up", "roundup", 
        ]) + terms(0.7, "crackdown-word", [
            // "Crackdown" is also used for campaigns against drunk driving or illegal fishing: it
            // needs a civil-society target or an enforcement action beside it.
            "crackdown", "crackdowns", "cracks down", "cracked down", "cracking down", "clampdown", "clamps down",
            "严打", "整肃",
        ]) + terms(0.4, "security-organs", [
            "state security officer*", "state security agent*", "plainclothes", "plain-clothes", "便衣", "国安人员", "国安局",
        ]) + terms(0.5, "security-organs", [
            // Hong Kong's national security police and mainland state security acting on someone.
            "国安处", "国安警", "国安警察", "被国安", "国保", "国安",
        ]) + terms(0.4, "place", [
            // Most Hong Kong news is not about civil society: the place alone is weak evidence.
            "香港", "hong kong",
        ]) + terms(0.5, "missing", [
            // Disappearance is evidence beside the action: "taken away … missing for a week".
            "失踪", "下落不明", "失联", "失去联系", "联系不上", "missing", "disappeared", "gone missing", "went missing", "unreachable",
            "cannot be reached", "no news of", "disappear*",
        ]) + terms(0.5, "target", [
            "律师", "维权", "维权人士", "活动人士", "社运人士", "行动者", "工人", "劳工", "工运", "工友", "农民工", "罢工", "讨薪",
            "记者", "公民记者", "异见", "异议人士", "民主", "人权", "上访", "访民", "信访", "请愿", "抗议", "示威", "游行",
            "公益", "公益人士", "社工", "志愿者", "女权", "性少数", "同性恋", "宗教", "教会", "家庭教会", "牧师", "神父",
            "基督徒", "信徒", "法轮功", "藏人", "维吾尔", "维族", "穆斯林", "僧人", "喇嘛", "社会组织", "非政府组织",
            "民间组织", "ngo", "学生", "学者", "教授", "作家", "艺术家", "出版人", "网民", "博主", "网友", "发帖", "转发",
            "言论", "批评", "造谣", "谣言", "散布", "公民", "人士", "家属", "妻子", "母亲", "声援", "悼念", "纪念", "六四",
            "白纸", "民运", "联署", "公开信", "劳工组织", "工会", "僧侣", "尼姑", "修女", "阿訇", "伊玛目", "宗教人士", "藏区", "蒙古族", "哈萨克", "倡导者", "权益", "书店", "编辑", "总编辑", "前区议员", "区议员", "民主派", "执业证", "流亡", "海外港人", "家人", "翻墙", "举报",
            "activist*", "lawyer*", "attorney*", "labor", "labour", "worker*", "union organi*", "trade union*", "unionist*",
            "journalist*", "reporter*", "blogger*", "citizen journalist*", "dissident*", "petitioner*", "protest*",
            "demonstrator*", "student*", "scholar*", "academic*", "professor*", "feminist*", "lgbt*", "ngo", "ngos",
            "civil society", "rights group*", "human rights", "rights defender*", "defender*", "pastor*", "church*",
            "christian*", "uyghur*", "uighur*", "tibetan*", "muslim*", "falun gong", "practitioner*", "monk*", "nun",
            "nuns", "priest*", "believer*", "religious", "pro-democracy", "democracy", "critic*", "whistleblower*",
            "volunteer*", "organizer*", "organiser*", "advocate*", "campaigner*", "poet*", "artist*", "writer*",
            "publisher*", "bookseller*", "filmmaker*", "relatives", "wife", "family members", "dissent", "opposition",
            "tiananmen", "vigil", "charity", "charities", "foundation", "legal aid", "grassroots", "free speech",
            "freedom of expression", "online posts", "social media posts", "bookstore*", "bookshop*",
            "independent media", "media outlet*", "newspaper*", "editor*", "imam*", "commemorat*", "mother", "father", "daughter", "son", "brother", "speech",
            "religion", "mongolian*", "kazakh*", "dissent*", "rights", "exile*", "overseas activists", "cartoonist*", "satir*", "漫画家", "ex-legislator*", "former legislator*", "former lawmaker*", "amnesty international",
            "human rights watch", "martyr*", "英烈", "online comments", "netizen*", "internet user*", "web user*",
        ]),
        regexes: [
            DetectionRules.RegexRule("\\d+\\s*名?(律师|工人|维权|活动人士|记者|学生|访民|信徒)", 0.5, group: "target",
                                     triggers: ["名", "律师", "工人", "维权", "活动人士", "记者", "学生", "访民", "信徒"],
                                     label: "number of people of a group"),
            // Hong Kong's Societies Ordinance: the security secretary prohibits a group's operation.
            DetectionRules.RegexRule("禁止.{0,12}运作", 0.6, group: "action", triggers: ["运作"], label: "禁止…运作"),
            // An ordinary-crime charge in quotation marks is one the writer disputes (a pastor sentenced for
            // 'fraud'): it cancels the ordinary-crime negative that the same word brings.
            DetectionRules.RegexRule(#"["'‘“「『][^"'’”」』]{0,10}(fraud|embezzl|illegal business|tax evasion|prostitution|gambling|bribe|诈骗|职务侵占|挪用|非法经营|偷税|逃税|嫖娼|卖淫|赌博|受贿|行贿)[^"'’”」』]{0,10}["'’”」』]"#,
                                     0.7, group: "disputed-charge", triggers: ["'", "\"", "‘", "“", "「", "『"],
                                     label: "quoted ordinary-crime charge"),
            // Hong Kong: 承认…罪 (pleaded guilty to a charge).
            DetectionRules.RegexRule("承认.{0,12}罪", 0.6, group: "action", triggers: ["承认"], label: "承认…罪"),
        ],
        negative: terms(0.7, "ordinary-crime", [
            "诈骗", "电信诈骗", "电诈", "醉驾", "酒驾", "交通", "交警", "超速", "盗窃", "偷窃", "抢劫", "杀人", "命案", "故意伤害",
            "毒品", "贩毒", "吸毒", "走私", "传销", "赌博", "赌场", "卖淫", "嫖娼", "贪污", "受贿", "行贿", "腐败", "纪委", "监委",
            "违纪", "落马", "双开", "留置", "非法集资", "洗钱", "扫黑除恶", "涉黑", "黑社会", "逃犯", "通缉", "车祸", "火灾",
            "安全生产", "食品安全", "假冒", "伪劣", "性侵", "强奸", "猥亵", "拐卖", "偷渡", "虐待", "家暴", "网络赌博", "黑客",
            "兴奋剂", "球员", "足球", "比赛", "体育", "演员", "明星", "偷税", "逃税", "非法捕捞", "野生动物", "盗采", "非法采矿",
            "fraud*", "scam*", "swindl*", "drunk driving", "drink driving", "drunk-driving", "dui", "traffic", "speeding",
            "theft", "thief", "thieves", "burglar*", "robbery", "robber*", "murder*", "homicide", "killing", "stabbing",
            "drug*", "narcotic*", "cocaine", "heroin", "meth", "smuggl*", "pyramid scheme", "gambling", "prostitution",
            "corruption", "corrupt", "brib*", "embezzl*", "graft", "money laundering", "gang*", "mafia", "fugitive*",
            "wanted", "accident", "crash", "counterfeit*", "rape", "sexual assault", "child abuse",
            "human trafficking", "poach*", "tax evasion", "hacker*", "arrested development", "cardiac arrest",
            "heart attack", "doping", "player*", "football", "soccer", "nba", "match", "referee", "red card",
            "suspended for", "celebrity", "actor", "actress", "shoplift*", "vandal*", "hit-and-run", "cartel*",
            "醉酒", "酒后", "医闹", "破获", "侦破", "犯罪团伙", "典型案例", "打击整治", "整治行动", "治安打击", "夏季治安",
            "bookmaking", "betting", "illegal gambling",
            // Hong Kong's anti-corruption agency and its charge words: graft cases against officials.
            "廉署", "廉政公署", "收受利益", "索取利益", "icac", "anti-graft", "anti-corruption",
            "游客", "驴友", "登山", "搜救", "救援", "溺水", "地震", "泥石流", "hiker*", "tourist*", "climber*",
            "rescue*", "search and rescue", "illegal fishing", "piracy", "pirated", "spam",
            "scalper*", "price gouging", "food safety", "cheating", "exam", "作弊", "考试", "体罚", "师德", "corporal punishment",
            // Fights: 寻衅滋事 is charged in bar brawls too.
            "打人", "斗殴", "打架", "酒吧", "brawl*", "bar fight", "careless driving", "dangerous driving",
            "drop charges", "drops charges", "dropped charges", "撤销控罪", "撤控",
            // Bans on products are rules, not crackdowns.
            "电子烟", "吸烟", "控烟", "烟草", "e-cigarette*", "vaping", "vape*", "tobacco", "smoking", "bomb hoax", "专项整治", "违法建筑", "违建", "earthquake", "landslide", "acquit*", "无罪释放", "宣告无罪", "clinical trial*", "trial run", "free trial", "trial period", "terror attack", "shooting", "gunman",
        ]) + terms(0.7, "retrospective", [
            // Memoirs and book reviews recount old detentions; they are not news of one.
            "memoir", "memoirs", "回忆录",
        ]) + terms(0.5, "powers", [
            // Powers a new text grants ("gives police powers to search") are not an event on someone.
            "授权", "获授权", "赋予", "有权", "权力", "powers", "power to", "empower*", "authoris*", "authoriz*",
            "would allow", "would let", "allows police", "allow police", "lets police", "lets", "allows", "allowing",
            "enables", "would enable",
        ]) + terms(0.5, "legislative-news", [
            // An item about a new legal text that defines a charge is a regulation, not a crackdown.
            "司法解释", "若干问题的解释", "适用法律", "征求意见稿", "征求意见", "草案", "judicial interpretation*", "draft law", "draft regulation*",
            "public comment*", "clarif*", "revise*", "revision*", "修订", "印发", "实施办法", "管理办法", "工作规定", "暂行规定", "废止", "废除", "repeal*", "abolish*", "三读通过", "实施细则", "刊宪", "amendment*",
            "legislature approves", "legislature passes", "gazette*", "ordinance", "enact*", "signed into law",
            "takes effect", "comes into force", "passes law", "new law",
        ]) + terms(0.0, "hidden", [
            // Longer words that contain a vocabulary term but mean something else.
            "失踪人口", "走失", "喝茶叶", "茶馆", "饮茶", "工人日报", "人士表示", "业内人士", "知情人士", "相关人士",
            "临时活动", "公益活动", "民主生活会", "民主党派", "全过程人民民主", "宗教中国化", "香港特区政府",
            "prison reform", "missing out", "missing link", "公民个人信息", "国保单位", "国安法", "国安委", "国安教育",
        ]),
        weakEvidenceNegatives: ["legislative-news", "powers"]
    )
}
