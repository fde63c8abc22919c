// A second process for tst_crashsafety: opens a DataStore on a file and either holds it
// ("hold": prints "ready", then waits until stdin closes) or saves records until it is killed
// ("write": prints each id once its save is acknowledged).
#include <Stratus/datastore.h>

#include <QtCore/qcoreapplication.h>
#include <QtCore/qsocketnotifier.h>
#include <QtCore/qtextstream.h>

#include <cstdio>
#include <unistd.h>

using namespace Qt::StringLiterals;
using namespace Stratus;

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    if (argc < 3)
        return 2;
    const auto schema = Schema::fromGraphQL(
        u"type Todo @model { id: ID! name: String! rank: Int tags: [String] }"_s);
    DataStore store(*schema, QString::fromLocal8Bit(argv[1]));
    const QString mode = QString::fromLocal8Bit(argv[2]);
    QTextStream out(stdout);

    if (mode == u"hold") {
        store.save(store.create(u"Todo"_s, {{u"name"_s, u"held"_s}}))
            .then(&app, [&](const Result<Record> &saved) {
                out << (saved ? "ready" : "failed") << Qt::endl;
            });
        QSocketNotifier input(STDIN_FILENO, QSocketNotifier::Read);
        QObject::connect(&input, &QSocketNotifier::activated, &app, [&] {
            char buffer[64];
            if (::read(STDIN_FILENO, buffer, sizeof buffer) <= 0)
                app.quit();
        });
        return app.exec();
    }

    // write: keep several saves in flight; acknowledge each as its future delivers.
    int next = 0;
    std::function<void()> saveOne = [&] {
        const int number = next++;
        const Record record =
            store.create(u"Todo"_s,
                         {{u"name"_s, u"n%1"_s.arg(number)},
                          {u"rank"_s, number},
                          {u"tags"_s, QVariantList{u"a"_s, QString(number % 7, u'x')}}});
        store.save(record).then(&app, [&, id = record.id()](const Result<Record> &saved) {
            if (!saved) {
                QTextStream(stderr) << saved.error().toString() << Qt::endl;
                app.exit(1);
                return;
            }
            out << id << Qt::endl; // flushed: the parent may kill us right after
            saveOne();
        });
    };
    for (int i = 0; i < 4; ++i)
        saveOne();
    return app.exec();
}
