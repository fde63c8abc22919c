#include "sqlcompiler_p.h"

#include "predicate_p.h"

using namespace Qt::StringLiterals;

namespace Stratus {

namespace {

class Compiler
{
public:
    Compiler(const ModelSchema &model, const QString &alias, const Schema *schema)
        : m_model(model), m_alias(alias), m_schema(schema)
    { }

    QString compile(const Predicate &predicate);
    QVariantList bindings;

private:
    QString column(const QString &field) const
    {
        const QString name = SqlCompiler::quote(field);
        return m_alias.isEmpty() ? name : m_alias + u'.' + name;
    }
    QString bind(const QVariant &value)
    {
        // QSQLITE binds a null QString as SQL NULL; compare with the empty string instead.
        if (value.metaType().id() == QMetaType::QString && value.toString().isNull())
            bindings.append(QVariant(u""_s));
        else
            bindings.append(value);
        return u"?"_s;
    }
    QString comparison(const Predicate &predicate);

    QString parentComparison(const Predicate &predicate);

    ModelSchema m_model;
    QString m_alias;
    const Schema *m_schema;
    int m_parents = 0;
};

// EXISTS (SELECT 1 FROM "Blog" AS p1 WHERE p1."id" = "Post"."blogPostsId" AND <leaf on p1>):
// a record without a parent matches no parent comparison.
QString Compiler::parentComparison(const Predicate &predicate)
{
    const QString path = predicate.field();
    const ModelField relation = m_model.field(path.section(u'.', 0, 0));
    const ModelSchema parent = m_schema ? m_schema->model(relation.relatedModel()) : ModelSchema();
    if (!parent.isValid())
        return u"0"_s;
    const QString alias = u"p"_s + QString::number(++m_parents);
    const QString self = m_alias.isEmpty() ? SqlCompiler::quote(m_model.name()) : m_alias;
    QStringList join;
    const QStringList key = parent.primaryKey();
    const QStringList foreignKey = relation.targetNames();
    for (qsizetype i = 0; i < key.size() && i < foreignKey.size(); ++i)
        join.append(alias + u'.' + SqlCompiler::quote(key.at(i)) + u" = "_s + self + u'.'
                    + SqlCompiler::quote(foreignKey.at(i)));
    Compiler inner(parent, alias, m_schema);
    inner.m_parents = m_parents;
    const QString leaf = inner.compile(
        Predicate::comparison(path.section(u'.', 1), predicate.op(), predicate.value()));
    bindings += inner.bindings;
    return u"EXISTS (SELECT 1 FROM "_s + SqlCompiler::quote(parent.name()) + u" AS "_s + alias
        + u" WHERE "_s + join.join(u" AND "_s) + u" AND "_s + alias + u"._deleted = 0 AND "_s + leaf
        + u')';
}

QString Compiler::compile(const Predicate &predicate)
{
    switch (predicate.kind()) {
    case Predicate::Kind::All:
        return u"1"_s;
    case Predicate::Kind::Comparison:
        return comparison(predicate);
    case Predicate::Kind::And:
    case Predicate::Kind::Or: {
        const QList<Predicate> children = predicate.children();
        if (children.isEmpty())
            return predicate.kind() == Predicate::Kind::And ? u"1"_s : u"0"_s;
        QStringList parts;
        for (const Predicate &child : children)
            parts.append(compile(child));
        return u'(' + parts.join(predicate.kind() == Predicate::Kind::And ? u" AND "_s : u" OR "_s)
            + u')';
    }
    case Predicate::Kind::Not:
        // SQL's NULL would make NOT(NULL) unknown; the in-memory evaluation says true. An
        // unknown below NOT always stands for false in memory (leaves are false on null and
        // AND/OR are monotone), so IFNULL(..., 0) makes the two agree.
        return u"NOT IFNULL("_s + compile(predicate.children().constFirst()) + u", 0)"_s;
    }
    return u"0"_s;
}

QString Compiler::comparison(const Predicate &predicate)
{
    if (predicate.field().contains(u'.'))
        return parentComparison(predicate);
    using Op = Predicate::Operator;
    const QString col = column(predicate.field());
    const QVariant value = predicate.value();
    const bool isList = m_model.field(predicate.field()).isList();
    const bool valueNull = PredicateValues::isNull(value);
    switch (predicate.op()) {
    case Op::Eq:
        return valueNull ? QString(col + u" IS NULL"_s) : QString(col + u" = "_s + bind(value));
    case Op::Ne:
        return valueNull ? QString(col + u" IS NOT NULL"_s)
                         : QString(col + u" IS NOT "_s + bind(value));
    case Op::Gt:
        return col + u" > "_s + bind(value);
    case Op::Ge:
        return col + u" >= "_s + bind(value);
    case Op::Lt:
        return col + u" < "_s + bind(value);
    case Op::Le:
        return col + u" <= "_s + bind(value);
    case Op::Between: {
        const QVariantList bounds = value.toList();
        const QString low = bind(bounds.value(0));
        const QString high = bind(bounds.value(1));
        return u'(' + col + u" >= "_s + low + u" AND "_s + col + u" <= "_s + high + u')';
    }
    case Op::Contains:
    case Op::NotContains: {
        QString test;
        if (isList) {
            test = u"EXISTS (SELECT 1 FROM json_each("_s + col
                + u") AS e WHERE e.type NOT IN ('null', 'object', 'array') AND e.value = "_s
                + bind(value) + u')';
        } else {
            test = u"instr("_s + col + u", "_s + bind(value) + u") > 0"_s;
        }
        if (predicate.op() == Op::Contains)
            return u'(' + col + u" IS NOT NULL AND "_s + test + u')';
        return u'(' + col + u" IS NULL OR NOT "_s + test + u')';
    }
    case Op::BeginsWith:
        return u"(substr("_s + col + u", 1, length("_s + bind(value) + u")) = "_s + bind(value)
            + u')';
    case Op::In:
    case Op::NotIn: {
        QStringList placeholders;
        bool hasNull = false;
        const QVariantList items = value.toList();
        QStringList marks;
        for (const QVariant &item : items) {
            if (PredicateValues::isNull(item))
                hasNull = true;
            else
                marks.append(bind(item));
        }
        const QString inList = marks.isEmpty() ? u"0"_s : col + u" IN (" + marks.join(u", ") + u')';
        const QString matchIn = hasNull ? u'(' + col + u" IS NULL OR "_s + inList + u')'
                                        : u'(' + col + u" IS NOT NULL AND "_s + inList + u')';
        if (predicate.op() == Op::In)
            return matchIn;
        return u"NOT "_s + matchIn;
    }
    }
    return u"0"_s;
}

} // namespace

QString SqlCompiler::quote(const QString &identifier)
{
    QString quoted = identifier;
    quoted.replace(u'"', u"\"\""_s);
    return u'"' + quoted + u'"';
}

SqlFragment SqlCompiler::compile(const Predicate &predicate, const ModelSchema &model,
                                 const QString &tableAlias, const Schema *schema)
{
    Compiler compiler(model, tableAlias, schema);
    SqlFragment fragment;
    fragment.sql = compiler.compile(predicate);
    fragment.bindings = compiler.bindings;
    return fragment;
}

} // namespace Stratus
