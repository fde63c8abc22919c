#include "lexer_p.h"

#include <QtCore/qcoreapplication.h>

using namespace Qt::StringLiterals;

namespace Stratus::GraphQL {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("Stratus::GraphQL", text);
}

const QStringList directiveLocations = {
        u"QUERY"_s, u"MUTATION"_s, u"SUBSCRIPTION"_s, u"FIELD"_s, u"FRAGMENT_DEFINITION"_s,
        u"FRAGMENT_SPREAD"_s, u"INLINE_FRAGMENT"_s, u"VARIABLE_DEFINITION"_s, u"SCHEMA"_s,
        u"SCALAR"_s, u"OBJECT"_s, u"FIELD_DEFINITION"_s, u"ARGUMENT_DEFINITION"_s, u"INTERFACE"_s,
        u"UNION"_s, u"ENUM"_s, u"ENUM_VALUE"_s, u"INPUT_OBJECT"_s, u"INPUT_FIELD_DEFINITION"_s,
};

class ParserImpl
{
public:
    ParserImpl(QStringView source, Parser::DocumentKind kind, const Parser::Limits &limits)
        : m_lexer(source), m_kind(kind), m_limits(limits)
    {
    }

    std::optional<Document> parseDocument();
    ParseError error;

private:
    // Token handling
    bool advance();
    bool fail(const Location &location, const QString &message)
    {
        if (!m_failed) {
            error.message = message;
            error.location = location;
            m_failed = true;
        }
        return false;
    }
    bool unexpected(const QString &expected);
    QString describe(const Token &token) const;
    bool expectPunctuator(QStringView p);
    bool expectName(QString *name);
    bool expectKeyword(QStringView keyword);
    bool peekPunctuator(QStringView p) const { return m_token.isPunctuator(p); }
    bool skipPunctuator(QStringView p);
    bool enter();
    void leave() { --m_depth; }

    // Definitions
    bool parseDefinition(Document &document);
    bool parseOperation(Document &document);
    bool parseFragment(Document &document);
    bool parseTypeSystem(Document &document, const QString &description, bool hasDescription,
                         const Location &start);
    bool parseVariableDefinitions(QList<VariableDefinition> &variables);
    bool parseSelectionSet(QList<Selection> &selections);
    bool parseSelection(Selection &selection);
    bool parseArguments(QList<Argument> &arguments, bool isConst);
    bool parseDirectives(QList<Directive> &directives, bool isConst);
    bool parseValue(Value &value, bool isConst);
    bool parseType(TypeRef &type);
    bool parseDescription(QString *description, bool *hasDescription);
    bool parseFieldsDefinition(QList<FieldDefinition> &fields);
    bool parseArgumentDefinitions(QList<InputValueDefinition> &arguments, QStringView close);
    bool parseInputValueDefinition(InputValueDefinition &value);
    bool parseImplements(QStringList &interfaces);

    Lexer m_lexer;
    Token m_token;
    Parser::DocumentKind m_kind;
    Parser::Limits m_limits;
    qsizetype m_tokens = 0;
    int m_depth = 0;
    bool m_failed = false;
};

bool ParserImpl::advance()
{
    if (++m_tokens > m_limits.maxTokens)
        return fail(m_token.location,
                    tr("The document has more than %1 tokens").arg(m_limits.maxTokens));
    ParseError lexError;
    if (!m_lexer.next(&m_token, &lexError)) {
        fail(lexError.location, lexError.message);
        return false;
    }
    return true;
}

bool ParserImpl::enter()
{
    if (++m_depth > m_limits.maxDepth)
        return fail(m_token.location,
                    tr("The document is nested more than %1 levels deep").arg(m_limits.maxDepth));
    return true;
}

QString ParserImpl::describe(const Token &token) const
{
    switch (token.kind) {
    case Token::Kind::EndOfDocument:
        return tr("the end of the document");
    case Token::Kind::Punctuator:
        return u'"' + token.text + u'"';
    case Token::Kind::Name:
        return tr("name \"%1\"").arg(token.text);
    case Token::Kind::Int:
    case Token::Kind::Float:
        return tr("number %1").arg(token.text);
    case Token::Kind::String:
    case Token::Kind::BlockString:
        return tr("a string");
    }
    return {};
}

