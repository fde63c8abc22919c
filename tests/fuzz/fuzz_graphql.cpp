// libFuzzer target for the GraphQL parser (src/graphql). Each input is parsed as every
// DocumentKind and with tight limits. Besides crashes, hangs and leaks it reports broken
// invariants:
//  - every location (of a node or of an error) lies inside the source;
//  - the restricted document kinds accept a subset of what DocumentKind::Any accepts, and give
//    the same tree; tighter limits never accept more;
//  - printing an accepted document back to GraphQL and parsing that gives the same document.
#include <Stratus/graphql.h>

#include <cstdint>
#include <cstdio>
#include <cstdlib>

using namespace Qt::StringLiterals;
using namespace Stratus::GraphQL;

namespace {

// A broken invariant is a finding: abort so that libFuzzer saves the input.
void check(bool condition, const char *what)
{
    if (!condition) {
        std::fprintf(stderr, "invariant broken: %s\n", what);
        std::abort();
    }
}

// The length in UTF-16 code units of each line of a source; \r\n, \r and \n end lines.
QList<qsizetype> lineLengths(QStringView source)
{
    QList<qsizetype> lengths;
    qsizetype start = 0;
    for (qsizetype i = 0; i < source.size(); ++i) {
        if (source[i] == u'\r' || source[i] == u'\n') {
            lengths.append(i - start);
            if (source[i] == u'\r' && i + 1 < source.size() && source[i + 1] == u'\n')
                ++i;
            start = i + 1;
        }
    }
    lengths.append(source.size() - start);
    return lengths;
}

// Walks a document calling every accessor, checks its invariants and prints it back as GraphQL:
// the printed text holds everything the tree holds except locations.
class Walker
{
public:
    // Locations are checked against \a lines unless it is empty.
    explicit Walker(const QList<qsizetype> &lines) : m_lines(lines) { }

    QString print(const Document &document);

private:
    void location(const Location &location, const char *what);
    void name(const QString &name, const char *what);
    void string(const QString &text);
    void description(const QString &text);
    void value(const Value &value);
    void type(const TypeRef &type);
    void arguments(const QList<Argument> &arguments);
    void directives(const QList<Directive> &directives);
    void selectionSet(const QList<Selection> &selections);
    void inputValues(const QList<InputValueDefinition> &values);
    void operation(const OperationDefinition &operation);
    void fragment(const FragmentDefinition &fragment);
    void typeDefinition(const TypeDefinition &type);
    void directiveDefinition(const DirectiveDefinition &directive);
    void schema(const SchemaDefinition &schema);

