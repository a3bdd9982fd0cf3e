/// Month and meridiem words in the languages feeds are written in. Keys are lower-case (NFKC).
///
/// Names are matched whole (so Greek Ιούν/Ιούλ and French juin/juillet stay apart); only the English
/// three-letter forms are also matched as a prefix.
enum MonthNames {
    static let table: [String: Int] = {
        var t = [String: Int]()
        func add(_ month: Int, _ names: String) {
            for n in names.split(separator: " ") { t[String(n)] = month }
        }
        // English (the three-letter forms also cover most Latin-script languages' abbreviations).
        add(1, "jan january"); add(2, "feb february"); add(3, "mar march"); add(4, "apr april")
        add(5, "may"); add(6, "jun june"); add(7, "jul july"); add(8, "aug august")
        add(9, "sep sept september"); add(10, "oct october"); add(11, "nov november"); add(12, "dec december")
        // German.
        add(1, "januar jän jänner"); add(2, "februar"); add(3, "märz mär mrz"); add(5, "mai")
        add(6, "juni"); add(7, "juli"); add(10, "oktober okt"); add(12, "dezember dez")
        // French.
        add(1, "janvier janv"); add(2, "février fevrier févr fevr"); add(3, "mars"); add(4, "avril avr")
        add(6, "juin"); add(7, "juillet juil"); add(8, "août aout aoû"); add(9, "septembre")
        add(10, "octobre"); add(11, "novembre"); add(12, "décembre decembre déc")
        // Spanish, Portuguese, Italian.
        add(1, "enero ene janeiro gennaio gen"); add(2, "febrero fevereiro fev febbraio")
        add(3, "marzo março"); add(4, "abril abr aprile"); add(5, "mayo maio maggio mag")
        add(6, "junio junho giugno giu"); add(7, "julio julho luglio lug"); add(8, "agosto")
        add(9, "septiembre setiembre setembro settembre"); add(10, "octubre outubro ottobre ott")
        add(11, "noviembre novembro"); add(12, "diciembre dic dezembro dicembre")
        // Dutch.
        add(1, "januari"); add(2, "februari"); add(3, "maart mrt"); add(5, "mei"); add(8, "augustus")
        // Hungarian (with the misspellings feedparser's table carries: "februári", "máujus").
        add(1, "január"); add(2, "február februári"); add(3, "március márc"); add(4, "április ápr")
        add(5, "május máujus máj"); add(6, "június jún"); add(7, "július júl"); add(8, "augusztus")
        add(9, "szeptember szept"); add(10, "október"); add(11, "november"); add(12, "december")
        // Russian (genitive, as dates are written) and nominative.
        add(1, "января январь янв"); add(2, "февраля февраль фев"); add(3, "марта март"); add(4, "апреля апрель апр")
        add(5, "мая май"); add(6, "июня июнь"); add(7, "июля июль"); add(8, "августа август авг")
        add(9, "сентября сентябрь сен"); add(10, "октября октябрь окт"); add(11, "ноября ноябрь ноя")
        add(12, "декабря декабрь дек")
        // Greek abbreviations, with and without accents (feedparser's table and the usual forms).
        add(1, "ιαν ιανουάριος ιανουαρίου"); add(2, "φεβ φεβρουάριος φεβρουαρίου")
        add(3, "μάρ μαρ μάώ μαώ μάρτιος μαρτίου"); add(4, "απρ απρίλιος απριλίου")
        add(5, "μάι μαϊ μαι μάιος μαΐου"); add(6, "ιούν ιουν ιον ιούνιος ιουνίου")
        add(7, "ιούλ ιουλ ιολ ιούλιος ιουλίου"); add(8, "αύγ αυγ αύγουστος αυγούστου")
        add(9, "σεπ σεπτέμβριος σεπτεμβρίου"); add(10, "οκτ οκτώβριος οκτωβρίου")
        add(11, "νοέ νοε νοέμβριος νοεμβρίου"); add(12, "δεκ δεκέμβριος δεκεμβρίου")
        return t
    }()

    /// English abbreviations, also matched as the first three letters of a longer token
    /// ("Sept.", "Marzo"); other languages' short forms only match whole, so "general" is not "gen(naio)".
    private static let prefixKeys: Set<String> = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"]

    /// The month a token names, or nil.
    static func month(_ lower: String) -> Int? {
        if let m = table[lower] { return m }
        let key3 = String(lower.prefix(3))
        guard lower.count > 3, prefixKeys.contains(key3) else { return nil }
        return table[key3]
    }

    enum Meridiem { case am, pm }

    /// AM/PM words: English, Chinese (上午/下午) and Korean (오전/오후, as Korean blogs write them).
    static func meridiem(_ word: String) -> Meridiem? {
        switch word.lowercased() {
        case "am", "a.m.", "上午", "오전": return .am
        case "pm", "p.m.", "下午", "오후": return .pm
        default: return nil
        }
    }
}
