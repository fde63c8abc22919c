#include "lexer_p.h"

#include <algorithm>

using namespace Qt::StringLiterals;

namespace Stratus::GraphQL {

namespace {

bool isNameStart(QChar c)
{
    const char16_t u = c.unicode();
    return (u >= u'a' && u <= u'z') || (u >= u'A' && u <= u'Z') || u == u'_';
}

bool isDigit(QChar c)
{
    return c.unicode() >= u'0' && c.unicode() <= u'9';
}

bool isNameContinue(QChar c)
{
    return isNameStart(c) || isDigit(c);
}

bool isWhiteSpace(QChar c)
{
    return c == u' ' || c == u'\t';
}

int hexValue(QChar c)
{
    const char16_t u = c.unicode();
    if (u >= u'0' && u <= u'9')
        return u - u'0';
    if (u >= u'a' && u <= u'f')
        return u - u'a' + 10;
    if (u >= u'A' && u <= u'F')
        return u - u'A' + 10;
    return -1;
}

// The character an escape sequence other than \\u stands for, or 0.
char16_t simpleEscape(char16_t c)
{
    switch (c) {
    case u'"':
    case u'\\':
    case u'/':
        return c;
    case u'b':
        return u'\b';
    case u'f':
        return u'\f';
    case u'n':
        return u'\n';
    case u'r':
        return u'\r';
    case u't':
        return u'\t';
    default:
        return 0;
    }
}

// Punctuators are frequent; literals avoid an allocation per token.
QString punctuatorText(char16_t c)
{
    switch (c) {
    case u'!':
        return u"!"_s;
    case u'$':
        return u"$"_s;
    case u'&':
        return u"&"_s;
    case u'(':
        return u"("_s;
    case u')':
        return u")"_s;
    case u':':
        return u":"_s;
    case u'=':
        return u"="_s;
    case u'@':
        return u"@"_s;
    case u'[':
        return u"["_s;
    case u']':
        return u"]"_s;
    case u'{':
        return u"{"_s;
    case u'|':
        return u"|"_s;
    case u'}':
        return u"}"_s;
    default:
        return {};
    }
}

} // namespace

QString Lexer::describeCharacter(QStringView source, qsizetype position)
{
    if (position >= source.size())
        return tr("the end of the document");
    char32_t code = source[position].unicode();
    if (QChar::isHighSurrogate(code) && position + 1 < source.size()
        && source[position + 1].isLowSurrogate())
        code = QChar::surrogateToUcs4(source[position], source[position + 1]);
    if (code > 0x20 && code < 0x7F && code != u'"')
        return u'"' + QChar(char16_t(code)) + u'"';
    return u"U+"_s + QString::number(code, 16).toUpper().rightJustified(4, u'0');
}

QString Lexer::blockStringValue(QStringView raw)
{
    QList<QStringView> lines;
    qsizetype start = 0;
    for (qsizetype i = 0; i < raw.size(); ++i) {
        if (raw[i] == u'\r' || raw[i] == u'\n') {
            lines.append(raw.sliced(start, i - start));
            if (raw[i] == u'\r' && i + 1 < raw.size() && raw[i + 1] == u'\n')
                ++i;
            start = i + 1;
        }
    }
    lines.append(raw.sliced(start));

    qsizetype commonIndent = -1;
    for (qsizetype i = 1; i < lines.size(); ++i) {
        const QStringView line = lines.at(i);
        qsizetype indent = 0;
        while (indent < line.size() && isWhiteSpace(line[indent]))
            ++indent;
        if (indent < line.size() && (commonIndent < 0 || indent < commonIndent))
            commonIndent = indent;
    }
    if (commonIndent > 0) {
        for (qsizetype i = 1; i < lines.size(); ++i)
            lines[i] = lines[i].sliced(qMin(commonIndent, lines[i].size()));
    }

    const auto isBlank = [](QStringView line) {
        return std::all_of(line.begin(), line.end(), isWhiteSpace);
    };
    qsizetype first = 0;
    qsizetype last = lines.size();
    while (first < last && isBlank(lines.at(first)))
        ++first;
    while (last > first && isBlank(lines.at(last - 1)))
        --last;

    QString value;
    for (qsizetype i = first; i < last; ++i) {
        if (i > first)
            value += u'\n';
        value += lines.at(i);
    }
    return value;
}

bool Lexer::fail(ParseError *error, Location location, const QString &message)
{
    if (error) {
        error->message = message;
        error->location = location;
    }
    return false;
}

// 1 or 2 (a surrogate pair) for a SourceCharacter at the current position, 0 for a control
// character other than tab, LF and CR, or for a lone surrogate.
qsizetype Lexer::sourceCharacterLength() const
{
    const QChar c = peek();
    if (c.unicode() < 0x20 && c != u'\t' && c != u'\n' && c != u'\r')
        return 0;
    if (c.isHighSurrogate())
        return peek(1).isLowSurrogate() ? 2 : 0;
    if (c.isLowSurrogate())
        return 0;
    return 1;
}

bool Lexer::invalidCharacter(ParseError *error, const QString &message)
{
    return fail(error, here(), message.arg(describeCharacter(m_source, m_pos)));
}

bool Lexer::skipIgnored(ParseError *error)
{
    while (!atEnd()) {
        const QChar c = peek();
        if (c == u'\uFEFF' || c == u' ' || c == u'\t' || c == u',') {
            advance();
        } else if (c == u'\n' || c == u'\r') {
            advanceLine();
        } else if (c == u'#') {
            advance();
            while (!atEnd() && peek() != u'\n' && peek() != u'\r') {
                const qsizetype length = sourceCharacterLength();
                if (length == 0)
                    return invalidCharacter(error, tr("Invalid character %1 in a comment"));
                advance(length);
            }
        } else {
            break;
        }
    }
    return true;
}

bool Lexer::next(Token *token, ParseError *error)
{
    if (!skipIgnored(error))
        return false;
    token->location = here();
    token->text.clear();
    if (atEnd()) {
        token->kind = Token::Kind::EndOfDocument;
        return true;
    }
    const QChar c = peek();
    if (QString punctuator = punctuatorText(c.unicode()); !punctuator.isEmpty()) {
        token->kind = Token::Kind::Punctuator;
        token->text = std::move(punctuator);
        advance();
        return true;
    }
    if (c == u'.') {
        if (peek(1) == u'.' && peek(2) == u'.') {
            token->kind = Token::Kind::Punctuator;
            token->text = u"..."_s;
            advance(3);
            return true;
        }
        return fail(
            error, here(),
            tr("Expected \"...\" but found %1").arg(peek(1) == u'.' ? u"\"..\""_s : u"\".\""_s));
    }
    if (c == u'"') {
        if (peek(1) == u'"' && peek(2) == u'"')
            return readBlockString(token, error);
        return readString(token, error);
    }
    if (isNameStart(c))
        return readName(token);
    if (c == u'-' || isDigit(c))
        return readNumber(token, error);
    return invalidCharacter(error, tr("Invalid character %1"));
}

bool Lexer::readName(Token *token)
{
    const qsizetype start = m_pos;
    while (!atEnd() && isNameContinue(peek()))
        advance();
    token->kind = Token::Kind::Name;
    token->text = m_source.sliced(start, m_pos - start).toString();
    return true;
}

bool Lexer::readNumber(Token *token, ParseError *error)
{
    const qsizetype start = m_pos;
    bool isFloat = false;
    const auto expectDigits = [&](const QString &message) {
        if (!isDigit(peek()))
            return invalidCharacter(error, message);
        while (isDigit(peek()))
            advance();
        return true;
    };

    if (peek() == u'-')
        advance();
    if (peek() == u'0') {
        advance();
        if (isDigit(peek()))
            return fail(error, here(),
                        tr("Invalid number: a leading zero must not be followed "
                           "by a digit"));
    } else if (!expectDigits(tr("Invalid number: expected a digit but found %1"))) {
        return false;
    }
    if (peek() == u'.') {
        isFloat = true;
        advance();
        if (!expectDigits(tr("Invalid number: expected a digit after \".\" but found %1")))
            return false;
    }
    if (peek() == u'e' || peek() == u'E') {
        isFloat = true;
        advance();
        if (peek() == u'+' || peek() == u'-')
            advance();
        if (!expectDigits(tr("Invalid number: expected a digit in the exponent but found %1")))
            return false;
    }
    if (peek() == u'.' || isNameStart(peek()))
        return invalidCharacter(error, tr("Invalid number: unexpected %1 after a number"));
    token->kind = isFloat ? Token::Kind::Float : Token::Kind::Int;
    token->text = m_source.sliced(start, m_pos - start).toString();
    return true;
}

bool Lexer::readEscape(QString *out, ParseError *error)
{
    const Location location = here();
    const qsizetype start = m_pos;
    // The escape as written, up to where it went wrong, for the message.
    const auto invalid = [&](const QString &message) {
        qsizetype end = m_pos;
        while (end < m_source.size() && end - start < 16
               && (hexValue(m_source[end]) >= 0 || m_source[end] == u'{'))
            ++end;
        if (end < m_source.size()) {
            const char16_t c = m_source[end].unicode();
            if (c > 0x20 && c < 0x7F && c != u'"' && c != u'\\')
                ++end;
        }
        return fail(error, location, message.arg(m_source.sliced(start, end - start)));
    };

    advance(); // backslash
    if (const char16_t escaped = simpleEscape(peek().unicode())) {
        *out += QChar(escaped);
        advance();
        return true;
    }
    if (peek() != u'u') {
        if (sourceCharacterLength() == 0)
            return fail(error, location,
                        tr("Invalid escape sequence: \"\\\" followed by %1")
                            .arg(describeCharacter(m_source, m_pos)));
        return fail(error, location,
                    tr("Invalid escape sequence \"\\%1\"")
                        .arg(m_source.sliced(m_pos, sourceCharacterLength())));
    }
    advance(); // u

    const auto readHex4 = [&](char32_t *value) {
        char32_t v = 0;
        for (int i = 0; i < 4; ++i) {
            const int h = hexValue(peek(i));
            if (h < 0)
                return false;
            v = v * 16 + char32_t(h);
        }
        advance(4);
        *value = v;
        return true;
    };

    char32_t code = 0;
    if (peek() == u'{') {
        advance();
        bool any = false;
        while (hexValue(peek()) >= 0) {
            code = code * 16 + char32_t(hexValue(peek()));
            any = true;
            advance();
            if (code > 0x10FFFF)
                return invalid(tr("Invalid Unicode escape sequence \"%1\": beyond U+10FFFF"));
        }
        if (!any || peek() != u'}')
            return invalid(tr("Invalid Unicode escape sequence \"%1\""));
        advance();
        if (QChar::isSurrogate(code))
            return invalid(tr("Invalid Unicode escape sequence \"%1\": a surrogate is not a "
                              "character"));
    } else {
        if (!readHex4(&code))
            return invalid(tr("Invalid Unicode escape sequence \"%1\""));
        if (QChar::isHighSurrogate(code)) {
            // JSON-style surrogate pair: \uD83D\uDE00.
            char32_t low = 0;
            const qsizetype save = m_pos;
            const int saveColumn = m_column;
            if (peek() == u'\\' && peek(1) == u'u') {
                advance(2);
                if (readHex4(&low) && QChar::isLowSurrogate(low)) {
                    code = QChar::surrogateToUcs4(char16_t(code), char16_t(low));
                    *out += QString::fromUcs4(&code, 1);
                    return true;
                }
            }
            m_pos = save;
            m_column = saveColumn;
            return invalid(tr("Invalid Unicode escape sequence \"%1\": a lone surrogate"));
        }
        if (QChar::isLowSurrogate(code))
            return invalid(tr("Invalid Unicode escape sequence \"%1\": a lone surrogate"));
    }
    *out += QString::fromUcs4(&code, 1);
    return true;
}

bool Lexer::readString(Token *token, ParseError *error)
{
    const Location location = here();
    advance(); // "
    QString value;
    qsizetype chunk = m_pos; // start of the text not yet copied to value
    while (true) {
        if (atEnd() || peek() == u'\n' || peek() == u'\r')
            return fail(error, location, tr("Unterminated string"));
        const QChar c = peek();
        if (c == u'"') {
            value += m_source.sliced(chunk, m_pos - chunk);
            advance();
            break;
        }
        if (c == u'\\') {
            if (m_pos + 1 >= m_source.size() || peek(1) == u'\n' || peek(1) == u'\r')
                return fail(error, location, tr("Unterminated string"));
            value += m_source.sliced(chunk, m_pos - chunk);
            if (!readEscape(&value, error))
                return false;
            chunk = m_pos;
            continue;
        }
        const qsizetype length = sourceCharacterLength();
        if (length == 0)
            return invalidCharacter(error, tr("Invalid character %1 in a string"));
        advance(length);
    }
    token->kind = Token::Kind::String;
    token->text = std::move(value);
    return true;
}

bool Lexer::readBlockString(Token *token, ParseError *error)
{
    const Location location = here();
    advance(3);
    QString raw;
    qsizetype chunk = m_pos; // start of the text not yet copied to raw
    while (true) {
        if (atEnd())
            return fail(error, location, tr("Unterminated block string"));
        const QChar c = peek();
        if (c == u'"' && peek(1) == u'"' && peek(2) == u'"') {
            raw += m_source.sliced(chunk, m_pos - chunk);
            advance(3);
            break;
        }
        if (c == u'\\' && peek(1) == u'"' && peek(2) == u'"' && peek(3) == u'"') {
            raw += m_source.sliced(chunk, m_pos - chunk);
            raw += u"\"\"\""_s;
            advance(4);
            chunk = m_pos;
            continue;
        }
        if (c == u'\n' || c == u'\r') {
            advanceLine();
            continue;
        }
        const qsizetype length = sourceCharacterLength();
        if (length == 0)
            return invalidCharacter(error, tr("Invalid character %1 in a block string"));
        advance(length);
    }
    token->kind = Token::Kind::BlockString;
    token->text = blockStringValue(raw);
    return true;
}

} // namespace Stratus::GraphQL
