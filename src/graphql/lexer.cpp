#include "lexer_p.h"

#include <QtCore/qcoreapplication.h>

using namespace Qt::StringLiterals;

namespace Stratus::GraphQL {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("Stratus::GraphQL", text);
}

bool isNameStart(QChar c)
{
    const char16_t u = c.unicode();
    return (u >= u'a' && u <= u'z') || (u >= u'A' && u <= u'Z') || u == u'_';
}

bool isNameContinue(QChar c)
{
    return isNameStart(c) || (c.unicode() >= u'0' && c.unicode() <= u'9');
}

bool isDigit(QChar c)
{
    return c.unicode() >= u'0' && c.unicode() <= u'9';
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

// The spec's BlockStringValue(): strip the common indentation and blank first/last lines.
QString blockStringValue(const QString &raw)
{
    QStringList lines;
    qsizetype start = 0;
    for (qsizetype i = 0; i < raw.size(); ++i) {
        if (raw[i] == u'\r' || raw[i] == u'\n') {
            lines.append(raw.mid(start, i - start));
            if (raw[i] == u'\r' && i + 1 < raw.size() && raw[i + 1] == u'\n')
                ++i;
            start = i + 1;
        }
    }
    lines.append(raw.mid(start));

    qsizetype commonIndent = -1;
    for (qsizetype i = 1; i < lines.size(); ++i) {
        const QString &line = lines.at(i);
        qsizetype indent = 0;
        while (indent < line.size() && (line[indent] == u' ' || line[indent] == u'\t'))
            ++indent;
        if (indent < line.size() && (commonIndent < 0 || indent < commonIndent))
            commonIndent = indent;
    }
    if (commonIndent > 0) {
        for (qsizetype i = 1; i < lines.size(); ++i)
            lines[i] = lines[i].mid(commonIndent);
    }
    auto blank = [](const QString &line) {
        for (QChar c : line) {
            if (c != u' ' && c != u'\t')
                return false;
        }
        return true;
    };
    while (!lines.isEmpty() && blank(lines.constFirst()))
        lines.removeFirst();
    while (!lines.isEmpty() && blank(lines.constLast()))
        lines.removeLast();
    return lines.join(u'\n');
}

} // namespace

QString describeCharacter(QChar c)
{
    if (c.unicode() >= 0x20 && c.unicode() < 0x7F)
        return u'"' + QString(c) + u'"';
    return u"U+"_s + QString::number(c.unicode(), 16).toUpper().rightJustified(4, u'0');
}

bool Lexer::fail(ParseError *error, int line, int column, const QString &message)
{
    if (error) {
        error->message = message;
        error->location = Location{line, column};
    }
    return false;
}

void Lexer::skipIgnored()
{
    while (!atEnd()) {
        const QChar c = peek();
        if (c == u'\uFEFF' || c == u' ' || c == u'\t' || c == u',') {
            advance();
        } else if (c == u'\n') {
            ++m_pos;
            newLine();
        } else if (c == u'\r') {
            ++m_pos;
            if (peek() == u'\n')
                ++m_pos;
            newLine();
        } else if (c == u'#') {
            while (!atEnd() && peek() != u'\n' && peek() != u'\r')
                advance();
        } else {
            break;
        }
    }
}

bool Lexer::next(Token *token, ParseError *error)
{
    skipIgnored();
    token->location = Location{m_line, m_column};
    token->text.clear();
    if (atEnd()) {
        token->kind = Token::Kind::EndOfDocument;
        return true;
    }
    const QChar c = peek();
    switch (c.unicode()) {
    case u'!':
    case u'$':
    case u'&':
    case u'(':
    case u')':
    case u':':
    case u'=':
    case u'@':
    case u'[':
    case u']':
    case u'{':
    case u'|':
    case u'}':
        token->kind = Token::Kind::Punctuator;
        token->text = QString(c);
        advance();
        return true;
    case u'.':
        if (peek(1) == u'.' && peek(2) == u'.') {
            token->kind = Token::Kind::Punctuator;
            token->text = u"..."_s;
            advance(3);
            return true;
        }
        return fail(error, m_line, m_column, tr("Unexpected \".\"; did you mean \"...\"?"));
    case u'"':
        if (peek(1) == u'"' && peek(2) == u'"')
            return readBlockString(token, error);
        return readString(token, error);
    default:
        break;
    }
    if (isNameStart(c)) {
        const qsizetype start = m_pos;
        while (!atEnd() && isNameContinue(peek()))
            advance();
        token->kind = Token::Kind::Name;
        token->text = m_source.mid(start, m_pos - start).toString();
        return true;
    }
    if (c == u'-' || isDigit(c))
        return readNumber(token, error);
    return fail(error, m_line, m_column, tr("Unexpected character %1").arg(describeCharacter(c)));
}