bool ParserImpl::unexpected(const QString &expected)
{
    if (m_token.kind == Token::Kind::EndOfDocument)
        return fail(m_token.location, tr("Unexpected end of the document, expected %1").arg(expected));
    return fail(m_token.location, tr("Expected %1 but found %2").arg(expected, describe(m_token)));
}

bool ParserImpl::expectPunctuator(QStringView p)
{
    if (!m_token.isPunctuator(p))
        return unexpected(u'"' + p.toString() + u'"');
    return advance();
}

bool ParserImpl::skipPunctuator(QStringView p)
{
    if (!m_token.isPunctuator(p))
        return false;
    return advance();
}

bool ParserImpl::expectName(QString *name)
{
    if (m_token.kind != Token::Kind::Name)
        return unexpected(tr("a name"));
    *name = m_token.text;
    return advance();
}

bool ParserImpl::expectKeyword(QStringView keyword)
{
    if (!m_token.isName(keyword))
        return unexpected(u'"' + keyword.toString() + u'"');
    return advance();
}

std::optional<Document> ParserImpl::parseDocument()
{
    Document document;
    if (!advance())
        return std::nullopt;
    if (m_token.kind == Token::Kind::EndOfDocument) {
        fail(m_token.location, tr("The document is empty: expected a definition"));
        return std::nullopt;
    }
    while (m_token.kind != Token::Kind::EndOfDocument) {
        if (!parseDefinition(document))
            return std::nullopt;
    }
    return document;
}

bool ParserImpl::parseDefinition(Document &document)
{
    const Location start = m_token.location;
    QString description;
    bool hasDescription = false;
    if (!parseDescription(&description, &hasDescription))
        return false;
    const bool executable = !hasDescription
            && (m_token.isPunctuator(u"{") || m_token.isName(u"query") || m_token.isName(u"mutation")
                || m_token.isName(u"subscription") || m_token.isName(u"fragment"));
    if (executable) {
        if (m_kind == Parser::DocumentKind::TypeSystem)
            return fail(start, tr("An operation or fragment is not allowed in a type-system document"));
        return m_token.isName(u"fragment") ? parseFragment(document) : parseOperation(document);
    }
    if (m_token.kind != Token::Kind::Name)
        return unexpected(tr("a definition"));
    static const QStringList typeSystemKeywords = {u"schema"_s, u"scalar"_s, u"type"_s,
                                                   u"interface"_s, u"union"_s, u"enum"_s,
                                                   u"input"_s, u"directive"_s, u"extend"_s};
    if (!typeSystemKeywords.contains(m_token.text))
        return unexpected(tr("a definition"));
    if (m_kind == Parser::DocumentKind::Executable)
        return fail(start, tr("A type-system definition is not allowed in an executable document"));
    return parseTypeSystem(document, description, hasDescription, start);
}

bool ParserImpl::parseDescription(QString *description, bool *hasDescription)
{
    if (m_token.kind == Token::Kind::String || m_token.kind == Token::Kind::BlockString) {
        *description = m_token.text;
        *hasDescription = true;
        return advance();
    }
    return true;
}

bool ParserImpl::parseOperation(Document &document)
{
    OperationDefinition operation;
    operation.location = m_token.location;
    if (m_token.isPunctuator(u"{")) {
        if (!parseSelectionSet(operation.selectionSet))
            return false;
        document.operations.append(operation);
        return true;
    }
    if (m_token.text == u"query")
        operation.type = OperationDefinition::Type::Query;
    else if (m_token.text == u"mutation")
        operation.type = OperationDefinition::Type::Mutation;
    else
        operation.type = OperationDefinition::Type::Subscription;
    if (!advance())
        return false;
    if (m_token.kind == Token::Kind::Name && !expectName(&operation.name))
        return false;
    if (peekPunctuator(u"(") && !parseVariableDefinitions(operation.variables))
        return false;
    if (!parseDirectives(operation.directives, false) || !parseSelectionSet(operation.selectionSet))
        return false;
    document.operations.append(operation);
    return true;
}

