import Foundation

/// Last resort when a body declares nothing and is not UTF-8: decode it with each likely legacy
/// charset and keep the one whose text looks most like real writing. Each reading scores points
/// per non-ASCII character by what that character is in the reading's script: frequent CJK
/// characters, Cyrillic words in lower case, Hebrew letters, Thai letters in a valid order, Latin
/// accents inside ASCII words; invalid sequences and control characters cost heavily. Small and
/// crude on purpose; the sources that need it are few.
enum CharsetGuesser {
    private enum Script { case cjk, latin, cyrillic, hebrew, thai }

    private static let candidates: [(Charset, Script)] = [
        (.gb18030, .cjk), (.big5, .cjk), (.shiftJIS, .cjk), (.eucJP, .cjk), (.eucKR, .cjk),
        (.windows1252, .latin),
        (Charset(iconvName: "KOI8-R", name: "koi8-r"), .cyrillic),
        (Charset(iconvName: "WINDOWS-1251", name: "windows-1251"), .cyrillic),
        (Charset(iconvName: "WINDOWS-1255", name: "windows-1255"), .hebrew),
        (Charset(iconvName: "TIS-620", name: "tis-620"), .thai),
    ]

    // Frequent characters of each script; text decoded with the wrong table is made of rare ones.
    private static let commonHan = Set("的一是不了人我在有他这中大来上国个到说们为子和你地出道也时年得就那要下以生会自着去之过家学对可她里后小么心多天而能好都然没日于起还发成事只作当想看文无开手十用主行方又如前所本见经头面公同三已老从动两长知民样现分将外但身些与高意进把法此实回二理美点月明其种声全工己话儿者向情部正名定女问力机给等几很业最间新什打便位因重被走电四第门相次东政海口使教西再平真听世气信北少关并内加化由却代军产入先山五太水万市眼体别处总才场师书比住员九笑性通目华报立马命张活难神数件安表原车白应路期叫死常提感金何更反合放做系计或司利受光王果亲界及今京务制解各任至清物台象记边共风战干接它许八特觉望直服毛林题建南度统色字请交爱让认算论百吃义科怎元社术结六功指思非流每青管夫连远资队跟带花快条院变联言权往展该领传近留红治决周保达办运武半候七必城父强步完革深区即求品士转量空甚众技轻程告江语英基派满式李息写呢识极令黄德收脸钱党倒未持取设始版双历越史商千片容研像找友孩站广改议形委早房音火际则首单据导影失拿网香似斯专石若兵弟谁校读志飞观争究包组造落视济喜离虽坏兴切布随注們個來說這為國會時對發經過動學開問當無還樣現與體關點長從進麼實後裡頭面見間種電話讓麼應該覺醒聽親愛東樂業團員頁網站資訊標題內容連結檔案論壇討論區")
    private static let commonKana = Set("のにはをたがでてとしれさいるかなあもうすこまっりくおよやんらきけどろ")
    private static let commonHangul = Set("이의는에가을를하고다한로서지기도사리자인대시나어니수그들습")
    /// The most frequent Russian/Bulgarian letters, about four fifths of running text.
    private static let commonCyrillic = Set("оеаинтсрвлкмдпуяызбгч".unicodeScalars.map(\.value))

    static func guess(_ bytes: [UInt8]) -> Charset {
        var best = Charset.windows1252
        var bestScore = Int.min
        for (cs, script) in candidates {
            let (utf8, errors) = Transcoder.toUTF8(bytes, from: cs)
            let text = Array(String(decoding: utf8, as: UTF8.self).unicodeScalars)
            let score = -errors * 50 + points(text, script)
            if score > bestScore { best = cs; bestScore = score }
        }
        return best
    }

    private static func points(_ s: [Unicode.Scalar], _ script: Script) -> Int {
        var score = 0
        for (i, ch) in s.enumerated() where ch.value >= 0x80 {
            let v = ch.value
            if (0xE000...0xF8FF).contains(v) || (0x80...0x9F).contains(v) || v == 0xFFFD { score -= 20; continue }
            let prev = i > 0 ? s[i - 1] : " ", next = i + 1 < s.count ? s[i + 1] : " "
            switch script {
            case .cjk:
                let c = Character(ch)
                if commonHan.contains(c) || commonKana.contains(c) || commonHangul.contains(c) { score += 10 }
                else if ch.properties.isIdeographic || (0x3040...0x30FF).contains(v) || (0xAC00...0xD7A3).contains(v) { score += 2 }
            case .latin:
                // Accents live inside words of ASCII letters ("café"); a word made only of
                // accented letters is another script read with the wrong table.
                if ch.properties.isAlphabetic {
                    score += isASCIILetter(prev) || isASCIILetter(next) ? 3 : -1
                } else if (0x2000...0x206F).contains(v) || (0xA0...0xBF).contains(v) {
                    score += 1
                }
            case .cyrillic:
                guard (0x400...0x4FF).contains(v) else { continue }
                // Cyrillic, Hebrew and Thai words do not mix with Latin letters ("Jürgen" read
                // as KOI8-R or Windows-1251 would).
                if isASCIILetter(prev) || isASCIILetter(next) { score -= 2 }
                else if ch.properties.isLowercase { score += commonCyrillic.contains(v) ? 3 : 0 }
                // A capital after a lower-case letter in the same word: the case bits are swapped.
                else if prev.properties.isLowercase { score -= 3 }
                else { score += 1 }
            case .hebrew:
                if isASCIILetter(prev) || isASCIILetter(next) { score -= 2 }
                else if (0x5D0...0x5EA).contains(v) { score += 3 }
            case .thai:
                if isASCIILetter(prev) || isASCIILetter(next) { score -= 2; continue }
                // Consonants (ก–ฮ) carry the vowel and tone marks that follow them.
                if (0xE01...0xE2E).contains(v) || (0xE30...0xE30).contains(v) || (0xE32...0xE33).contains(v)
                    || (0xE40...0xE46).contains(v) || (0xE50...0xE59).contains(v) {
                    score += 2
                } else if (0xE31...0xE31).contains(v) || (0xE34...0xE3A).contains(v) || (0xE47...0xE4E).contains(v) {
                    score += (0xE01...0xE2E).contains(prev.value) || (0xE31...0xE3A).contains(prev.value) ? 2 : -5
                }
            }
        }
        return score
    }

    private static func isASCIILetter(_ u: Unicode.Scalar) -> Bool {
        (u.value >= 0x41 && u.value <= 0x5A) || (u.value >= 0x61 && u.value <= 0x7A)
    }
}
