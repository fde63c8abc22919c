#include <Stratus/pluralize.h>

#include <QtCore/qhash.h>
#include <QtCore/qlist.h>
#include <QtCore/qregularexpression.h>
#include <QtCore/qset.h>

using namespace Qt::StringLiterals;

// A port of the `pluralize` npm package 8.0.0 (MIT, Blake Embrey), which Amplify codegen and the
// AppSync transformer use for plural names: its rule tables and algorithm, unchanged, so that
// `syncCategories` and friends are spelled exactly as the official tools spell them.

namespace Stratus {

namespace {

struct Rule
{
    QRegularExpression pattern;
    QString replacement;
};

struct Rules
{
    QList<Rule> plural;
    QSet<QString> uncountables;
    QHash<QString, QString> irregularSingles; // single → plural
    QSet<QString> irregularPlurals;

    Rules();
    void addPlural(const QString &pattern, const QString &replacement)
    {
        plural.append(Rule{QRegularExpression(pattern, QRegularExpression::CaseInsensitiveOption),
                           replacement});
    }
};

Rules::Rules()
{
    const std::pair<QStringView, QStringView> irregulars[] = {
            {u"I", u"we"},           {u"me", u"us"},
            {u"he", u"they"},        {u"she", u"they"},
            {u"them", u"them"},      {u"myself", u"ourselves"},
            {u"yourself", u"yourselves"}, {u"itself", u"themselves"},
            {u"herself", u"themselves"}, {u"himself", u"themselves"},
            {u"themself", u"themselves"}, {u"is", u"are"},
            {u"was", u"were"},       {u"has", u"have"},
            {u"this", u"these"},     {u"that", u"those"},
            {u"echo", u"echoes"},    {u"dingo", u"dingoes"},
            {u"volcano", u"volcanoes"}, {u"tornado", u"tornadoes"},
            {u"torpedo", u"torpedoes"}, {u"genus", u"genera"},
            {u"viscus", u"viscera"}, {u"stigma", u"stigmata"},
            {u"stoma", u"stomata"},  {u"dogma", u"dogmata"},
            {u"lemma", u"lemmata"},  {u"schema", u"schemata"},
            {u"anathema", u"anathemata"}, {u"ox", u"oxen"},
            {u"axe", u"axes"},       {u"die", u"dice"},
            {u"yes", u"yeses"},      {u"foot", u"feet"},
            {u"eave", u"eaves"},     {u"goose", u"geese"},
            {u"tooth", u"teeth"},    {u"quiz", u"quizzes"},
            {u"human", u"humans"},   {u"proof", u"proofs"},
            {u"carve", u"carves"},   {u"valve", u"valves"},
            {u"looey", u"looies"},   {u"thief", u"thieves"},
            {u"groove", u"grooves"}, {u"pickaxe", u"pickaxes"},
            {u"passerby", u"passersby"},
    };
    for (const auto &[single, pluralForm] : irregulars) {
        irregularSingles.insert(single.toString().toLower(), pluralForm.toString().toLower());
        irregularPlurals.insert(pluralForm.toString().toLower());
    }

    const std::pair<QStringView, QStringView> pluralRules[] = {
            {u"s?$", u"s"},
            {u"[^\\x{0000}-\\x{007F}]$", u"$0"},
            {u"([^aeiou]ese)$", u"$1"},
            {u"(ax|test)is$", u"$1es"},
            {u"(alias|[^aou]us|t[lm]as|gas|ris)$", u"$1es"},
            {u"(e[mn]u)s?$", u"$1s"},
            {u"([^l]ias|[aeiou]las|[ejzr]as|[iu]am)$", u"$1"},
            {u"(alumn|syllab|vir|radi|nucle|fung|cact|stimul|termin|bacill|foc|uter|loc|strat)(?:us|i)$",
             u"$1i"},
            {u"(alumn|alg|vertebr)(?:a|ae)$", u"$1ae"},
            {u"(seraph|cherub)(?:im)?$", u"$1im"},
            {u"(her|at|gr)o$", u"$1oes"},
            {u"(agend|addend|millenni|dat|extrem|bacteri|desiderat|strat|candelabr|errat|ov|symposi|"
             u"curricul|automat|quor)(?:a|um)$",
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
        addPlural(pattern.toString(), replacement.toString());

    const QStringView words[] = {
            u"adulthood", u"advice",     u"agenda",      u"aid",         u"aircraft",
            u"alcohol",   u"ammo",       u"analytics",   u"anime",       u"athletics",
            u"audio",     u"bison",      u"blood",       u"bream",       u"buffalo",
            u"butter",    u"carp",       u"cash",        u"chassis",     u"chess",
            u"clothing",  u"cod",        u"commerce",    u"cooperation", u"corps",
            u"debris",    u"diabetes",   u"digestion",   u"elk",         u"energy",
            u"equipment", u"excretion",  u"expertise",   u"firmware",    u"flounder",
            u"fun",       u"gallows",    u"garbage",     u"graffiti",    u"hardware",
            u"headquarters", u"health",  u"herpes",      u"highjinks",   u"homework",
            u"housework", u"information", u"jeans",      u"justice",     u"kudos",
            u"labour",    u"literature", u"machinery",   u"mackerel",    u"mail",
            u"media",     u"mews",       u"moose",       u"music",       u"mud",
            u"manga",     u"news",       u"only",        u"personnel",   u"pike",
            u"plankton",  u"pliers",     u"police",      u"pollution",   u"premises",
            u"rain",      u"research",   u"rice",        u"salmon",      u"scissors",
            u"series",    u"sewage",     u"shambles",    u"shrimp",      u"software",
            u"species",   u"staff",      u"swine",       u"tennis",      u"traffic",
            u"transportation", u"trout", u"tuna",        u"wealth",      u"welfare",
            u"whiting",   u"wildebeest", u"wildlife",    u"you",
    };
    for (QStringView word : words)
        uncountables.insert(word.toString());
    // Uncountable patterns become rules that keep the word; added last, they win.
    const QStringView patterns[] = {u"pok[eé]mon$", u"[^aeiou]ese$", u"deer$", u"fish$",
                                    u"measles$",    u"o[iu]s$",      u"pox$",  u"sheep$"};
    for (QStringView pattern : patterns)
        addPlural(pattern.toString(), u"$0"_s);
}

const Rules &rules()
{
    static const Rules instance;
    return instance;
}

// pluralize's restoreCase: give \a token the case pattern of \a word.
QString restoreCase(const QString &word, const QString &token)
{
    if (word == token)
        return token;
    if (word == word.toLower())
        return token.toLower();
    if (word == word.toUpper())
        return token.toUpper();
    if (!word.isEmpty() && word.at(0) == word.at(0).toUpper())
        return token.left(1).toUpper() + token.mid(1).toLower();
    return token.toLower();
}

QString interpolate(const QString &replacement, const QRegularExpressionMatch &match)
{
    QString result;
    for (qsizetype i = 0; i < replacement.size(); ++i) {
        if (replacement.at(i) == u'$' && i + 1 < replacement.size() && replacement.at(i + 1).isDigit()) {
            qsizetype end = i + 1;
            while (end < replacement.size() && end < i + 3 && replacement.at(end).isDigit())
                ++end;
            const int index = replacement.mid(i + 1, end - i - 1).toInt();
            if (index <= match.lastCapturedIndex())
                result += match.captured(index);
            i = end - 1;
        } else {
            result += replacement.at(i);
        }
    }
    return result;
}

QString applyRule(const QString &word, const Rule &rule, const QRegularExpressionMatch &match)
{
    const QString result = interpolate(rule.replacement, match);
    const QString matched = match.captured(0);
    const QString cased = matched.isEmpty()
            ? restoreCase(match.capturedStart(0) > 0 ? word.mid(match.capturedStart(0) - 1, 1)
                                                     : QString(),
                          result)
            : restoreCase(matched, result);
    return word.left(match.capturedStart(0)) + cased + word.mid(match.capturedEnd(0));
}

} // namespace

QString pluralize(const QString &word)
{
    const Rules &table = rules();
    const QString token = word.toLower();
    if (table.irregularPlurals.contains(token))
        return restoreCase(word, token);
    if (const auto it = table.irregularSingles.constFind(token); it != table.irregularSingles.cend())
        return restoreCase(word, *it);
    if (token.isEmpty() || table.uncountables.contains(token))
        return word;
    for (qsizetype i = table.plural.size() - 1; i >= 0; --i) {
        const Rule &rule = table.plural.at(i);
        const QRegularExpressionMatch match = rule.pattern.match(word);
        if (match.hasMatch())
            return applyRule(word, rule, match);
    }
    return word;
}

} // namespace Stratus
