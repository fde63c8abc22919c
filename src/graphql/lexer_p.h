#pragma once

#include <Stratus/graphql.h>

namespace Stratus::GraphQL {

struct Token
{
    enum class Kind {
        EndOfDocument,
        Punctuator, ///< text holds the punctuator: ! $ & ( ) ... : = @ [ ] { | }
        Name,
        Int,
        Float,
        String,      ///< text holds the decoded value
        BlockString, ///< text holds the decoded value
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
public:
    explicit Lexer(QStringView source) : m_source(source) { }

    /// The next token, or false with \a error set.
    bool next(Token *token, ParseError *error);

private:
    bool fail(ParseError *error, int line, int column, const QString &message);
    void skipIgnored();
    bool readNumber(Token *token, ParseError *error);
    bool readString(Token *token, ParseError *error);
    bool readBlockString(Token *token, ParseError *error);
    bool readEscape(QString *out, ParseError *error);
    QChar peek(qsizetype offset = 0) const
    {
        return m_pos + offset < m_source.size() ? m_source[m_pos + offset] : QChar();
    }
    bool atEnd() const { return m_pos >= m_source.size(); }
    void advance(qsizetype count = 1)
    {
        m_pos += count;
        m_column += int(count);
    }
    void newLine()
    {
        ++m_line;
        m_column = 1;
    }

    QStringView m_source;
    qsizetype m_pos = 0;
    int m_line = 1;
    int m_column = 1;
};

QString describeCharacter(QChar c);

} // namespace Stratus::GraphQL