    const QList<qsizetype> &m_lines;
    QString m_out;
};

const QVariantMap variables = {{u"a"_s, 1}, {u"limit"_s, u"x"_s}, {u"input"_s, QVariantMap()}};

void Walker::location(const Location &location, const char *what)
{
    if (m_lines.isEmpty())
        return;
    check(location.line >= 1 && location.line <= m_lines.size(), what);
    check(location.column >= 1 && location.column <= m_lines.at(location.line - 1) + 1, what);
}

void Walker::name(const QString &name, const char *what)
{
    check(!name.isEmpty(), what);
    for (qsizetype i = 0; i < name.size(); ++i) {
        const char16_t u = name.at(i).unicode();
        check((u >= u'a' && u <= u'z') || (u >= u'A' && u <= u'Z') || u == u'_'
                  || (i > 0 && u >= u'0' && u <= u'9'),
              what);
    }
    m_out += name;
}

void Walker::string(const QString &text)
{
    m_out += u'"';
    for (const QChar c : text) {
        if (c == u'"' || c == u'\\') {
            m_out += u'\\';
            m_out += c;
        } else if (c.unicode() < 0x20) {
            m_out += u"\\u"_s + QString::number(c.unicode(), 16).rightJustified(4, u'0');
        } else {
            m_out += c;
        }
    }
    m_out += u'"';
}

void Walker::description(const QString &text)
{
    if (text.isEmpty())
        return;
    string(text);
    m_out += u'\n';
}

void Walker::value(const Value &value)
{
    location(value.location, "value location");
    const QVariant variant = value.toVariant(variables);
    switch (value.kind) {
    case Value::Kind::Null:
        check(variant.isNull(), "null value");
        m_out += u"null"_s;
        break;
    case Value::Kind::Variable:
        m_out += u'$';
        name(value.text, "variable name");
        break;
    case Value::Kind::Int:
    case Value::Kind::Float:
        check(!value.text.isEmpty(), "number text");
        check(variant.metaType().id() == QMetaType::LongLong
                  || variant.metaType().id() == QMetaType::Double,
              "number variant");
        m_out += value.text;
        break;
    case Value::Kind::String:
        check(variant.toString() == value.text, "string variant");
        string(value.text);
        break;
    case Value::Kind::Boolean:
        check(variant == QVariant(value.boolean), "boolean variant");
        m_out += value.boolean ? u"true"_s : u"false"_s;
        break;
    case Value::Kind::Enum:
        check(value.text != u"true" && value.text != u"false" && value.text != u"null",
              "enum value");
        name(value.text, "enum value");
        break;
    case Value::Kind::List:
        check(variant.toList().size() == value.list.size(), "list size");
        m_out += u'[';
        for (const Value &item : value.list) {
            this->value(item);
            m_out += u' ';
        }
        m_out += u']';
        break;
    case Value::Kind::Object:
        check(variant.toMap().size() <= value.fields.size(), "object size");
        m_out += u'{';
        for (const auto &[fieldName, field] : value.fields) {
            name(fieldName, "object field name");
            m_out += u": "_s;
            this->value(field);
            m_out += u' ';
        }
        m_out += u'}';
        break;
    }
}

void Walker::type(const TypeRef &type)
{
    location(type.location, "type location");
    const QString text = type.toString();
    const QString named = type.namedType();
    check(!named.isEmpty() && text.contains(named), "type name");
    check(type.isList() == text.startsWith(u'['), "list type");
    check(type.isNonNull() == text.endsWith(u'!'), "non-null type");
    check(type.kind == TypeRef::Kind::Named || type.ofType, "wrapping type without ofType");
    check(type.kind != TypeRef::Kind::NonNull || type.ofType->kind != TypeRef::Kind::NonNull,
          "non-null of non-null");
    m_out += text;
}

void Walker::arguments(const QList<Argument> &arguments)
{
    if (arguments.isEmpty())
        return;
    m_out += u'(';
    for (const Argument &argument : arguments) {
        location(argument.location, "argument location");
        name(argument.name, "argument name");
        m_out += u": "_s;
        value(argument.value);
        m_out += u' ';
    }
    m_out += u')';
}

void Walker::directives(const QList<Directive> &directives)
{
    for (const Directive &directive : directives) {
        location(directive.location, "directive location");
        m_out += u" @"_s;
        name(directive.name, "directive name");
        for (const Argument &argument : directive.arguments)
            check(directive.argument(argument.name) != nullptr, "directive argument");
        check(directive.argument(u"\u0001") == nullptr, "missing argument");
        arguments(directive.arguments);
    }
}

void Walker::selectionSet(const QList<Selection> &selections)
{
    check(!selections.isEmpty(), "empty selection set");
    m_out += u" {\n"_s;
    for (const Selection &selection : selections) {
        location(selection.location, "selection location");
        const QString key = selection.responseKey();
        switch (selection.kind) {
        case Selection::Kind::Field:
            check(key == (selection.alias.isEmpty() ? selection.name : selection.alias),
                  "response key");
            check(selection.typeCondition.isEmpty(), "field with a type condition");
            if (!selection.alias.isEmpty()) {
                name(selection.alias, "alias");
                m_out += u": "_s;
            }
            name(selection.name, "field name");
            arguments(selection.arguments);
            directives(selection.directives);
            if (!selection.selectionSet.isEmpty())
                selectionSet(selection.selectionSet);
            break;
        case Selection::Kind::FragmentSpread:
            check(selection.alias.isEmpty() && selection.arguments.isEmpty()
                      && selection.selectionSet.isEmpty() && selection.typeCondition.isEmpty(),
                  "fragment spread with field parts");
            check(selection.name != u"on", "fragment spread named on");
            m_out += u"..."_s;
            name(selection.name, "fragment spread name");
            directives(selection.directives);
            break;
        case Selection::Kind::InlineFragment:
            check(selection.alias.isEmpty() && selection.name.isEmpty()
                      && selection.arguments.isEmpty(),
                  "inline fragment with field parts");
            m_out += u"..."_s;
            if (!selection.typeCondition.isEmpty()) {
                m_out += u" on "_s;
                name(selection.typeCondition, "type condition");
            }
            directives(selection.directives);
            selectionSet(selection.selectionSet);
            break;
        }
        m_out += u'\n';
    }
    m_out += u'}';
}

void Walker::inputValues(const QList<InputValueDefinition> &values)
{
    for (const InputValueDefinition &definition : values) {
        location(definition.location, "input value location");
        description(definition.description);
        name(definition.name, "input value name");
        m_out += u": "_s;
        type(definition.type);
        if (definition.defaultValue) {
            m_out += u" = "_s;
            value(*definition.defaultValue);
        }
        directives(definition.directives);
        m_out += u'\n';
    }
}

void Walker::operation(const OperationDefinition &operation)
{
    location(operation.location, "operation location");
    switch (operation.type) {
    case OperationDefinition::Type::Query:
        m_out += u"query"_s;
        break;
    case OperationDefinition::Type::Mutation:
        m_out += u"mutation"_s;
        break;
    case OperationDefinition::Type::Subscription:
        m_out += u"subscription"_s;
        break;
    }
    if (!operation.name.isEmpty()) {
        m_out += u' ';
        name(operation.name, "operation name");
    }
    if (!operation.variables.isEmpty()) {
        m_out += u'(';
        for (const VariableDefinition &variable : operation.variables) {
            location(variable.location, "variable location");
            m_out += u'$';
            name(variable.name, "variable name");
            m_out += u": "_s;
            type(variable.type);
            if (variable.defaultValue) {
                m_out += u" = "_s;
                value(*variable.defaultValue);
            }
            directives(variable.directives);
            m_out += u' ';
        }
        m_out += u')';
    }
    directives(operation.directives);
    selectionSet(operation.selectionSet);
}

void Walker::fragment(const FragmentDefinition &fragment)
{
    location(fragment.location, "fragment location");
    check(fragment.name != u"on", "fragment named on");
    m_out += u"fragment "_s;
    name(fragment.name, "fragment name");
    m_out += u" on "_s;
    name(fragment.typeCondition, "fragment type condition");
    directives(fragment.directives);
    selectionSet(fragment.selectionSet);
}

void Walker::typeDefinition(const TypeDefinition &type)
{
    location(type.location, "type definition location");
    check(!type.isExtension || type.description.isEmpty(), "extension with a description");
    description(type.description);
    if (type.isExtension)
        m_out += u"extend "_s;
    static const QStringList keywords = {u"scalar"_s, u"type"_s, u"interface"_s,
                                         u"union"_s,  u"enum"_s, u"input"_s};
    m_out += keywords.at(int(type.kind)) + u' ';
    name(type.name, "type definition name");
    if (!type.interfaces.isEmpty()) {
        check(type.kind == TypeDefinition::Kind::Object
                  || type.kind == TypeDefinition::Kind::Interface,
              "interfaces on a type without fields");
        m_out += u" implements "_s;
        for (const QString &interface : type.interfaces) {
            name(interface, "interface name");
            m_out += u" & "_s;
        }
        m_out.chop(3);
    }
    directives(type.directives);
    check(type.fields.isEmpty() || type.kind == TypeDefinition::Kind::Object
              || type.kind == TypeDefinition::Kind::Interface,
          "fields on a type without fields");
    if (!type.fields.isEmpty()) {
        m_out += u" {\n"_s;
        for (const FieldDefinition &field : type.fields) {
            location(field.location, "field definition location");
            check(type.field(field.name) != nullptr, "type field");
            description(field.description);
            name(field.name, "field definition name");
            if (!field.arguments.isEmpty()) {
                m_out += u'(';
                inputValues(field.arguments);
                m_out += u')';
            }
            m_out += u": "_s;
            this->type(field.type);
            directives(field.directives);
            m_out += u'\n';
        }
        m_out += u'}';
    }
    check(type.unionMembers.isEmpty() || type.kind == TypeDefinition::Kind::Union,
          "members on a type other than a union");
    if (!type.unionMembers.isEmpty()) {
        m_out += u" = "_s;
        for (const QString &member : type.unionMembers) {
            name(member, "union member");
            m_out += u" | "_s;
        }
        m_out.chop(3);
    }
    check(type.enumValues.isEmpty() || type.kind == TypeDefinition::Kind::Enum,
          "enum values on a type other than an enum");
    if (!type.enumValues.isEmpty()) {
        m_out += u" {\n"_s;
        for (const EnumValueDefinition &value : type.enumValues) {
            location(value.location, "enum value location");
            check(value.name != u"true" && value.name != u"false" && value.name != u"null",
                  "enum value true, false or null");
            description(value.description);
            name(value.name, "enum value name");
            directives(value.directives);
            m_out += u'\n';
        }
        m_out += u'}';
    }
    check(type.inputFields.isEmpty() || type.kind == TypeDefinition::Kind::InputObject,
          "input fields on a type other than an input");
    if (!type.inputFields.isEmpty()) {
        m_out += u" {\n"_s;
        inputValues(type.inputFields);
        m_out += u'}';
    }
    if (type.isExtension) {
        check(!type.directives.isEmpty() || !type.interfaces.isEmpty() || !type.fields.isEmpty()
                  || !type.unionMembers.isEmpty() || !type.enumValues.isEmpty()
                  || !type.inputFields.isEmpty(),
              "extension without a body");
    }
}

void Walker::directiveDefinition(const DirectiveDefinition &directive)
{
    location(directive.location, "directive definition location");
    description(directive.description);
    m_out += u"directive @"_s;
    name(directive.name, "directive definition name");
    if (!directive.arguments.isEmpty()) {
        m_out += u'(';
        inputValues(directive.arguments);
        m_out += u')';
    }
    if (directive.isRepeatable)
        m_out += u" repeatable"_s;
    m_out += u" on "_s;
    check(!directive.locations.isEmpty(), "directive locations");
    for (const QString &location : directive.locations) {
        name(location, "directive location");
        m_out += u" | "_s;
    }
    m_out.chop(3);
}

void Walker::schema(const SchemaDefinition &schema)
{
    location(schema.location, "schema location");
    check(!schema.isExtension || schema.description.isEmpty(), "extension with a description");
    description(schema.description);
    if (schema.isExtension)
        m_out += u"extend "_s;
    m_out += u"schema"_s;
    directives(schema.directives);
    check(!schema.operationTypes.isEmpty() || (schema.isExtension && !schema.directives.isEmpty()),
          "schema without a body");
    if (!schema.operationTypes.isEmpty()) {
        m_out += u" {\n"_s;
        for (const auto &[operation, type] : schema.operationTypes) {
            check(operation == u"query" || operation == u"mutation" || operation == u"subscription",
                  "root operation");
            name(operation, "root operation");
            m_out += u": "_s;
            name(type, "root operation type");
            m_out += u'\n';
        }
        m_out += u'}';
    }
}

QString Walker::print(const Document &document)
{
    m_out.clear();
    // Each group as the parser returns it; every definition on lines of its own. Operations are
    // printed with their keyword, so nothing before them can swallow a `{`.
    for (const OperationDefinition &operation : document.operations) {
        this->operation(operation);
        m_out += u'\n';
    }
    for (const FragmentDefinition &fragment : document.fragments) {
        this->fragment(fragment);
        m_out += u'\n';
    }
    for (const TypeDefinition &type : document.types) {
        typeDefinition(type);
        m_out += u'\n';
    }
    for (const DirectiveDefinition &directive : document.directiveDefinitions) {
        directiveDefinition(directive);
        m_out += u'\n';
    }
    for (const SchemaDefinition &schema : document.schemaDefinitions) {
        this->schema(schema);
        m_out += u'\n';
    }
    return m_out;
}

void checkError(const ParseError &error, const QList<qsizetype> &lines)
{
    check(!error.message.isEmpty(), "error message");
    check(error.location.line >= 1 && error.location.line <= lines.size(), "error line");
    check(error.location.column >= 1
              && error.location.column <= lines.at(error.location.line - 1) + 1,
          "error column");
    check(error.toString().endsWith(error.message), "error text");
}

// The bytes as UTF-8, like a schema file or a request body. Bytes that start with a UTF-16 byte
// order mark are read as UTF-16 instead, so that the fuzzer reaches what UTF-8 cannot encode:
// lone surrogates.
QString decode(const uint8_t *data, size_t size)
{
    if (size >= 2
        && ((data[0] == 0xFE && data[1] == 0xFF) || (data[0] == 0xFF && data[1] == 0xFE))) {
        const bool bigEndian = data[0] == 0xFE;
        QString source;
        source.reserve(qsizetype(size / 2));
        for (size_t i = 2; i + 1 < size; i += 2) {
            const uint8_t high = bigEndian ? data[i] : data[i + 1];
            const uint8_t low = bigEndian ? data[i + 1] : data[i];
            source += QChar(char16_t(high << 8 | low));
        }
        return source;
    }
    return QString::fromUtf8(reinterpret_cast<const char *>(data), qsizetype(size));
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QString source = decode(data, size);
    const QList<qsizetype> lines = lineLengths(source);

    ParseError error;
    const std::optional<Document> any = Parser::parse(source, Parser::DocumentKind::Any, &error);
    QString printed;
    if (any) {
        printed = Walker(lines).print(*any);
        // The printed document parses to the same tree.
        ParseError reparseError;
        const std::optional<Document> reparsed =
            Parser::parse(printed, Parser::DocumentKind::Any, &reparseError);
        if (!reparsed) {
            std::fprintf(stderr, "the printed document does not parse: %s\n%s\n",
                         qPrintable(reparseError.toString()), qPrintable(printed));
            check(false, "round trip");
        }
        const QList<qsizetype> noLines;
        const QString reprinted = Walker(noLines).print(*reparsed);
        if (reprinted != printed) {
            std::fprintf(stderr, "printed:\n%s\nreprinted:\n%s\n", qPrintable(printed),
                         qPrintable(reprinted));
            check(false, "round trip");
        }
    } else {
        checkError(error, lines);
    }

    // The restricted kinds accept a subset of what Any accepts, and exactly the same trees.
    for (const auto kind : {Parser::DocumentKind::Executable, Parser::DocumentKind::TypeSystem}) {
        const std::optional<Document> document = Parser::parse(source, kind, &error);
        if (!document) {
            checkError(error, lines);
            continue;
        }
        check(any.has_value(), "restricted kind accepted what Any rejected");
        check(Walker(lines).print(*document) == printed, "restricted kind gave another tree");
        if (kind == Parser::DocumentKind::Executable)
            check(document->isExecutable(), "executable document with type-system definitions");
        else
            check(document->operations.isEmpty() && document->fragments.isEmpty(),
                  "type-system document with operations");
    }

    // Tight limits take the error paths for depth and token count, and never accept more.
    Parser::Limits limits;
    limits.maxDepth = 3;
    limits.maxTokens = 64;
    if (const auto limited = Parser::parse(source, Parser::DocumentKind::Any, limits, &error)) {
        check(any.has_value(), "limited parse accepted what the default rejected");
        check(Walker(lines).print(*limited) == printed, "limited parse gave another tree");
    } else {
        checkError(error, lines);
    }
    return 0;
}
