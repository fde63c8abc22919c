#include "lexer_p.h"

#include <algorithm>
#include <array>

using namespace Qt::StringLiterals;

namespace Stratus::GraphQL {

namespace {

// Whatever Limits::maxDepth says, the recursion must stay well inside a thread's stack (sanitizer
// builds have much bigger frames).
constexpr int HardMaxDepth = 1000;

constexpr std::array<QStringView, 19> DirectiveLocations = {
    u"QUERY",
    u"MUTATION",
    u"SUBSCRIPTION",
    u"FIELD",
    u"FRAGMENT_DEFINITION",
    u"FRAGMENT_SPREAD",
    u"INLINE_FRAGMENT",
    u"VARIABLE_DEFINITION",
    u"SCHEMA",
    u"SCALAR",
    u"OBJECT",
    u"FIELD_DEFINITION",
    u"ARGUMENT_DEFINITION",
    u"INTERFACE",
    u"UNION",
    u"ENUM",
    u"ENUM_VALUE",
    u"INPUT_OBJECT",
    u"INPUT_FIELD_DEFINITION",
};

// The type-system keywords that `extend` may precede; `directive` and `extend` complete the set.
constexpr std::array<QStringView, 7> ExtensibleKeywords = {
    u"schema", u"scalar", u"type", u"interface", u"union", u"enum", u"input",
};

bool isExtensibleKeyword(const Token &token)
{
    return token.kind == Token::Kind::Name
        && std::find(ExtensibleKeywords.begin(), ExtensibleKeywords.end(), token.text)
        != ExtensibleKeywords.end();
}

// Every parse function returns false on the first error; the error is kept in ParserImpl::error
// and nothing is parsed after it.
class ParserImpl
{
    Q_DECLARE_TR_FUNCTIONS(Stratus::GraphQL)

public:
    ParserImpl(QStringView source, Parser::DocumentKind kind, const Parser::Limits &limits)
        : m_lexer(source)
        , m_kind(kind)
        , m_limits(limits)
        , m_maxDepth(qMin(limits.maxDepth, HardMaxDepth))
    { }

    std::optional<Document> parseDocument();

    ParseError error;

private:
    bool advance();
    bool fail(Location location, const QString &message);
    bool unexpected(const QString &expected);
    QString describe(const Token &token) const;
    bool at(QStringView punctuator) const { return m_token.isPunctuator(punctuator); }
    bool atName() const { return m_token.kind == Token::Kind::Name; }
    bool atEnd() const { return m_token.kind == Token::Kind::EndOfDocument; }
    bool expect(QStringView punctuator);
    bool expectName(QString *name, const QString &expected = {});
    bool expectKeyword(QStringView keyword);
    bool enter();
    void leave() { --m_depth; }

    bool parseDefinition(Document &document);
    bool parseOperation(Document &document);
    bool parseFragment(Document &document);
    bool parseVariableDefinitions(QList<VariableDefinition> &variables);
    bool parseSelectionSet(QList<Selection> &selections);
    bool parseSelection(Selection &selection);
    bool parseArguments(QList<Argument> &arguments, bool isConst);
    bool parseDirectives(QList<Directive> &directives, bool isConst);
    bool parseValue(Value &value, bool isConst);
    bool parseType(TypeRef &type);
    bool parseDescription(QString *description, bool *hasDescription);

    bool parseTypeSystem(Document &document, const QString &description, bool hasDescription,
                         Location start);
    bool parseSchema(SchemaDefinition &schema);
    bool parseDirectiveDefinition(DirectiveDefinition &directive);
    bool parseImplements(QStringList &interfaces);
    bool parseFieldDefinitions(QList<FieldDefinition> &fields);
    bool parseInputValueDefinitions(QList<InputValueDefinition> &values, QStringView open,
                                    QStringView close, const QString &what);
    bool parseInputValueDefinition(InputValueDefinition &value, const QString &what);
    bool parseUnionMembers(QStringList &members);
    bool parseEnumValues(QList<EnumValueDefinition> &values);

