#include <Stratus/pluralize.h>

#include <QtCore/qhash.h>
#include <QtCore/qlist.h>
#include <QtCore/qregularexpression.h>
#include <QtCore/qset.h>

#include <utility>

using namespace Qt::StringLiterals;

// A port of pluralize.plural() from the `pluralize` npm package 8.0.0 (MIT License, Copyright (c)
// Blake Embrey), which Amplify codegen and the AppSync transformer use for plural names. The rule
// tables below are that package's, in its order, so that `syncCategories` and friends are spelled
// exactly as the official tools spell them. tests/auto/schema/data/make-pluralize-tsv.js checks
// this port against the package itself.
//
// Where JavaScript and PCRE2 regexes differ, the port follows JavaScript:
// - `$` in a JS regex without the m flag matches only at the very end, so it becomes `\z`.
// - The JS regexes have no u flag: they see UTF-16 code units, and with the i flag a non-ASCII
//   character never matches an ASCII letter (PCRE2 would match U+017F ſ to s, U+212A to k). The
//   patterns mention no non-ASCII character but é, so they are matched against a copy of the
//   word in which every other non-ASCII code unit is one neutral character (see matchSubject()).
// - JS `\b` knows ASCII word characters only, as does PCRE2 without PCRE2_UCP (Qt's default).

namespace Stratus {

namespace {

struct Rule
{
    QRegularExpression pattern;
    QString replacement;
};

struct Rules
{
    QList<Rule> plural; // applied last to first
    QSet<QString> uncountables;
    QHash<QString, QString> irregularSingles; // single → plural, both lowercase
    QSet<QString> irregularPlurals;

