import QtQuick
import QtTest
import Stratus

TestCase {
    name: "Import"

    function test_version() {
        compare(Stratus.version, "0.1.0")
    }

    function test_checkFilter_data() {
        return [
            { tag: "valid", json: '{"done": {"eq": false}}', error: "" },
            { tag: "unknown operator", json: '{"done": {"like": 1}}', error: "unknown operator like" },
            { tag: "not JSON", json: '{', error: "Invalid filter JSON" },
        ]
    }

    function test_checkFilter(data) {
        const message = Stratus.checkFilter(data.json)
        if (data.error === "")
            compare(message, "")
        else
            verify(message.indexOf(data.error) >= 0, message)
    }
}
