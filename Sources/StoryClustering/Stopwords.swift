/// Function words that say nothing about which event an item reports, per language. An item's own language
/// (`ItemLanguage`) decides which apply: in a store that is mostly English, German or French function words are
/// rare across all items, so IDF alone would weigh "und" or "pour" like a name, and two German items would match
/// on them. Languages are bits of a mask: a word can be a function word of several ("in", "de").
enum Stopwords {
    /// A set of languages, one bit each (32 bits: room for fifteen more lists).
    typealias LanguageMask = UInt32

    static let english: LanguageMask = 1 << 0
    static let german: LanguageMask = 1 << 1
    static let french: LanguageMask = 1 << 2
    static let spanish: LanguageMask = 1 << 3
    static let portuguese: LanguageMask = 1 << 4
    static let italian: LanguageMask = 1 << 5
    static let dutch: LanguageMask = 1 << 6
    static let russian: LanguageMask = 1 << 7
    static let danish: LanguageMask = 1 << 8
    static let norwegian: LanguageMask = 1 << 9
    static let swedish: LanguageMask = 1 << 10
    static let polish: LanguageMask = 1 << 11
    static let ukrainian: LanguageMask = 1 << 12
    static let turkish: LanguageMask = 1 << 13
    static let arabic: LanguageMask = 1 << 14
    static let urdu: LanguageMask = 1 << 15
    static let hebrew: LanguageMask = 1 << 16
    static let vietnamese: LanguageMask = 1 << 17
    static let greek: LanguageMask = 1 << 18
    static let persian: LanguageMask = 1 << 19
    static let hindi: LanguageMask = 1 << 20
    static let indonesian: LanguageMask = 1 << 21
    static let czech: LanguageMask = 1 << 22
    static let romanian: LanguageMask = 1 << 23
    static let hungarian: LanguageMask = 1 << 24
    static let finnish: LanguageMask = 1 << 25
    /// Bits in use: languages after English are 1 ..< `languageCount`.
    static let languageCount = 26

