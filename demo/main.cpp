#include <Stratus/datastore.h>

#include <QtCore/qcommandlineparser.h>
#include <QtCore/qcoreapplication.h>
#include <QtCore/qtextstream.h>

using namespace Qt::StringLiterals;
using namespace Stratus;

// Saves a list with a few todos, queries them back with a predicate and a sort, completes one,
// and prints what the outbox holds for sync.
int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    app.setApplicationName(u"stratus-demo"_s);
    QCommandLineParser parser;
    parser.addHelpOption();
    parser.addPositionalArgument(u"database"_s, u"The SQLite file (default: demo.sqlite)"_s);
    parser.process(app);
    QTextStream out(stdout);

    DataStore store;
    if (!store.loadSchema(u"qrc:/demo/schema.graphql"_s)) {
        QTextStream(stderr) << store.lastError().toString() << '\n';
        return 1;
    }
    store.setDatabasePath(parser.positionalArguments().value(0, u"demo.sqlite"_s));
    out << "Database: " << store.databasePath() << '\n';

    const Record list = store.create(u"TodoList"_s, {{u"name"_s, u"Groceries"_s}});
    QList<QFuture<Result<Record>>> saves{store.save(list)};
    const QList<std::pair<QString, QString>> todos = {
        {u"Milk"_s, u"HIGH"_s}, {u"Bread"_s, u"NORMAL"_s}, {u"Eggs"_s, u"HIGH"_s}};
    for (const auto &[title, priority] : todos)
        saves.append(store.save(store.create(u"Todo"_s,
                                             {{u"listID"_s, list.id()},
                                              {u"title"_s, title},
                                              {u"done"_s, false},
                                              {u"priority"_s, priority}})));
    // A save the schema refuses: the error names every problem.
    store.save(store.create(u"Todo"_s, {{u"title"_s, 42}, {u"priority"_s, u"URGENT"_s}}))
        .then(&app, [&out](const Result<Record> &refused) {
            out << "Refused: " << refused.error().message() << '\n';
        });

    saves.last().then(&app, [&](const Result<Record> &) {
        const Predicate urgent =
            field(u"listID"_s).eq(list.id()) && field(u"priority"_s).eq(u"HIGH"_s);
        store.query(u"Todo"_s, urgent, {{{u"title"_s, Qt::AscendingOrder}}, {}, {}})
            .then(&app, [&](const Result<QueryResult> &found) {
                if (!found) {
                    out << found.error().toString() << '\n';
                    app.exit(1);
                    return;
                }
                out << "High priority:";
                for (const Record &todo : found->items)
                    out << ' ' << todo.value(u"title"_s).toString();
                out << '\n';
                const Record done = found->items.first().copyOf(QVariantMap{{u"done"_s, true}});
                store.save(done).then(&app, [&](const Result<Record> &saved) {
                    out << "Completed " << saved->value(u"title"_s).toString() << " at "
                        << saved->value(u"updatedAt"_s).toString() << '\n';
                    store.pendingChangeCount().then(&app, [&](const Result<int> &count) {
                        out << "Changes waiting for sync: " << count.value() << '\n';
                        out.flush();
                        app.exit(0);
                    });
                });
            });
    });
    return app.exec();
}
