#include <Stratus/datastore.h>

#include <QtCore/qcoreapplication.h>
#include <QtCore/qtextstream.h>

using namespace Qt::StringLiterals;

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    Stratus::Error error;
    const auto schema = Stratus::Schema::fromGraphQL(
        u"type Todo @model { id: ID! name: String! }"_s, u"inline"_s, &error);
    if (!schema) {
        QTextStream(stderr) << error.toString() << '\n';
        return 1;
    }
    Stratus::DataStore store(*schema, app.arguments().value(1));
    store.save(store.create(u"Todo"_s, {{u"name"_s, u"milk"_s}}))
        .then(&app, [&](const Stratus::Result<Stratus::Record> &saved) {
            if (!saved) {
                QTextStream(stderr) << saved.error().toString() << '\n';
                app.exit(1);
                return;
            }
            // Copy what the next step needs: `saved` is gone when it runs.
            const QString name = saved->value(u"name"_s).toString();
            store.query(u"Todo"_s, Stratus::field(u"name"_s).eq(u"milk"_s))
                .then(&app, [&app, name](const Stratus::Result<Stratus::QueryResult> &found) {
                    QTextStream(stdout)
                        << "saved " << name << ", found " << found->items.size() << '\n';
                    app.exit(found ? 0 : 1);
                });
        });
    return app.exec();
}