    /// English first (the default language); the others in the order a tie between them is broken.
    static let lists: [(mask: LanguageMask, words: String)] = [
        (english, """
        a about above after again against all almost also am among an and any are aren around as at be because been \
        before being below between both but by can cannot could couldn did didn do does doesn doing don down during \
        each either else ever every few for from further get gets got had hadn has hasn have haven having he her here \
        hers herself him himself his how however i if in into is isn it its itself just let ll me might more most much \
        must mustn my myself need no nor not now of off on once one only or other ought our ours ourselves out over own \
        per quite rather re really same say says said shall shan she should shouldn since so some still such than that \
        the their theirs them themselves then there these they this those though through thus to too under until up \
        upon us ve very via was wasn we were weren what when where whether which while who whom whose why will with \
        within without won would wouldn yet you your yours yourself yourselves s t d m o y new news
        """),
        (german, """
        ab aber alle allem allen aller alles als also am an andere anderem anderen anderer anderes auch auf aus bei \
        bereits bin bis bist da dabei damit dann das dass dazu dein deine dem den denn der derer des dessen dich die \
        diese diesem diesen dieser dieses dir doch dort du durch immer mehr schon sei seien sowie worden wurde wurden \
        ein eine einem einen einer eines einige einigem einigen einiger einiges einmal er es etwas euch euer eure für \
        gegen gewesen habe haben hat hatte hatten hier hin hinter ich ihm ihn ihnen ihr ihre ihrem ihren ihrer ihres \
        im in indem ins ist jede jedem jeden jeder jedes jene jenem jenen jener jenes jetzt kann kein keine keinem \
        keinen keiner keines können könnte man manche mein meine mich mir mit muss musste nach nicht nichts noch nun \
        nur ob oder ohne sehr sein seine seinem seinen seiner seines selbst sich sie sind so solche soll sollte \
        sondern sonst über um und uns unser unsere unter viel vom von vor während war waren was weil weiter welche \
        welchem welchen welcher welches wenn werde werden wie wieder will wir wird wo wollen wollte würde würden zu \
        zum zur zwar zwischen
        """),
        (french, """
        au aux avec ce ces dans de des du elle elles en et eux il ils je la le les leur leurs lui ma mais me même mes \
        moi mon ne nos notre nous on ou par pas pour qu que qui sa se ses son sur ta te tes toi ton tu un une vos \
        votre vous à été étant suis es est sommes êtes sont sera serons seront serait seraient était étaient fut ai \
        as avons avez ont aura auront aurait avait avaient eu cette cet ceux celle celles celui ça plus aussi comme \
        tout tous toute toutes bien très sans sous entre après avant depuis chez lors dont où si alors donc car ni
        """),
        (spanish, """
        de la que el en y a los del se las por un para con no una su al lo como más pero sus le ya o este sí porque \
        esta entre cuando muy sin sobre también me hasta hay donde quien desde todo nos durante todos uno les ni \
        contra otros ese eso ante ellos e esto mí antes algunos qué unos yo otro otras otra él tanto esa estos mucho \
        quienes nada muchos cual poco ella estar estas algunas algo nosotros mi mis tú te ti tu tus ellas es son fue \
        era han ha ser está están sido hace tiene tienen según
        """),
        (portuguese, """
        de a o que e do da em um para é com não uma os no se na por mais as dos como mas foi ao ele das tem à seu \
        sua ou ser quando muito há nos já está eu também só pelo pela até isso ela entre era depois sem mesmo aos \
        ter seus quem nas me esse eles estão você tinha foram essa num nem suas meu às minha têm numa pelos elas \
        havia seja qual será nós tenho lhe deles essas esses pelas este fosse dele tu te vocês vos lhes meus \
        minhas nosso nossa nossos nossas dela delas esta estes estas aquele aquela aqueles aquelas isto aquilo \
        estamos sou somos são
        """),
        (italian, """
        ad al allo ai agli all alla alle con col coi da dal dallo dai dagli dall dalla dalle di del dello dei degli \
        dell della delle in nel nello nei negli nell nella nelle su sul sullo sui sugli sull sulla sulle per tra \
        contro io tu lui lei noi voi loro mio mia miei mie tuo tua suo sua suoi sue nostro nostra nostri nostre mi \
        ti ci vi lo la li le gli ne il un uno una ma ed se perché anche come dove che chi cui non più quale quanto \
        quella quelle quello quelli cosa questo questi questa queste si tutto tutti ho hai ha abbiamo hanno è sono era \
        erano stato stata essere fa fatto
        """),
        (dutch, """
        de en van ik te dat die in een hij het niet zijn is was op aan met als voor had er maar om hem dan zou of \
        wat mijn men dit zo door over ze zich bij ook tot je mij uit der daar haar naar heb hoe heeft hebben deze \
        want nog zal me zij nu geen omdat iets worden toch al waren veel meer doen toen moet ben zonder kan hun dus \
        alles onder ja eens hier wie werd altijd wordt kunnen ons zelf tegen na reeds wil kon niets uw iemand \
        geweest andere
        """),
        // Single letters (в, и, с, к, о, у, а, я) are no tokens: the tokenizer drops one-letter words.
        (russian, """
        во не что он на со как то все всё она оно так его но да ты же вы за бы по только ее её мне было вот от меня \
        еще ещё нет из ему теперь когда даже ну ли если уже или ни быть был него до вас нибудь опять уж вам ведь там \
        потом себя ничего ей может они тут где есть надо ней для мы тебя их чем была сам чтоб без будто чего раз \
        тоже себе под будет тогда кто этот того потому этого какой совсем ним здесь этом один почти мой тем чтобы \
        нее неё сейчас были куда зачем всех никогда можно при наконец об другой хоть после над больше тот через эти \
        нас про всего них какая много разве эту моя впрочем свою свой своей своих этой перед иногда чуть том нельзя \
        такой такая такое такие им более всегда конечно всю между это также которые который которая которое которых \
        которой котором которым лишь около вместе против среди однако пока тех этих
        """),
        (danish, """
        og i at det er en et til på som de der med for ikke af har den vi jeg om var kan men så eller også fra efter \
        han hun sig skal vil have havde blev bliver blive være været ved over under mod man hvor hvad hvis hvordan \
        hvorfor hvem hvilken hvilket hvilke når nu da dog kun mere meget mange alle andre anden andet denne dette \
        disse deres hans hendes sin sit sine vores jeres min mit mine din dit dine os dem ham hende jer du mig dig \
        ind ud op ned her nogle noget nogen ingen intet selv samme hver hele sådan mellem gennem igennem uden mens \
        end både før siden inden blandt hos bare endnu altid aldrig
        """),
        (norwegian, """
        og i at det er en et ei til på som de der med for ikke av har den vi jeg om var kan men så eller også fra \
        etter han hun seg skal vil ha hadde ble blir bli være vært ved over under mot man hvor hva hvis hvordan \
        hvorfor hvem hvilken hvilket hvilke når nå da bare kun mer mye mange alle andre annen annet denne dette \
        disse deres hans hennes sin sitt sine vår vårt våre min mitt mine din ditt dine oss dem ham henne dere du \
        meg deg inn ut opp ned her noen noe ingen intet selv samme hver hele slik mellom gjennom uten mens enn både \
        før siden innen blant hos ennå alltid aldri
        """),
        (swedish, """
        och i att det är en ett till på som de där med för inte av har den vi jag om var kan men så eller också \
        från efter han hon sig ska skall vill ha hade blev blir bli vara varit vid över under mot man var vad hur \
        varför vem vilken vilket vilka när nu då bara endast mer mycket många alla andra annan annat denna detta \
        dessa deras hans hennes sin sitt sina vår vårt våra min mitt mina din ditt dina oss dem honom henne er du \
        mig dig in ut upp ned här några något någon ingen inget själv samma varje hela sådan mellan genom utan \
        medan än både före sedan inom bland hos ännu alltid aldrig
        """),
        // Single letters (i, w, z, o, a) are no tokens.
        (polish, """
        aby albo ale ani aż bardzo bez bo by był była było były będzie będą być ci co czy czyli dla do dlatego dziś \
        gdy gdyż gdzie go ich im innych jak jaki jakie jako je jego jej jest jeszcze jednak jeśli już każdy kiedy kto \
        która które którego której których który którym którzy lub ma mają może można mnie mu na nad nam nas nawet \
        nic nie niż od oraz po pod ponieważ przed przez przy się są sobie swoje swój swoich swojej także tak tam te \
        tego tej ten to tu tych tylko tym też wiele więc we wszystko wszystkie właśnie za ze zostać został została \
        zostało zostały że żeby
        """),
        // Single letters (і, в, у, з, й, я) are no tokens. Words Russian shares are in both lists; the ones only
        // Ukrainian writes (що, від, та, це, її, також) tell the two apart.
        (ukrainian, """
        або але би бо був була були було бути буде будуть вам вас вже ви від він вона вони воно все всі всього де для \
        до його її їй їм їх за знову зі із коли котрий лише між ми мені мене на над навіть нам нас не нею неї ним них \
        нього ні ніж ну під після по поки про проти саме свій своє свої свою свого своєї своїх себе собі та так також \
        там те тепер ти то тобі тому тут ту ті тієї тільки хоча це цей ці цих цієї цього цю ця чи що щоб щодо як який \
        яка яке які яких якому якої якщо ще є через при без зокрема наразі протягом близько внаслідок можна
        """),
        (turkish, """
        acaba ama ancak artık aslında az bana bazı belki ben beni benim bile bir biri birkaç birçok bize biz bizim bu \
        buna bunda bundan bunu bunun burada çok çünkü da daha de değil diye eğer gibi göre hem hep hepsi her hiç için \
        ile ise işte kadar ki kim mı mi mu mü nasıl ne neden nerede niye olan olarak oldu olduğu olduğunu olmak \
        olması olur ona ondan onlar onu onun orada sen siz şey şu şimdi tüm ve veya ya yani yine
        """),
        // Written with and without the hamza (أن, ان), as news sites write both; the conjunction و joined to the
        // next word is a word of its own only in its most common pairs (وفي, ومن).
        (arabic, """
        في من على إلى الى عن مع هذا هذه ذلك تلك التي الذي الذين هو هي هم هما نحن أنا انا أنت كان كانت كانوا يكون \
        تكون قد لقد لا لم لن ليس ليست ما ماذا متى أين كيف أن إن ان أو او ثم بعد قبل حتى بين عند عندما كل غير أي \
        أيضا ايضا حيث خلال ضد منذ لدى لكن وقد وفي ومن وعلى وهو وهي وكان وأن وان فيه فيها منه منها عليه عليها إليه \
        به بها له لها لهم هناك هنا حول نحو دون
        """),
        // Urdu writes ک, ی and ہ where Arabic writes ك, ي and ه: the two lists share few words.
        (urdu, """
        اور اس اسے ان انہوں انہیں اپنا اپنی اپنے ایک بھی بہت پر تک تو تھا تھی تھے جا جائے جاتا جاتی جاتے جب جو جس \
        جن جنہوں رہا رہی رہے سے سکتا سکتی سکتے کا کر کرتے کرنے کو کہ کہا کہنا کی کیا کیے کے گا گی گے گئی گئے گیا \
        لیے لئے میں نے نہیں وہ ہو ہوا ہوئی ہوئے ہونے ہی ہیں ہے یہ کوئی کچھ ساتھ بعد پہلے کیلئے والے
        """),
        (hebrew, """
        של את על עם זה זו זאת הוא היא הם הן אני אנחנו אתה לא כי גם או אם כל יש אין רק עוד כמו אבל אחרי לפני בין עד \
        מה מי כך כבר היה הייתה היו יהיה אשר שלא לו לה להם לנו לי בו בה בהם אל מן כדי אך אלא איך למה מתי איפה אותו \
        אותה אותם הזה הזאת האלה אלה בכל וגם ולא יותר שלי אז אחד תחת באמצעות שאני שהוא שהיא
        """),
        // Vietnamese writes a space between syllables: these are its commonest function syllables (ông and bà,
        // "Mr" and "Mrs", stand before every name in the news).
        (vietnamese, """
        và của là có được cho với các những này trong không một đã để từ khi đến về theo như cũng sẽ tại ra đó \
        thì nhưng hơn bị vào lại còn rằng đang nhiều mà nên sau trên dưới giữa ở vì nếu hay hoặc rất chỉ đều \
        cùng qua bởi cả ai gì nào đây ấy họ chúng tôi ông bà việc vẫn làm
        """),
        // Accents are dropped as the tokenizer reads Greek (`CaseFolding`); single letters (ο, η, ή) are no tokens.
        (greek, """
        και το να της του τα σε με την για από που οι των στο στην τον στη ως στα ένα μια μία θα δεν είναι ότι \
        αλλά όπως στις στους τις τους κατά μετά πριν όταν μέχρι χωρίς αυτό αυτή αυτά αυτός αυτές αυτούς ήταν \
        έχει έχουν είχε ενώ όμως πως πώς αν εάν μην μη ούτε δε στον προς έναν ενός μιας πιο πολύ ακόμη ακόμα \
        επίσης όλα όλοι όλες κάθε οποίο οποία οποίος οποίοι οποίες οποίων εκεί εδώ τώρα μόνο λόγω σύμφωνα
        """),
        // Persian, in the letter forms Arabic script folds to (ی, ک); the prefix می and the plural ها, joined to
        // their word by a zero-width non-joiner, are words of their own as the tokenizer reads them.
        (persian, """
        در به از که این را با است برای آن یک خود تا کرد شد می هم نیز بر یا اما اگر پس هر شده شود کند کرده بود \
        باید دارد داشت های ها ای بین پیش روی زیر همه چه چون وی او ما شما آنها ایشان دیگر
        """),
        (hindi, """
        के का की है में और को से पर यह भी कि एक हैं था थी थे नहीं लिए ने तो ही या हो कर गया गई गए इस किया जो कहा \
        इसके उनके उन्होंने अपने वह वे साथ बाद तक रहा रही रहे होने करने जा सकता सकते अब कोई कुछ जब तरह द्वारा
        """),
        // Indonesian and Malay.
        (indonesian, """
        yang dan di ke dari ini itu untuk dengan pada adalah dalam tidak akan juga oleh sebagai atau karena \
        telah bisa ada mereka kami kita saya ia dia tersebut saat lebih sudah hanya setelah bagi hingga antara \
        namun tetapi jika para secara sejak masih harus agar serta belum pun bahwa yaitu
        """),
        // Single letters (a, v, s, z, o, k, i) are no tokens.
        (czech, """
        se na je že to do jako ale za pro jsem by po jsou jak tak které který která kterou kteří při od jen už \
        jeho její jejich byl byla bylo byly bude budou být nebo ani když také tento tato toto této tím mezi \
        podle před pod nad než však již až aby co kde ten ta tu ty si mu jim jej ve ze ke bez proti během kvůli
        """),
        (romanian, """
        și în de la cu pe din care al ai ale un unei unui este sunt fost fi va vor nu mai se că ca pentru sau \
        dar iar după prin până între despre acest această aceste acești lui ei lor său sale cel cea cele cei \
        fiind are au avea doar foarte
        """),
        (hungarian, """
        az és hogy nem is egy van volt de meg már csak még mint ki be el fel le ha azt ez ezt amely amelyek aki \
        akik vagy pedig között után szerint miatt mert majd sem lesz lett kell nagyon most ami amit ahol így úgy \
        őket neki nekik alatt előtt
        """),
        (finnish, """
        ja on ei että se oli ovat olla mutta kuin myös joka jotka tai kun niin jo vain sekä hän he me te ne tämä \
        nämä tuo siitä sen sitä hänen heidän jossa jonka mukaan kanssa vuoksi jälkeen ennen aikana yli alle noin \
        nyt sitten vielä kaikki mitä mikä
        """),
    ]