bool ParserImpl::parseFragment(Document &document)
{
    FragmentDefinition fragment;
    fragment.location = m_token.location;
    if (!advance())
        return false;
    if (m_token.isName(u"on"))
        return unexpected(tr("a fragment name"));
    if (!expectName(&fragment.name) || !expectKeyword(u"on") || !expectName(&fragment.typeCondition)
        || !parseDirectives(fragment.directives, false) || !parseSelectionSet(fragment.selectionSet))
        return false;
    document.fragments.append(fragment);
    return true;
}

bool ParserImpl::parseVariableDefinitions(QList<VariableDefinition> &variables)
{
    if (!expectPunctuator(u"("))
        return false;
    if (peekPunctuator(u")"))
        return unexpected(tr("a variable definition"));
    while (!peekPunctuator(u")")) {
        VariableDefinition variable;
        variable.location = m_token.location;
        if (!expectPunctuator(u"$") || !expectName(&variable.name) || !expectPunctuator(u":")
            || !parseType(variable.type))
            return false;
        if (peekPunctuator(u"=")) {
            if (!advance())
                return false;
            Value value;
            if (!parseValue(value, true))
                return false;
            variable.defaultValue = value;
        }
        if (!parseDirectives(variable.directives, true))
            return false;
        variables.append(variable);
    }
    return advance();
}

bool ParserImpl::parseSelectionSet(QList<Selection> &selections)
{
    if (!enter())
        return false;
    if (!expectPunctuator(u"{"))
        return false;
    if (peekPunctuator(u"}"))
        return unexpected(tr("a selection"));
    while (!peekPunctuator(u"}")) {
        if (m_token.kind == Token::Kind::EndOfDocument)
            return unexpected(tr("a selection or \"}\""));
        Selection selection;
        if (!parseSelection(selection))
            return false;
        selections.append(selection);
    }
    leave();
    return advance();
}

bool ParserImpl::parseSelection(Selection &selection)
{
    selection.location = m_token.location;
    if (peekPunctuator(u"...")) {
        if (!advance())
            return false;
        if (m_token.kind == Token::Kind::Name && m_token.text != u"on") {
            selection.kind = Selection::Kind::FragmentSpread;
            return expectName(&selection.name) && parseDirectives(selection.directives, false);
        }
        selection.kind = Selection::Kind::InlineFragment;
        if (m_token.isName(u"on")) {
            if (!advance() || !expectName(&selection.typeCondition))
                return false;
        }
        return parseDirectives(selection.directives, false) && parseSelectionSet(selection.selectionSet);
    }
    selection.kind = Selection::Kind::Field;
    QString name;
    if (m_token.kind != Token::Kind::Name)
        return unexpected(tr("a selection"));
    if (!expectName(&name))
        return false;
    if (peekPunctuator(u":")) {
        if (!advance())
            return false;
        selection.alias = name;
        if (!expectName(&name))
            return false;
    }
    selection.name = name;
    if (peekPunctuator(u"(") && !parseArguments(selection.arguments, false))
        return false;
    if (!parseDirectives(selection.directives, false))
        return false;
    if (peekPunctuator(u"{"))
        return parseSelectionSet(selection.selectionSet);
    return true;
}

bool ParserImpl::parseArguments(QList<Argument> &arguments, bool isConst)
{
    if (!expectPunctuator(u"("))
        return false;
    if (peekPunctuator(u")"))
        return unexpected(tr("an argument"));
    while (!peekPunctuator(u")")) {
        Argument argument;
        argument.location = m_token.location;
        if (!expectName(&argument.name) || !expectPunctuator(u":") || !parseValue(argument.value, isConst))
            return false;
        arguments.append(argument);
    }
    return advance();
}

bool ParserImpl::parseDirectives(QList<Directive> &directives, bool isConst)
{
    while (peekPunctuator(u"@")) {
        Directive directive;
        directive.location = m_token.location;
        if (!advance() || !expectName(&directive.name))
            return false;
        if (peekPunctuator(u"(") && !parseArguments(directive.arguments, isConst))
            return false;
        directives.append(directive);
    }
    return true;
}

