import QtQuick
import QtTest
import Stratus

Item {
    width: 200
    height: 400

    DataStore {
        id: store
        schema: Qt.resolvedUrl("data/todo.graphql")
        databasePath: testDatabaseDir + "/datastore.sqlite"
    }

    ListView {
        id: view
        width: 200
        height: 400
        model: DataStoreModel {
            id: todos
            store: store
            modelName: "Todo"
            filter: '{"done": {"ne": true}}'
            sort: "name"
        }
        delegate: Text {
            required property string name
            required property var record
            height: 20
            text: name
        }
    }

    SignalSpy {
        id: changes
        target: store
        signalName: "changed"
    }

    TestCase {
        name: "DataStore"
        when: windowShown

        // Calls fn(callback) and waits for the callback: returns [result, error].
        function settle(fn) {
            let answer = null
            fn((result, error) => { answer = [result, error] })
            tryVerify(() => answer !== null, 5000)
            return answer
        }

        // The text of the delegate at row, once the view has made it.
        function textAt(row) {
            const item = view.itemAtIndex(row)
            return item ? item.text : undefined
        }

        function init() {
            settle(done => store.clear(done))
            tryCompare(todos, "count", 0)
            changes.clear()
        }

        function test_listViewFollowsSavesAndRemoves() {
            const [milk, error] = settle(done => store.save("Todo", { name: "Milk", done: false }, done))
            compare(error, null)
            compare(milk.name, "Milk")
            verify(milk.id.length > 0)
            tryCompare(view, "count", 1)
            tryVerify(() => textAt(0) === "Milk")

            settle(done => store.save("Todo", { name: "Bread" }, done))
            tryCompare(view, "count", 2)
            tryVerify(() => textAt(0) === "Bread" && textAt(1) === "Milk")
            compare(view.itemAtIndex(1).record.done, false)

            // Only the given field changes; the record leaves the filter and the view.
            const [updated] = settle(done => store.save("Todo", { id: milk.id, done: true }, done))
            compare(updated.name, "Milk")
            tryCompare(view, "count", 1)

            const [removed] = settle(done => store.remove("Todo", { name: { eq: "Bread" } }, done))
            compare(removed.length, 1)
            tryCompare(view, "count", 0)
            tryCompare(changes, "count", 4)
            compare(changes.signalArguments[0][0], "INSERT")
            compare(changes.signalArguments[2][0], "UPDATE")
            compare(changes.signalArguments[3][0], "DELETE")
            compare(changes.signalArguments[3][1], "Todo")
        }

        function test_queryGetAndRemoveByKey() {
            for (const name of ["a", "b", "c"])
                settle(done => store.save("Todo", { name: name, priority: "HIGH" }, done))
            const [items, error] = settle(done => store.query("Todo", { priority: { eq: "HIGH" } },
                                                            { sort: "name desc", limit: 2 }, done))
            compare(error, null)
            compare(items.length, 2)
            compare(items[0].name, "c")
            compare(items.hasMore, true)
            const [one] = settle(done => store.get("Todo", items[1].id, done))
            compare(one.name, "b")
            const [removed] = settle(done => store.remove("Todo", one.id, done))
            compare(removed[0].name, "b")
            const [missing] = settle(done => store.get("Todo", one.id, done))
            compare(missing, null)
            const [all] = settle(done => store.query("Todo", null, done))
            compare(all.length, 2)
        }

        function test_errors() {
            let [saved, error] = settle(done => store.save("Todo", { name: 5, priority: "NONE" }, done))
            compare(saved, null)
            compare(error.kind, "Validation")
            compare(error.details.length, 2)
            ;[saved, error] = settle(done => store.query("Todo", { name: { like: "x" } }, done))
            verify(error.message.indexOf("unknown operator like") >= 0, error.message)
            ;[saved, error] = settle(done => store.save("Nope", { name: "x" }, done))
            compare(error.kind, "Schema")
            const problems = store.validate("Todo", { done: "yes" })
            compare(problems.length, 2)
            compare(problems.map(p => p.fieldName).sort(), ["done", "name"])
        }

        function test_conditionalSave() {
            const [todo] = settle(done => store.save("Todo", { name: "x", done: false }, done))
            let [saved, error] = settle(done => store.save("Todo", { id: todo.id, name: "y" },
                                                         { done: { eq: true } }, done))
            compare(error.kind, "Condition")
            ;[saved, error] = settle(done => store.save("Todo", { id: todo.id, name: "y" },
                                                     { done: { eq: false } }, done))
            compare(error, null)
            compare(saved.name, "y")
        }
    }
}