    /// Function words of other languages that are also common English words or names: they do not count as
    /// evidence of those languages (an English headline on a war, a con or Dan Brown stays English). Words of the
    /// English list count for none anyway.
    static let englishHomographs: Set<String> = """
        ad ada agar ai al ale ama andre az bare ben bile bin biz bland bo ca car care co come con dan deg dia \
        die dig din dina dine dog door dove end era fi fine go ha ham hans hat hem hier hon hun ind inn jo kan \
        ki kim la lo ma man mange med meg men mens mere mi mig min mina mine mit mod mon mot mu na ned par plus \
        po pod pun sa seg siden sig sin sine sit ska son te ten theo tu ut var vid want war
        """.split(whereSeparator: \.isWhitespace).map(String.init).reduce(into: []) { $0.insert($1) }

    /// Per word: the languages it is a function word of, and those it is evidence of (not an English word).
    struct Entry {
        var hash: UInt64
        var languages: LanguageMask
        var evidence: LanguageMask
    }

    static let entries: [Entry] = {
        var byHash: [UInt64: Entry] = [:]
        for (mask, words) in lists {
            for word in words.split(whereSeparator: \.isWhitespace) {
                let hash = EventTokenizer.termHash(of: String(word))
                var entry = byHash[hash] ?? Entry(hash: hash, languages: 0, evidence: 0)
                entry.languages |= mask
                if mask != english && !englishHomographs.contains(String(word)) { entry.evidence |= mask }
                byHash[hash] = entry
            }
        }
        // English function words are no evidence of another language. Sorted: the table's layout is the same in
        // every process.
        return byHash.values.sorted { $0.hash < $1.hash }.map { entry in
            var entry = entry
            if entry.languages & english != 0 { entry.evidence = 0 }
            return entry
        }
    }()

