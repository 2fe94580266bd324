import Testing

@testable import VCR

@Suite struct UnifiedDiffTests {
    @Test func equalLinesHaveNoDiff() {
        #expect(UnifiedDiff.text(old: ["a", "b"], new: ["a", "b"], oldLabel: "old", newLabel: "new") == nil)
    }

    @Test func aChangeShowsItsContext() {
        let old = (1...10).map { "line \($0)" }
        var new = old
        new[4] = "line five"
        #expect(
            UnifiedDiff.text(old: old, new: new, oldLabel: "old", newLabel: "new")
                == """
                --- old
                +++ new
                @@ -2,7 +2,7 @@
                 line 2
                 line 3
                 line 4
                -line 5
                +line five
                 line 6
                 line 7
                 line 8
                """)
    }

    @Test func distantChangesMakeSeparateHunks() {
        let old = (1...20).map { "\($0)" }
        var new = old
        new[0] = "one"
        new.insert("extra", at: 18)
        #expect(
            UnifiedDiff.text(old: old, new: new, oldLabel: "a", newLabel: "b")
                == """
                --- a
                +++ b
                @@ -1,4 +1,4 @@
                -1
                +one
                 2
                 3
                 4
                @@ -16,5 +16,6 @@
                 16
                 17
                 18
                +extra
                 19
                 20
                """)
    }

    @Test func insertionsIntoAnEmptySide() {
        #expect(
            UnifiedDiff.text(old: [], new: ["x"], oldLabel: "a", newLabel: "b") == "--- a\n+++ b\n@@ -0,0 +1 @@\n+x")
    }

    @Test func longDiffsAreCut() {
        let old = (0..<500).map { "old \($0)" }
        let new = (0..<500).map { "new \($0)" }
        let text = UnifiedDiff.text(old: old, new: new, oldLabel: "a", newLabel: "b", lineLimit: 10) ?? ""
        #expect(text.split(separator: "\n").count == 13)
        #expect(text.hasSuffix("… 991 more diff lines"))
    }

    @Test func changeCountCountsDeletedAndInsertedLines() {
        #expect(UnifiedDiff.changeCount(old: ["a", "b", "c"], new: ["a", "x", "c", "d"]) == 3)
    }
}
