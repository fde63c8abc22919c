#pragma once

#include <Stratus/graphql.h>

#include <QtCore/qcoreapplication.h>

namespace Stratus::GraphQL {

struct Token
{
    enum class Kind {
        EndOfDocument,
        Punctuator, ///< text holds the punctuator: ! $ & ( ) ... : = @ [ ] { | }
        Name,
        Int,
        Float,
        String, ///< text holds the decoded value
        BlockString, ///< text holds the value after BlockStringValue()
    };

    Kind kind = Kind::EndOfDocument;
    QString text;
    Location location;

    bool isPunctuator(QStringView p) const { return kind == Kind::Punctuator && text == p; }
    bool isName(QStringView name) const { return kind == Kind::Name && text == name; }
};

/// Splits a document into tokens as the GraphQL specification (October 2021) says, skipping
/// ignored tokens (BOM, white space, line terminators, commas, comments).
class Lexer
{
    Q_DECLARE_TR_FUNCTIONS(Stratus::GraphQL)

public:
    explicit Lexer(QStringView source) : m_source(source) { }

    /// Reads the next token into \a token; at the end of the source that is an EndOfDocument
    /// token, again on every further call. On a lexical error returns false and sets \a error.
    bool next(Token *token, ParseError *error);

    /// `"x"` for printable ASCII, else `U+XXXX` (a surrogate pair gives its code point).
    static QString describeCharacter(QStringView source, qsizetype position);

    /// The spec's BlockStringValue(): removes the common indentation and leading and trailing
    /// blank lines, and normalizes line terminators to \n.
    static QString blockStringValue(QStringView raw);

private:
    bool fail(ParseError *error, Location location, const QString &message);
    bool skipIgnored(ParseError *error);
    bool readName(Token *token);
    bool readNumber(Token *token, ParseError *error);
    bool readString(Token *token, ParseError *error);
    bool readBlockString(Token *token, ParseError *error);
    bool readEscape(QString *out, ParseError *error);
    bool invalidCharacter(ParseError *error, const QString &message);
    qsizetype sourceCharacterLength() const;

    QChar peek(qsizetype offset = 0) const
    {
        return m_pos + offset < m_source.size() ? m_source[m_pos + offset] : QChar();
    }
    bool atEnd() const { return m_pos >= m_source.size(); }
    Location here() const { return Location{m_line, m_column}; }
    void advance(qsizetype count = 1)
    {
        m_pos += count;
        m_column += int(count);
    }
    // At \n, \r or \r\n: steps over it and starts a new line.
    void advanceLine()
    {
        if (peek() == u'\r' && peek(1) == u'\n')
            ++m_pos;
        ++m_pos;
        ++m_line;
        m_column = 1;
    }

    QStringView m_source;
    qsizetype m_pos = 0;
    int m_line = 1;
    int m_column = 1;
};

} // namespace Stratus::GraphQL