    /// The same as an open-addressing table probed with the hash's low bits (term hashes are mixed): the
    /// tokenizer asks about every word, and a `Dictionary` would run SipHash each time. At most a quarter full,
    /// so most misses (most words are no function word) end at the first empty slot.
    private static let table: [Entry] = {
        var size = 1024
        while size < entries.count * 4 { size <<= 1 }
        var table = [Entry](repeating: Entry(hash: 0, languages: 0, evidence: 0), count: size)
        for entry in entries {
            var i = Int(truncatingIfNeeded: entry.hash) & (table.count - 1)
            while table[i].hash != 0 { i = (i + 1) & (table.count - 1) }
            table[i] = entry
        }
        return table
    }()

    /// The languages `hash` is a function word of and evidence of (none for a term hash of 0, never a word's).
    @inline(__always)
    static func lookup(_ hash: UInt64) -> (languages: LanguageMask, evidence: LanguageMask) {
        table.withUnsafeBufferPointer { table in
            var i = Int(truncatingIfNeeded: hash) & (table.count - 1)
            while true {
                let entry = table[i]
                if entry.hash == hash { return hash == 0 ? (0, 0) : (entry.languages, entry.evidence) }
                if entry.hash == 0 { return (0, 0) }
                i = (i + 1) & (table.count - 1)
            }
        }
    }
}