    Lexer m_lexer;
    Token m_token;
    Parser::DocumentKind m_kind;
    Parser::Limits m_limits;
    int m_maxDepth;
    qsizetype m_tokens = 0;
    int m_depth = 0;
    bool m_failed = false;
};

bool ParserImpl::fail(Location location, const QString &message)
{
    if (!m_failed) {
        error.message = message;
        error.location = location;
        m_failed = true;
    }
    return false;
}

bool ParserImpl::advance()
{
    if (m_failed)
        return false;
    ParseError lexError;
    if (!m_lexer.next(&m_token, &lexError))
        return fail(lexError.location, lexError.message);
    if (!atEnd() && ++m_tokens > m_limits.maxTokens)
        return fail(m_token.location,
                    tr("The document has too many tokens (more than %1)").arg(m_limits.maxTokens));
    return true;
}

bool ParserImpl::enter()
{
    if (++m_depth > m_maxDepth)
        return fail(m_token.location,
                    tr("The document is nested too deeply (more than %1 levels)").arg(m_maxDepth));
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
    case Token::Kind::String: {
        constexpr qsizetype maxShown = 24;
        if (token.text.size() > maxShown)
            return tr("string \"%1...\"").arg(QStringView(token.text).first(maxShown));
        return tr("string \"%1\"").arg(token.text);
    }
    case Token::Kind::BlockString:
        return tr("a block string");
    }
    return {};
}

bool ParserImpl::unexpected(const QString &expected)
{
    if (atEnd())
        return fail(m_token.location, tr("Unexpected end of document, expected %1").arg(expected));
    return fail(m_token.location, tr("Expected %1 but found %2").arg(expected, describe(m_token)));
}

bool ParserImpl::expect(QStringView punctuator)
{
    if (!at(punctuator))
        return unexpected(u'"' + punctuator + u'"');
    return advance();
}

bool ParserImpl::expectName(QString *name, const QString &expected)
{
    if (!atName())
        return unexpected(expected.isEmpty() ? tr("a name") : expected);
    *name = m_token.text;
    return advance();
}

bool ParserImpl::expectKeyword(QStringView keyword)
{
    if (!m_token.isName(keyword))
        return unexpected(u'"' + keyword + u'"');
    return advance();
}

std::optional<Document> ParserImpl::parseDocument()
{
    if (!advance())
        return std::nullopt;
    if (atEnd()) {
        fail(m_token.location, tr("The document is empty, expected a definition"));
        return std::nullopt;
    }
    Document document;
    while (!atEnd()) {
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
    const QString afterDescription = tr("a type-system definition after the description");

    const bool isExecutable = at(u"{")
        || (atName()
            && (m_token.text == u"query" || m_token.text == u"mutation"
                || m_token.text == u"subscription" || m_token.text == u"fragment"));
    if (isExecutable) {
        if (hasDescription)
            return unexpected(afterDescription);
        if (m_kind == Parser::DocumentKind::TypeSystem)
            return fail(start,
                        tr("An operation or fragment is not allowed in a type-system "
                           "document"));
        return m_token.isName(u"fragment") ? parseFragment(document) : parseOperation(document);
    }
    const bool isTypeSystem =
        isExtensibleKeyword(m_token) || m_token.isName(u"directive") || m_token.isName(u"extend");
    if (!isTypeSystem)
        return unexpected(hasDescription ? afterDescription : tr("a definition"));
    if (m_kind == Parser::DocumentKind::Executable)
        return fail(start,
                    tr("A type-system definition is not allowed in an executable "
                       "document"));
    return parseTypeSystem(document, description, hasDescription, start);
}

bool ParserImpl::parseDescription(QString *description, bool *hasDescription)
{
    *hasDescription =
        m_token.kind == Token::Kind::String || m_token.kind == Token::Kind::BlockString;
    if (!*hasDescription)
        return true;
    *description = m_token.text;
    return advance();
}

bool ParserImpl::parseOperation(Document &document)
{
    OperationDefinition &operation = document.operations.emplaceBack();
    operation.location = m_token.location;
    if (at(u"{"))
        return parseSelectionSet(operation.selectionSet);
    if (m_token.text == u"mutation")
        operation.type = OperationDefinition::Type::Mutation;
    else if (m_token.text == u"subscription")
        operation.type = OperationDefinition::Type::Subscription;
    if (!advance())
        return false;
    if (atName() && !expectName(&operation.name))
        return false;
    if (at(u"(") && !parseVariableDefinitions(operation.variables))
        return false;
    return parseDirectives(operation.directives, false)
        && parseSelectionSet(operation.selectionSet);
}

bool ParserImpl::parseFragment(Document &document)
{
    FragmentDefinition &fragment = document.fragments.emplaceBack();
    fragment.location = m_token.location;
    if (!advance())
        return false;
    if (m_token.isName(u"on"))
        return unexpected(tr("a fragment name"));
    return expectName(&fragment.name, tr("a fragment name")) && expectKeyword(u"on")
        && expectName(&fragment.typeCondition, tr("a type name"))
        && parseDirectives(fragment.directives, false) && parseSelectionSet(fragment.selectionSet);
}

bool ParserImpl::parseVariableDefinitions(QList<VariableDefinition> &variables)
{
    if (!expect(u"("))
        return false;
    do {
        if (!at(u"$"))
            return unexpected(variables.isEmpty() ? tr("a variable definition")
                                                  : tr("a variable definition or \")\""));
        VariableDefinition &variable = variables.emplaceBack();
        variable.location = m_token.location;
        if (!advance() || !expectName(&variable.name, tr("a variable name")) || !expect(u":")
            || !parseType(variable.type))
            return false;
        if (at(u"=")) {
            if (!advance() || !parseValue(variable.defaultValue.emplace(), true))
                return false;
        }
        if (!parseDirectives(variable.directives, true))
            return false;
    } while (!at(u")"));
    return advance();
}

bool ParserImpl::parseSelectionSet(QList<Selection> &selections)
{
    if (!at(u"{"))
        return unexpected(tr("a selection set (\"{\")"));
    if (!enter() || !advance())
        return false;
    do {
        if (!atName() && !at(u"..."))
            return unexpected(selections.isEmpty() ? tr("a selection")
                                                   : tr("a selection or \"}\""));
        if (!parseSelection(selections.emplaceBack()))
            return false;
    } while (!at(u"}"));
    leave();
    return advance();
}

bool ParserImpl::parseSelection(Selection &selection)
{
    selection.location = m_token.location;
    if (at(u"...")) {
        if (!advance())
            return false;
        if (atName() && m_token.text != u"on") {
            selection.kind = Selection::Kind::FragmentSpread;
            return expectName(&selection.name) && parseDirectives(selection.directives, false);
        }
        selection.kind = Selection::Kind::InlineFragment;
        if (m_token.isName(u"on")) {
            if (!advance() || !expectName(&selection.typeCondition, tr("a type name")))
                return false;
        }
        if (!parseDirectives(selection.directives, false))
            return false;
        if (!at(u"{"))
            return unexpected(selection.typeCondition.isEmpty() && selection.directives.isEmpty()
                                  ? tr("a fragment name, \"on\" or a selection set")
                                  : tr("a selection set (\"{\")"));
        return parseSelectionSet(selection.selectionSet);
    }
    selection.kind = Selection::Kind::Field;
    if (!expectName(&selection.name, tr("a field")))
        return false;
    if (at(u":")) {
        selection.alias = std::exchange(selection.name, QString());
        if (!advance() || !expectName(&selection.name, tr("a field name after the alias")))
            return false;
    }
    if (at(u"(") && !parseArguments(selection.arguments, false))
        return false;
    if (!parseDirectives(selection.directives, false))
        return false;
    if (at(u"{"))
        return parseSelectionSet(selection.selectionSet);
    return true;
}

bool ParserImpl::parseArguments(QList<Argument> &arguments, bool isConst)
{
    if (!expect(u"("))
        return false;
    do {
        if (!atName())
            return unexpected(arguments.isEmpty() ? tr("an argument") : tr("an argument or \")\""));
        Argument &argument = arguments.emplaceBack();
        argument.location = m_token.location;
        if (!expectName(&argument.name) || !expect(u":") || !parseValue(argument.value, isConst))
            return false;
    } while (!at(u")"));
    return advance();
}

bool ParserImpl::parseDirectives(QList<Directive> &directives, bool isConst)
{
    while (at(u"@")) {
        Directive &directive = directives.emplaceBack();
        directive.location = m_token.location;
        if (!advance() || !expectName(&directive.name, tr("a directive name")))
            return false;
        if (at(u"(") && !parseArguments(directive.arguments, isConst))
            return false;
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
    case Token::Kind::EndOfDocument:
        break;
    }

    if (at(u"$")) {
        if (isConst)
            return fail(m_token.location,
                        tr("Expected a constant value but found a variable (variables are not "
                           "allowed in default values and type-system directives)"));
        value.kind = Value::Kind::Variable;
        return advance() && expectName(&value.text, tr("a variable name"));
    }
    if (at(u"[")) {
        value.kind = Value::Kind::List;
        if (!enter() || !advance())
            return false;
        while (!at(u"]")) {
            if (atEnd()
                || (m_token.kind == Token::Kind::Punctuator && !at(u"$") && !at(u"[") && !at(u"{")))
                return unexpected(tr("a value or \"]\""));
            if (!parseValue(value.list.emplaceBack(), isConst))
                return false;
        }
        leave();
        return advance();
    }
    if (at(u"{")) {
        value.kind = Value::Kind::Object;
        if (!enter() || !advance())
            return false;
        while (!at(u"}")) {
            if (!atName())
                return unexpected(tr("an object field or \"}\""));
            auto &field = value.fields.emplaceBack();
            if (!expectName(&field.first) || !expect(u":") || !parseValue(field.second, isConst))
                return false;
        }
        leave();
        return advance();
    }
    return unexpected(tr("a value"));
}

bool ParserImpl::parseType(TypeRef &type)
{
    type.location = m_token.location;
    if (at(u"[")) {
        if (!enter() || !advance())
            return false;
        type.kind = TypeRef::Kind::List;
        type.ofType = std::make_shared<TypeRef>();
        if (!parseType(*type.ofType) || !expect(u"]"))
            return false;
        leave();
    } else {
        type.kind = TypeRef::Kind::Named;
        if (!expectName(&type.name, tr("a type")))
            return false;
    }
    if (at(u"!")) {
        auto inner = std::make_shared<TypeRef>(std::move(type));
        type = TypeRef();
        type.kind = TypeRef::Kind::NonNull;
        type.location = inner->location;
        type.ofType = std::move(inner);
        return advance();
    }
    return true;
}

bool ParserImpl::parseTypeSystem(Document &document, const QString &description,
                                 bool hasDescription, Location start)
{
    bool isExtension = false;
    if (m_token.isName(u"extend")) {
        if (hasDescription)
            return fail(m_token.location,
                        tr("Expected a type-system definition after the "
                           "description but found \"extend\": extensions "
                           "cannot have a description"));
        isExtension = true;
        if (!advance())
            return false;
        if (!isExtensibleKeyword(m_token))
            return unexpected(tr("schema, scalar, type, interface, union, enum or input after "
                                 "\"extend\""));
    }
    // A described definition is reported at its keyword: that is what a reader looks for.
    const Location location = hasDescription ? m_token.location : start;
    const QString keyword = m_token.text;

    if (keyword == u"schema") {
        SchemaDefinition &schema = document.schemaDefinitions.emplaceBack();
        schema.isExtension = isExtension;
        schema.description = description;
        schema.location = location;
        return advance() && parseSchema(schema);
    }
    if (keyword == u"directive") {
        DirectiveDefinition &directive = document.directiveDefinitions.emplaceBack();
        directive.description = description;
        directive.location = location;
        return advance() && parseDirectiveDefinition(directive);
    }

    TypeDefinition &type = document.types.emplaceBack();
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
    else
        type.kind = TypeDefinition::Kind::InputObject;
    if (!advance() || !expectName(&type.name, tr("a type name")))
        return false;

    bool hasBody = false;
    QString expectedBody;
    switch (type.kind) {
    case TypeDefinition::Kind::Scalar:
        if (!parseDirectives(type.directives, true))
            return false;
        hasBody = !type.directives.isEmpty();
        expectedBody = tr("a directive");
        break;
    case TypeDefinition::Kind::Object:
    case TypeDefinition::Kind::Interface:
        if (!parseImplements(type.interfaces) || !parseDirectives(type.directives, true))
            return false;
        if (at(u"{") && !parseFieldDefinitions(type.fields))
            return false;
        hasBody =
            !type.interfaces.isEmpty() || !type.directives.isEmpty() || !type.fields.isEmpty();
        expectedBody = tr("\"implements\", a directive or \"{\"");
        break;
    case TypeDefinition::Kind::Union:
        if (!parseDirectives(type.directives, true))
            return false;
        if (at(u"=") && !parseUnionMembers(type.unionMembers))
            return false;
        hasBody = !type.directives.isEmpty() || !type.unionMembers.isEmpty();
        expectedBody = tr("a directive or \"=\"");
        break;
    case TypeDefinition::Kind::Enum:
        if (!parseDirectives(type.directives, true))
            return false;
        if (at(u"{") && !parseEnumValues(type.enumValues))
            return false;
        hasBody = !type.directives.isEmpty() || !type.enumValues.isEmpty();
        expectedBody = tr("a directive or \"{\"");
        break;
    case TypeDefinition::Kind::InputObject:
        if (!parseDirectives(type.directives, true))
            return false;
        if (at(u"{")
            && !parseInputValueDefinitions(type.inputFields, u"{", u"}",
                                           tr("an input field definition")))
            return false;
        hasBody = !type.directives.isEmpty() || !type.inputFields.isEmpty();
        expectedBody = tr("a directive or \"{\"");
        break;
    }
    if (isExtension && !hasBody)
        return unexpected(expectedBody);
    return true;
}

bool ParserImpl::parseSchema(SchemaDefinition &schema)
{
    if (!parseDirectives(schema.directives, true))
        return false;
    if (!at(u"{")) {
        if (schema.isExtension && !schema.directives.isEmpty())
            return true;
        return unexpected(schema.isExtension ? tr("a directive or \"{\"") : u"\"{\""_s);
    }
    if (!advance())
        return false;
    do {
        if (!m_token.isName(u"query") && !m_token.isName(u"mutation")
            && !m_token.isName(u"subscription"))
            return unexpected(schema.operationTypes.isEmpty()
                                  ? tr("\"query\", \"mutation\" or \"subscription\"")
                                  : tr("\"query\", \"mutation\", \"subscription\" or \"}\""));
        auto &operationType = schema.operationTypes.emplaceBack();
        if (!expectName(&operationType.first) || !expect(u":")
            || !expectName(&operationType.second, tr("a type name")))
            return false;
    } while (!at(u"}"));
    return advance();
}

bool ParserImpl::parseDirectiveDefinition(DirectiveDefinition &directive)
{
    if (!expect(u"@") || !expectName(&directive.name, tr("a directive name")))
        return false;
    if (at(u"(")
        && !parseInputValueDefinitions(directive.arguments, u"(", u")",
                                       tr("an argument definition")))
        return false;
    if (m_token.isName(u"repeatable")) {
        directive.isRepeatable = true;
        if (!advance())
            return false;
    }
    if (!expectKeyword(u"on"))
        return false;
    if (at(u"|") && !advance())
        return false;
    while (true) {
        if (!atName()
            || std::find(DirectiveLocations.begin(), DirectiveLocations.end(), m_token.text)
                == DirectiveLocations.end())
            return unexpected(tr("a directive location"));
        directive.locations.append(m_token.text);
        if (!advance())
            return false;
        if (!at(u"|"))
            return true;
        if (!advance())
            return false;
    }
}

bool ParserImpl::parseImplements(QStringList &interfaces)
{
    if (!m_token.isName(u"implements"))
        return true;
    if (!advance())
        return false;
    if (at(u"&") && !advance())
        return false;
    while (true) {
        QString name;
        if (!expectName(&name, tr("an interface name")))
            return false;
        interfaces.append(name);
        if (!at(u"&"))
            return true;
        if (!advance())
            return false;
    }
}

bool ParserImpl::parseUnionMembers(QStringList &members)
{
    if (!expect(u"="))
        return false;
    if (at(u"|") && !advance())
        return false;
    while (true) {
        QString name;
        if (!expectName(&name, tr("a member type name")))
            return false;
        members.append(name);
        if (!at(u"|"))
            return true;
        if (!advance())
            return false;
    }
}

bool ParserImpl::parseFieldDefinitions(QList<FieldDefinition> &fields)
{
    if (!expect(u"{"))
        return false;
    do {
        FieldDefinition &field = fields.emplaceBack();
        field.location = m_token.location;
        bool hasDescription = false;
        if (!parseDescription(&field.description, &hasDescription))
            return false;
        if (hasDescription)
            field.location = m_token.location;
        if (!atName()) {
            if (hasDescription)
                return unexpected(tr("a field definition after the description"));
            return unexpected(fields.size() == 1 ? tr("a field definition")
                                                 : tr("a field definition or \"}\""));
        }
        if (!expectName(&field.name))
            return false;
        if (at(u"(")
            && !parseInputValueDefinitions(field.arguments, u"(", u")",
                                           tr("an argument definition")))
            return false;
        if (!expect(u":") || !parseType(field.type) || !parseDirectives(field.directives, true))
            return false;
    } while (!at(u"}"));
    return advance();
}

bool ParserImpl::parseInputValueDefinitions(QList<InputValueDefinition> &values, QStringView open,
                                            QStringView close, const QString &what)
{
    if (!expect(open))
        return false;
    do {
        if (!atName() && m_token.kind != Token::Kind::String
            && m_token.kind != Token::Kind::BlockString)
            return unexpected(values.isEmpty() ? what
                                               : tr("%1 or \"%2\"").arg(what, close.toString()));
        if (!parseInputValueDefinition(values.emplaceBack(), what))
            return false;
    } while (!at(close));
    return advance();
}

bool ParserImpl::parseInputValueDefinition(InputValueDefinition &value, const QString &what)
{
    bool hasDescription = false;
    if (!parseDescription(&value.description, &hasDescription))
        return false;
    value.location = m_token.location;
    if (hasDescription && !atName())
        return unexpected(tr("%1 after the description").arg(what));
    if (!expectName(&value.name) || !expect(u":") || !parseType(value.type))
        return false;
    if (at(u"=")) {
        if (!advance() || !parseValue(value.defaultValue.emplace(), true))
            return false;
    }
    return parseDirectives(value.directives, true);
}

bool ParserImpl::parseEnumValues(QList<EnumValueDefinition> &values)
{
    if (!expect(u"{"))
        return false;
    do {
        EnumValueDefinition &value = values.emplaceBack();
        bool hasDescription = false;
        if (!parseDescription(&value.description, &hasDescription))
            return false;
        value.location = m_token.location;
        if (!atName()) {
            if (hasDescription)
                return unexpected(tr("an enum value after the description"));
            return unexpected(values.size() == 1 ? tr("an enum value")
                                                 : tr("an enum value or \"}\""));
        }
        if (m_token.text == u"true" || m_token.text == u"false" || m_token.text == u"null")
            return fail(m_token.location,
                        tr("Expected an enum value but found \"%1\", which cannot be an enum value")
                            .arg(m_token.text));
        if (!expectName(&value.name) || !parseDirectives(value.directives, true))
            return false;
    } while (!at(u"}"));
    return advance();
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
            error->message = QCoreApplication::translate(
                                 "Stratus::GraphQL",
                                 "The document is too long (%1 characters, at most %2 allowed)")
                                 .arg(source.size())
                                 .arg(limits.maxSourceLength);
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