    Rules();
    void addPluralRule(QStringView jsPattern, QStringView replacement);
};

void Rules::addPluralRule(QStringView jsPattern, QStringView replacement)
{
    QString pattern = jsPattern.toString();
    Q_ASSERT(pattern.endsWith(u'$') && pattern.count(u'$') == 1);
    pattern.replace(u'$', u"\\z"_s);
    QRegularExpression regex(pattern, QRegularExpression::CaseInsensitiveOption);
    Q_ASSERT_X(regex.isValid(), "Stratus::pluralize", qPrintable(regex.errorString()));
    regex.optimize(); // compile now, under the static's initialization guard
    plural.append(Rule{std::move(regex), replacement.toString()});
}

Rules::Rules()
{
    // pluralize.addIrregularRule(single, plural)
    static constexpr std::pair<const char16_t *, const char16_t *> irregulars[] = {
        // Pronouns.
        {u"I", u"we"},
        {u"me", u"us"},
        {u"he", u"they"},
        {u"she", u"they"},
        {u"them", u"them"},
        {u"myself", u"ourselves"},
        {u"yourself", u"yourselves"},
        {u"itself", u"themselves"},
        {u"herself", u"themselves"},
        {u"himself", u"themselves"},
        {u"themself", u"themselves"},
        {u"is", u"are"},
        {u"was", u"were"},
        {u"has", u"have"},
        {u"this", u"these"},
        {u"that", u"those"},
        // Words ending in with a consonant and `o`.
        {u"echo", u"echoes"},
        {u"dingo", u"dingoes"},
        {u"volcano", u"volcanoes"},
        {u"tornado", u"tornadoes"},
        {u"torpedo", u"torpedoes"},
        // Ends with `us`.
        {u"genus", u"genera"},
        {u"viscus", u"viscera"},
        // Ends with `ma`.
        {u"stigma", u"stigmata"},
        {u"stoma", u"stomata"},
        {u"dogma", u"dogmata"},
        {u"lemma", u"lemmata"},
        {u"schema", u"schemata"},
        {u"anathema", u"anathemata"},
        // Other irregular rules.
        {u"ox", u"oxen"},
        {u"axe", u"axes"},
        {u"die", u"dice"},
        {u"yes", u"yeses"},
        {u"foot", u"feet"},
        {u"eave", u"eaves"},
        {u"goose", u"geese"},
        {u"tooth", u"teeth"},
        {u"quiz", u"quizzes"},
        {u"human", u"humans"},
        {u"proof", u"proofs"},
        {u"carve", u"carves"},
        {u"valve", u"valves"},
        {u"looey", u"looies"},
        {u"thief", u"thieves"},
        {u"groove", u"grooves"},
        {u"pickaxe", u"pickaxes"},
        {u"passerby", u"passersby"},
    };
    for (const auto &[single, pluralForm] : irregulars) {
        const QString lowerSingle = QStringView(single).toString().toLower();
        const QString lowerPlural = QStringView(pluralForm).toString().toLower();
        irregularSingles.insert(lowerSingle, lowerPlural);
        irregularPlurals.insert(lowerPlural);
    }

    // pluralize.addPluralRule(regex, replacement); the one string rule, 'thou', is sanitized
    // by pluralize to /^thou$/i.
    static constexpr std::pair<const char16_t *, const char16_t *> pluralRules[] = {
        {u"s?$", u"s"},
        {u"[^\\x{0000}-\\x{007F}]$", u"$0"},
        {u"([^aeiou]ese)$", u"$1"},
        {u"(ax|test)is$", u"$1es"},
        {u"(alias|[^aou]us|t[lm]as|gas|ris)$", u"$1es"},
        {u"(e[mn]u)s?$", u"$1s"},
        {u"([^l]ias|[aeiou]las|[ejzr]as|[iu]am)$", u"$1"},
        {u"(alumn|syllab|vir|radi|nucle|fung|cact|stimul|termin|bacill|foc|uter|loc|strat)"
         u"(?:us|i)$",
         u"$1i"},
        {u"(alumn|alg|vertebr)(?:a|ae)$", u"$1ae"},
        {u"(seraph|cherub)(?:im)?$", u"$1im"},
        {u"(her|at|gr)o$", u"$1oes"},
        {u"(agend|addend|millenni|dat|extrem|bacteri|desiderat|strat|candelabr|errat|ov|"
         u"symposi|curricul|automat|quor)(?:a|um)$",
         u"$1a"},
        {u"(apheli|hyperbat|periheli|asyndet|noumen|phenomen|criteri|organ|prolegomen|hedr|"
         u"automat)(?:a|on)$",
         u"$1a"},
        {u"sis$", u"ses"},
        {u"(?:(kni|wi|li)fe|(ar|l|ea|eo|oa|hoo)f)$", u"$1$2ves"},
        {u"([^aeiouy]|qu)y$", u"$1ies"},
        {u"([^ch][ieo][ln])ey$", u"$1ies"},
        {u"(x|ch|ss|sh|zz)$", u"$1es"},
        {u"(matr|cod|mur|sil|vert|ind|append)(?:ix|ex)$", u"$1ices"},
        {u"\\b((?:tit)?m|l)(?:ice|ouse)$", u"$1ice"},
        {u"(pe)(?:rson|ople)$", u"$1ople"},
        {u"(child)(?:ren)?$", u"$1ren"},
        {u"eaux$", u"$0"},
        {u"m[ae]n$", u"men"},
        {u"^thou$", u"you"},
    };
    for (const auto &[pattern, replacement] : pluralRules)
        addPluralRule(pattern, replacement);

    // pluralize.addUncountableRule(word): plain words go to a set ...
    static constexpr const char16_t *uncountableWords[] = {
        u"adulthood",    u"advice",
        u"agenda",       u"aid",
        u"aircraft",     u"alcohol",
        u"ammo",         u"analytics",
        u"anime",        u"athletics",
        u"audio",        u"bison",
        u"blood",        u"bream",
        u"buffalo",      u"butter",
        u"carp",         u"cash",
        u"chassis",      u"chess",
        u"clothing",     u"cod",
        u"commerce",     u"cooperation",
        u"corps",        u"debris",
        u"diabetes",     u"digestion",
        u"elk",          u"energy",
        u"equipment",    u"excretion",
        u"expertise",    u"firmware",
        u"flounder",     u"fun",
        u"gallows",      u"garbage",
        u"graffiti",     u"hardware",
        u"headquarters", u"health",
        u"herpes",       u"highjinks",
        u"homework",     u"housework",
        u"information",  u"jeans",
        u"justice",      u"kudos",
        u"labour",       u"literature",
        u"machinery",    u"mackerel",
        u"mail",         u"media",
        u"mews",         u"moose",
        u"music",        u"mud",
        u"manga",        u"news",
        u"only",         u"personnel",
        u"pike",         u"plankton",
        u"pliers",       u"police",
        u"pollution",    u"premises",
        u"rain",         u"research",
        u"rice",         u"salmon",
        u"scissors",     u"series",
        u"sewage",       u"shambles",
        u"shrimp",       u"software",
        u"species",      u"staff",
        u"swine",        u"tennis",
        u"traffic",      u"transportation",
        u"trout",        u"tuna",
        u"wealth",       u"welfare",
        u"whiting",      u"wildebeest",
        u"wildlife",     u"you",
    };
    for (const char16_t *word : uncountableWords)
        uncountables.insert(QStringView(word).toString());
    // ... and regexes become rules that keep the word ($0); added last, they are tried first.
    static constexpr const char16_t *uncountablePatterns[] = {
        u"pok[eé]mon$", u"[^aeiou]ese$", u"deer$", u"fish$",
        u"measles$",    u"o[iu]s$",      u"pox$",  u"sheep$",
    };
    for (const char16_t *pattern : uncountablePatterns)
        addPluralRule(pattern, u"$0");
}

const Rules &rules()
{
    static const Rules instance; // thread-safe initialization
    return instance;
}

// The string the rules are matched against: \a word with every non-ASCII UTF-16 code unit but é
// and É (the only ones a pattern names) replaced by ×, which has no case partner and is no word
// character, so that PCRE2 matches as the JS regexes do. It has the length of \a word, so match
// offsets apply to \a word.
QString matchSubject(const QString &word)
{
    QString subject = word;
    for (QChar &c : subject) {
        if (c.unicode() > 0x7f && c != u'é' && c != u'É')
            c = u'×';
    }
    return subject;
}

QString firstUnit(QStringView s)
{
    return s.left(1).toString();
}

// pluralize's restoreCase(word, token): give \a token the case pattern of \a word.
QString restoreCase(const QString &word, const QString &token)
{
    // Tokens are an exact match.
    if (word == token)
        return token;
    // Lower cased words, e.g. "hello".
    if (word == word.toLower())
        return token.toLower();
    // Upper cased words, e.g. "WHISKY".
    if (word == word.toUpper())
        return token.toUpper();
    // Title cased words, e.g. "Title". (JS compares word[0] with word[0].toUpperCase(), a
    // string that may be longer: "ß" → "SS".)
    if (const QString first = firstUnit(word); first == first.toUpper())
        return firstUnit(token).toUpper() + QStringView(token).mid(1).toString().toLower();
    // Lower cased words, e.g. "test".
    return token.toLower();
}

// pluralize's interpolate(): $0 … $99 in \a replacement become the match's groups; a group that
// did not take part, or does not exist, becomes "" (the rules name no missing group).
QString interpolate(QStringView replacement, const QString &word,
                    const QRegularExpressionMatch &match)
{
    QString result;
    for (qsizetype i = 0; i < replacement.size(); ++i) {
        const auto isDigit = [&](qsizetype at) {
            return at < replacement.size() && replacement[at] >= u'0' && replacement[at] <= u'9';
        };
        if (replacement[i] == u'$' && isDigit(i + 1)) {
            const qsizetype digits = isDigit(i + 2) ? 2 : 1;
            const int group = replacement.mid(i + 1, digits).toInt();
            if (group <= match.lastCapturedIndex() && match.capturedStart(group) >= 0) {
                result +=
                    QStringView(word).mid(match.capturedStart(group), match.capturedLength(group));
            }
            i += digits;
        } else {
            result += replacement[i];
        }
    }
    return result;
}

// pluralize's replace(word, rule): replace the (first) match of the rule in \a word.
QString replace(const QString &word, const Rule &rule, const QRegularExpressionMatch &match)
{
    const QString result = interpolate(rule.replacement, word, match);
    const qsizetype start = match.capturedStart(0);
    const qsizetype length = match.capturedLength(0);
    // An empty match takes the case of the character before it. (Only `s?$` matches empty, and
    // only at the end of a non-empty word, so start > 0.)
    const QString caseModel = length == 0 ? word.mid(start - 1, 1) : word.mid(start, length);
    return word.left(start) + restoreCase(caseModel, result)
        + QStringView(word).mid(start + length);
}

} // namespace

QString pluralize(const QString &word)
{
    const Rules &table = rules();
    const QString token = word.toLower();

    // Irregular plurals stay, irregular singles are replaced.
    if (table.irregularPlurals.contains(token))
        return restoreCase(word, token);
    if (const auto it = table.irregularSingles.constFind(token);
        it != table.irregularSingles.cend())
        return restoreCase(word, *it);

    // Empty string or doesn't need fixing.
    if (token.isEmpty() || table.uncountables.contains(token))
        return word;

    // The last rule added that matches wins.
    const QString subject = matchSubject(word);
    for (qsizetype i = table.plural.size() - 1; i >= 0; --i) {
        const Rule &rule = table.plural.at(i);
        const QRegularExpressionMatch match = rule.pattern.match(subject);
        if (match.hasMatch())
            return replace(word, rule, match);
    }
    return word;
}

} // namespace Stratus
