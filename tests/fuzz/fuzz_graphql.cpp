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

const QVariantMap variables = {{u"a"_s, 1}, {u"limit"_s, u"x"_s}, {u"input"_s, QVariantMap()}};

void exercise(const Value &value)
{
    const QVariant variant = value.toVariant(variables);
    if (value.kind == Value::Kind::List)
        check(variant.toList().size() == value.list.size(), "list size");
    for (const Value &item : value.list)
        exercise(item);
    for (const auto &[name, field] : value.fields) {
        check(!name.isEmpty(), "object field name");
        exercise(field);
    }
}

void exercise(const TypeRef &type)
{
    const QString text = type.toString();
    const QString named = type.namedType();
    check(!named.isEmpty() && text.contains(named), "type name");
    check(!type.isList() || text.startsWith(u'['), "list type");
    check(type.isNonNull() == text.endsWith(u'!'), "non-null type");
}

void exercise(const QList<Directive> &directives)
{
    for (const Directive &directive : directives) {
        check(!directive.name.isEmpty(), "directive name");
        for (const Argument &argument : directive.arguments) {
            check(directive.argument(argument.name) != nullptr, "directive argument");
            exercise(argument.value);
        }
        check(directive.argument(u"\u0001") == nullptr, "missing argument");
    }
}

void exercise(const QList<Selection> &selections)
{
    for (const Selection &selection : selections) {
        check(selection.kind == Selection::Kind::InlineFragment || !selection.name.isEmpty(),
              "selection name");
        (void)selection.responseKey();
        for (const Argument &argument : selection.arguments)
            exercise(argument.value);
        exercise(selection.directives);
        exercise(selection.selectionSet);
    }
}

void exercise(const QList<InputValueDefinition> &values)
{
    for (const InputValueDefinition &value : values) {
        exercise(value.type);
        if (value.defaultValue)
            exercise(*value.defaultValue);
        exercise(value.directives);
    }
}

void exercise(const Document &document)
{
    for (const OperationDefinition &operation : document.operations) {
        check(!operation.selectionSet.isEmpty(), "operation selection set");
        for (const VariableDefinition &variable : operation.variables) {
            exercise(variable.type);
            if (variable.defaultValue)
                exercise(*variable.defaultValue);
            exercise(variable.directives);
        }
        exercise(operation.directives);
        exercise(operation.selectionSet);
    }
    for (const FragmentDefinition &fragment : document.fragments) {
        exercise(fragment.directives);
        exercise(fragment.selectionSet);
    }
    for (const TypeDefinition &type : document.types) {
        exercise(type.directives);
        for (const FieldDefinition &field : type.fields) {
            check(type.field(field.name) != nullptr, "type field");
            exercise(field.type);
            exercise(field.arguments);
            exercise(field.directives);
        }
        exercise(type.inputFields);
        for (const EnumValueDefinition &value : type.enumValues)
            exercise(value.directives);
    }
    for (const DirectiveDefinition &directive : document.directiveDefinitions) {
        check(!directive.locations.isEmpty(), "directive locations");
        exercise(directive.arguments);
    }
    for (const SchemaDefinition &schema : document.schemaDefinitions)
        exercise(schema.directives);
}

void checkError(const ParseError &error)
{
    check(!error.message.isEmpty(), "error message");
    check(error.location.line >= 1 && error.location.column >= 1, "error location");
    (void)error.toString();
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QString source =
            QString::fromUtf8(reinterpret_cast<const char *>(data), qsizetype(size));

    ParseError error;
    const std::optional<Document> any = Parser::parse(source, Parser::DocumentKind::Any, &error);
    if (any)
        exercise(*any);
    else
        checkError(error);

    // The restricted kinds accept a subset of what Any accepts, and exactly the same trees.
    for (const auto kind : {Parser::DocumentKind::Executable, Parser::DocumentKind::TypeSystem}) {
        const std::optional<Document> document = Parser::parse(source, kind, &error);
        if (!document) {
            checkError(error);
            continue;
        }
        check(any.has_value(), "restricted kind accepted what Any rejected");
        check(document->operations.size() == any->operations.size()
                      && document->types.size() == any->types.size(),
              "restricted kind gave another tree");
        if (kind == Parser::DocumentKind::Executable)
            check(document->isExecutable(), "executable document with type-system definitions");
        else
            check(document->operations.isEmpty() && document->fragments.isEmpty(),
                  "type-system document with operations");
    }

    // Tight limits take the error paths for depth and token count.
    Parser::Limits limits;
    limits.maxDepth = 3;
    limits.maxTokens = 64;
    if (const auto limited = Parser::parse(source, Parser::DocumentKind::Any, limits, &error))
        check(any.has_value(), "limited parse accepted what the default rejected");
    else
        checkError(error);
    return 0;
}