bool ParserImpl::parseValue(Value &value, bool isConst)
{
    value.location = m_token.location;
    switch (m_token.kind) {
    case Token::Kind::Int:
        value.kind = Value::Kind::Int;
        value.text = m_token.text;
        return advance();
    case Token::Kind::Float:
        value.kind = Value::Kind::Float;
        value.text = m_token.text;
        return advance();
    case Token::Kind::String:
    case Token::Kind::BlockString:
        value.kind = Value::Kind::String;
        value.text = m_token.text;
        return advance();
    case Token::Kind::Name:
        if (m_token.text == u"true" || m_token.text == u"false") {
            value.kind = Value::Kind::Boolean;
            value.boolean = m_token.text == u"true";
        } else if (m_token.text == u"null") {
            value.kind = Value::Kind::Null;
        } else {
            value.kind = Value::Kind::Enum;
            value.text = m_token.text;
        }
        return advance();
    case Token::Kind::Punctuator:
        break;
    case Token::Kind::EndOfDocument:
        return unexpected(tr("a value"));
    }
    if (peekPunctuator(u"$")) {
        if (isConst)
            return fail(m_token.location, tr("A variable is not allowed here: expected a constant value"));
        if (!advance())
            return false;
        value.kind = Value::Kind::Variable;
        return expectName(&value.text);
    }
    if (peekPunctuator(u"[")) {
        if (!enter() || !advance())
            return false;
        value.kind = Value::Kind::List;
        while (!peekPunctuator(u"]")) {
            Value item;
            if (!parseValue(item, isConst))
                return false;
            value.list.append(item);
        }
        leave();
        return advance();
    }
    if (peekPunctuator(u"{")) {
        if (!enter() || !advance())
            return false;
        value.kind = Value::Kind::Object;
        while (!peekPunctuator(u"}")) {
            QString name;
            Value fieldValue;
            if (m_token.kind != Token::Kind::Name)
                return unexpected(tr("a field name or \"}\""));
            if (!expectName(&name) || !expectPunctuator(u":") || !parseValue(fieldValue, isConst))
                return false;
            value.fields.append({name, fieldValue});
        }
        leave();
        return advance();
    }
    return unexpected(tr("a value"));
}

bool ParserImpl::parseType(TypeRef &type)
{
    if (!enter())
        return false;
    type.location = m_token.location;
    if (peekPunctuator(u"[")) {
        if (!advance())
            return false;
        auto inner = std::make_shared<TypeRef>();
        if (!parseType(*inner) || !expectPunctuator(u"]"))
            return false;
        type.kind = TypeRef::Kind::List;
        type.ofType = inner;
    } else {
        type.kind = TypeRef::Kind::Named;
        if (!expectName(&type.name))
            return false;
    }
    if (peekPunctuator(u"!")) {
        if (!advance())
            return false;
        auto inner = std::make_shared<TypeRef>(type);
        type = TypeRef();
        type.kind = TypeRef::Kind::NonNull;
        type.ofType = inner;
        type.location = inner->location;
    }
    leave();
    return true;
}

bool ParserImpl::parseImplements(QStringList &interfaces)
{
    if (!m_token.isName(u"implements"))
        return true;
    if (!advance())
        return false;
    skipPunctuator(u"&");
    if (m_failed)
        return false;
    do {
        QString name;
        if (!expectName(&name))
            return false;
        interfaces.append(name);
    } while (skipPunctuator(u"&"));
    return !m_failed;
}

bool ParserImpl::parseInputValueDefinition(InputValueDefinition &value)
{
    value.location = m_token.location;
    bool hasDescription = false;
    if (!parseDescription(&value.description, &hasDescription))
        return false;
    if (hasDescription)
        value.location = m_token.location;
    if (!expectName(&value.name) || !expectPunctuator(u":") || !parseType(value.type))
        return false;
    if (peekPunctuator(u"=")) {
        if (!advance())
            return false;
        Value defaultValue;
        if (!parseValue(defaultValue, true))
            return false;
        value.defaultValue = defaultValue;
    }
    return parseDirectives(value.directives, true);
}

