#include <Stratus/graphql.h>

using namespace Qt::StringLiterals;

namespace Stratus::GraphQL {

QVariant Value::toVariant(const QVariantMap &variables) const
{
    switch (kind) {
    case Kind::Null:
        return QVariant();
    case Kind::Variable:
        return variables.value(text);
    case Kind::Int: {
        bool ok = false;
        const qlonglong number = text.toLongLong(&ok);
        if (ok)
            return QVariant(number);
        return QVariant(text.toDouble());
    }
    case Kind::Float:
        return QVariant(text.toDouble());
    case Kind::String:
    case Kind::Enum:
        return QVariant(text);
    case Kind::Boolean:
        return QVariant(boolean);
    case Kind::List: {
        QVariantList items;
        for (const Value &item : list)
            items.append(item.toVariant(variables));
        return items;
    }
    case Kind::Object: {
        QVariantMap map;
        for (const auto &[name, value] : fields)
            map.insert(name, value.toVariant(variables));
        return map;
    }
    }
    return QVariant();
}

QString TypeRef::namedType() const
{
    const TypeRef *type = this;
    while (type && type->kind != Kind::Named)
        type = type->ofType.get();
    return type ? type->name : QString();
}

bool TypeRef::isList() const
{
    if (kind == Kind::List)
        return true;
    return kind == Kind::NonNull && ofType && ofType->kind == Kind::List;
}

QString TypeRef::toString() const
{
    switch (kind) {
    case Kind::Named:
        return name;
    case Kind::List:
        return u'[' + (ofType ? ofType->toString() : QString()) + u']';
    case Kind::NonNull:
        return (ofType ? ofType->toString() : QString()) + u'!';
    }
    return {};
}

const Argument *Directive::argument(QStringView name) const
{
    for (const Argument &argument : arguments) {
        if (argument.name == name)
            return &argument;
    }
    return nullptr;
}

const FieldDefinition *TypeDefinition::field(QStringView name) const
{
    for (const FieldDefinition &definition : fields) {
        if (definition.name == name)
            return &definition;
    }
    return nullptr;
}

QString ParseError::toString() const
{
    return QString::number(location.line) + u':' + QString::number(location.column) + u": "_s
        + message;
}

} // namespace Stratus::GraphQL
