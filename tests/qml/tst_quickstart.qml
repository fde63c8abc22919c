import QtQuick
import QtTest

// Loads the README's QML quick start as pasted and uses it as a person would.
Item {
    Loader {
        id: loader
        source: quickstartUrl
    }

    TestCase {
        name: "Quickstart"
        when: windowShown

        function test_addAndComplete() {
            tryCompare(loader, "status", Loader.Ready)
            const window = loader.item
            const field = findChild(window.contentItem, "name")
            const add = findChild(window.contentItem, "add")
            const list = findChild(window.contentItem, "todos")
            verify(field && add && list)
            tryCompare(list.model, "loading", false)
            const before = list.count
            field.text = "Buy milk"
            add.clicked()
            tryCompare(list, "count", before + 1)
            tryCompare(field, "text", "")
            let row = -1
            tryVerify(() => {
                for (let i = 0; i < list.count; ++i) {
                    const delegate = list.itemAtIndex(i)
                    if (delegate && delegate.text === "Buy milk")
                        row = i
                }
                return row >= 0
            })
            const item = list.itemAtIndex(row)
            item.toggle()
            item.toggled()
            tryCompare(list, "count", before)
            window.close()
        }
    }
}