bool ParserImpl::parseArgumentDefinitions(QList<InputValueDefinition> &arguments, QStringView close)
{
    // At the opening "(" or "{".
    if (!advance())
        return false;
    if (peekPunctuator(close))
        return unexpected(close == u")" ? tr("an argument definition") : tr("a field definition"));
    while (!peekPunctuator(close)) {
        if (m_token.kind == Token::Kind::EndOfDocument)
            return unexpected(u'"' + close.toString() + u'"');
        InputValueDefinition argument;
        if (!parseInputValueDefinition(argument))
            return false;
        arguments.append(argument);
    }
    return advance();
}

bool ParserImpl::parseFieldsDefinition(QList<FieldDefinition> &fields)
{
    if (!advance()) // {
        return false;
    if (peekPunctuator(u"}"))
        return unexpected(tr("a field definition"));
    while (!peekPunctuator(u"}")) {
        if (m_token.kind == Token::Kind::EndOfDocument)
            return unexpected(tr("a field definition or \"}\""));
        FieldDefinition field;
        bool hasDescription = false;
        if (!parseDescription(&field.description, &hasDescription))
            return false;
        field.location = m_token.location;
        if (!expectName(&field.name))
            return false;
        if (peekPunctuator(u"(") && !parseArgumentDefinitions(field.arguments, u")"))
            return false;
        if (!expectPunctuator(u":") || !parseType(field.type) || !parseDirectives(field.directives, true))
            return false;
        fields.append(field);
    }
    return advance();
}