bool Lexer::readNumber(Token *token, ParseError *error)
{
    const qsizetype start = m_pos;
    const int column = m_column;
    bool isFloat = false;
    if (peek() == u'-')
        advance();
    if (peek() == u'0') {
        advance();
        if (isDigit(peek()))
            return fail(error, m_line, m_column,
                        tr("Invalid number: unexpected digit after 0"));
    } else if (isDigit(peek())) {
        while (isDigit(peek()))
            advance();
    } else {
        return fail(error, m_line, m_column,
                    tr("Invalid number: expected a digit but found %1")
                            .arg(atEnd() ? tr("the end of the document") : describeCharacter(peek())));
    }
    if (peek() == u'.') {
        isFloat = true;
        advance();
        if (!isDigit(peek()))
            return fail(error, m_line, m_column,
                        tr("Invalid number: expected a digit after \".\""));
        while (isDigit(peek()))
            advance();
    }
    if (peek() == u'e' || peek() == u'E') {
        isFloat = true;
        advance();
        if (peek() == u'+' || peek() == u'-')
            advance();
        if (!isDigit(peek()))
            return fail(error, m_line, m_column,
                        tr("Invalid number: expected a digit in the exponent"));
        while (isDigit(peek()))
            advance();
    }
    if (peek() == u'.' || isNameStart(peek()))
        return fail(error, m_line, m_column,
                    tr("Invalid number: unexpected %1 after a number").arg(describeCharacter(peek())));
    token->kind = isFloat ? Token::Kind::Float : Token::Kind::Int;
    token->text = m_source.mid(start, m_pos - start).toString();
    token->location.column = column;
    return true;
}

bool Lexer::readEscape(QString *out, ParseError *error)
{
    // At the backslash.
    const int line = m_line;
    const int column = m_column;
    advance();
    if (atEnd())
        return fail(error, line, column, tr("Unterminated string"));
    const QChar c = peek();
    switch (c.unicode()) {
    case u'"': *out += u'"'; advance(); return true;
    case u'\\': *out += u'\\'; advance(); return true;
    case u'/': *out += u'/'; advance(); return true;
    case u'b': *out += u'\b'; advance(); return true;
    case u'f': *out += u'\f'; advance(); return true;
    case u'n': *out += u'\n'; advance(); return true;
    case u'r': *out += u'\r'; advance(); return true;
    case u't': *out += u'\t'; advance(); return true;
    case u'u':
        break;
    default:
        return fail(error, line, column,
                    tr("Invalid escape sequence \\%1").arg(c.isPrint() ? QString(c) : describeCharacter(c)));
    }
    advance(); // u
    auto readHex4 = [&](char32_t *value) {
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
        int digits = 0;
        while (!atEnd() && peek() != u'}') {
            const int h = hexValue(peek());
            if (h < 0 || ++digits > 6)
                return fail(error, line, column, tr("Invalid Unicode escape sequence"));
            code = code * 16 + char32_t(h);
            advance();
        }
        if (atEnd() || digits == 0 || code > 0x10FFFF || (code >= 0xD800 && code <= 0xDFFF))
            return fail(error, line, column, tr("Invalid Unicode escape sequence"));
        advance(); // }
    } else {
        if (!readHex4(&code))
            return fail(error, line, column, tr("Invalid Unicode escape sequence"));
        if (code >= 0xD800 && code <= 0xDBFF) {
            char32_t low = 0;
            if (peek() == u'\\' && peek(1) == u'u') {
                advance(2);
                if (!readHex4(&low) || low < 0xDC00 || low > 0xDFFF)
                    return fail(error, line, column,
                                tr("Invalid Unicode escape sequence: a lone surrogate"));
                code = 0x10000 + ((code - 0xD800) << 10) + (low - 0xDC00);
            } else {
                return fail(error, line, column,
                            tr("Invalid Unicode escape sequence: a lone surrogate"));
            }
        } else if (code >= 0xDC00 && code <= 0xDFFF) {
            return fail(error, line, column, tr("Invalid Unicode escape sequence: a lone surrogate"));
        }
    }
    *out += QString::fromUcs4(&code, 1);
    return true;
}

bool Lexer::readString(Token *token, ParseError *error)
{
    const int line = m_line;
    const int column = m_column;
    advance(); // "
    QString value;
    while (true) {
        if (atEnd() || peek() == u'\n' || peek() == u'\r')
            return fail(error, line, column, tr("Unterminated string"));
        const QChar c = peek();
        if (c == u'"') {
            advance();
            break;
        }
        if (c == u'\\') {
            if (!readEscape(&value, error))
                return false;
            continue;
        }
        if (c.unicode() < 0x20 && c != u'\t')
            return fail(error, m_line, m_column,
                        tr("Invalid character %1 in a string").arg(describeCharacter(c)));
        value += c;
        advance();
    }
    token->kind = Token::Kind::String;
    token->text = value;
    token->location = Location{line, column};
    return true;
}

bool Lexer::readBlockString(Token *token, ParseError *error)
{
    const int line = m_line;
    const int column = m_column;
    advance(3);
    QString raw;
    while (true) {
        if (atEnd())
            return fail(error, line, column, tr("Unterminated block string"));
        const QChar c = peek();
        if (c == u'"' && peek(1) == u'"' && peek(2) == u'"') {
            advance(3);
            break;
        }
        if (c == u'\\' && peek(1) == u'"' && peek(2) == u'"' && peek(3) == u'"') {
            raw += u"\"\"\""_s;
            advance(4);
            continue;
        }
        if (c == u'\n') {
            raw += c;
            ++m_pos;
            newLine();
            continue;
        }
        if (c == u'\r') {
            raw += c;
            ++m_pos;
            if (peek() == u'\n') {
                raw += u'\n';
                ++m_pos;
            }
            newLine();
            continue;
        }
        if (c.unicode() < 0x20 && c != u'\t')
            return fail(error, m_line, m_column,
                        tr("Invalid character %1 in a block string").arg(describeCharacter(c)));
        raw += c;
        advance();
    }
    token->kind = Token::Kind::BlockString;
    token->text = blockStringValue(raw);
    token->location = Location{line, column};
    return true;
}

} // namespace Stratus::GraphQL