bool ParserImpl::parseTypeSystem(Document &document, const QString &description,
                                 bool hasDescription, const Location &start)
{
    bool isExtension = false;
    Location location = start;
    if (m_token.isName(u"extend")) {
        if (hasDescription)
            return fail(m_token.location, tr("An extension cannot have a description"));
        isExtension = true;
        if (!advance())
            return false;
        if (m_token.kind != Token::Kind::Name)
            return unexpected(tr("a type-system definition to extend"));
    }
    if (hasDescription)
        location = m_token.location;
    const QString keyword = m_token.text;

    if (keyword == u"schema") {
        SchemaDefinition schema;
        schema.isExtension = isExtension;
        schema.description = description;
        schema.location = location;
        if (!advance() || !parseDirectives(schema.directives, true))
            return false;
        if (peekPunctuator(u"{")) {
            if (!advance())
                return false;
            if (peekPunctuator(u"}"))
                return unexpected(tr("an operation type"));
            while (!peekPunctuator(u"}")) {
                QString operation;
                QString type;
                if (m_token.kind != Token::Kind::Name
                    || (m_token.text != u"query" && m_token.text != u"mutation"
                        && m_token.text != u"subscription"))
                    return unexpected(tr("query, mutation or subscription"));
                if (!expectName(&operation) || !expectPunctuator(u":") || !expectName(&type))
                    return false;
                schema.operationTypes.append({operation, type});
            }
            if (!advance())
                return false;
        } else if (!isExtension) {
            return unexpected(u"\"{\""_s);
        }
        document.schemaDefinitions.append(schema);
        return true;
    }

    if (keyword == u"directive") {
        if (isExtension)
            return fail(m_token.location, tr("A directive definition cannot be extended"));
        DirectiveDefinition directive;
        directive.description = description;
        directive.location = location;
        if (!advance() || !expectPunctuator(u"@") || !expectName(&directive.name))
            return false;
        if (peekPunctuator(u"(") && !parseArgumentDefinitions(directive.arguments, u")"))
            return false;
        if (m_token.isName(u"repeatable")) {
            directive.isRepeatable = true;
            if (!advance())
                return false;
        }
        if (!expectKeyword(u"on"))
            return false;
        skipPunctuator(u"|");
        if (m_failed)
            return false;
        do {
            QString name;
            const Location at = m_token.location;
            if (!expectName(&name))
                return false;
            if (!directiveLocations.contains(name))
                return fail(at, tr("Unknown directive location %1").arg(name));
            directive.locations.append(name);
        } while (skipPunctuator(u"|"));
        if (m_failed)
            return false;
        document.directiveDefinitions.append(directive);
        return true;
    }

    TypeDefinition type;
    type.isExtension = isExtension;
    type.description = description;
    type.location = location;
    if (keyword == u"scalar")
        type.kind = TypeDefinition::Kind::Scalar;
    else if (keyword == u"type")
        type.kind = TypeDefinition::Kind::Object;
    else if (keyword == u"interface")
        type.kind = TypeDefinition::Kind::Interface;
    else if (keyword == u"union")
        type.kind = TypeDefinition::Kind::Union;
    else if (keyword == u"enum")
        type.kind = TypeDefinition::Kind::Enum;
    else if (keyword == u"input")
        type.kind = TypeDefinition::Kind::InputObject;
    else
        return unexpected(tr("a type-system definition"));
    if (!advance() || !expectName(&type.name))
        return false;

    bool hasBody = false;
    switch (type.kind) {
    case TypeDefinition::Kind::Scalar:
        if (!parseDirectives(type.directives, true))
            return false;
        hasBody = !type.directives.isEmpty();
        break;
    case TypeDefinition::Kind::Object:
    case TypeDefinition::Kind::Interface:
        if (!parseImplements(type.interfaces) || !parseDirectives(type.directives, true))
            return false;
        if (peekPunctuator(u"{")) {
            if (!parseFieldsDefinition(type.fields))
                return false;
        }
        hasBody = !type.interfaces.isEmpty() || !type.directives.isEmpty() || !type.fields.isEmpty();
        break;
    case TypeDefinition::Kind::Union:
        if (!parseDirectives(type.directives, true))
            return false;
        if (peekPunctuator(u"=")) {
            if (!advance())
                return false;
            skipPunctuator(u"|");
            if (m_failed)
                return false;
            do {
                QString member;
                if (!expectName(&member))
                    return false;
                type.unionMembers.append(member);
            } while (skipPunctuator(u"|"));
            if (m_failed)
                return false;
        }
        hasBody = !type.directives.isEmpty() || !type.unionMembers.isEmpty();
        break;
    case TypeDefinition::Kind::Enum:
        if (!parseDirectives(type.directives, true))
            return false;
        if (peekPunctuator(u"{")) {
            if (!advance())
                return false;
            if (peekPunctuator(u"}"))
                return unexpected(tr("an enum value"));
            while (!peekPunctuator(u"}")) {
                EnumValueDefinition value;
                bool valueHasDescription = false;
                if (!parseDescription(&value.description, &valueHasDescription))
                    return false;
                value.location = m_token.location;
                if (m_token.kind != Token::Kind::Name)
                    return unexpected(tr("an enum value"));
                if (m_token.text == u"true" || m_token.text == u"false" || m_token.text == u"null")
                    return fail(m_token.location,
                                tr("%1 cannot be an enum value").arg(m_token.text));
                if (!expectName(&value.name) || !parseDirectives(value.directives, true))
                    return false;
                type.enumValues.append(value);
            }
            if (!advance())
                return false;
        }
        hasBody = !type.directives.isEmpty() || !type.enumValues.isEmpty();
        break;
    case TypeDefinition::Kind::InputObject:
        if (!parseDirectives(type.directives, true))
            return false;
        if (peekPunctuator(u"{")) {
            if (!parseArgumentDefinitions(type.inputFields, u"}"))
                return false;
        }
        hasBody = !type.directives.isEmpty() || !type.inputFields.isEmpty();
        break;
    }
    if (isExtension && !hasBody)
        return unexpected(tr("something to extend %1 with").arg(type.name));
    document.types.append(type);
    return true;
}

} // namespace

std::optional<Document> Parser::parse(QStringView source, DocumentKind kind, ParseError *error)
{
    return parse(source, kind, Limits(), error);
}

std::optional<Document> Parser::parse(QStringView source, DocumentKind kind, const Limits &limits,
                                      ParseError *error)
{
    if (source.size() > limits.maxSourceLength) {
        if (error) {
            error->message = tr("The document is longer than %1 characters").arg(limits.maxSourceLength);
            error->location = Location{1, 1};
        }
        return std::nullopt;
    }
    ParserImpl parser(source, kind, limits);
    std::optional<Document> document = parser.parseDocument();
    if (!document && error)
        *error = parser.error;
    return document;
}

} // namespace Stratus::GraphQL
