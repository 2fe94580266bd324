import Testing
import VCRCassette

@Suite struct GoDurationTests {
    @Test(arguments: [
        (Int64(0), "0s"), (1, "1ns"), (999, "999ns"), (1_000, "1µs"), (755_667, "755.667µs"),
        (999_347_125, "999.347125ms"), (1_000_000, "1ms"), (1_147_373_500, "1.1473735s"),
        (78_006_992_750, "1m18.00699275s"), (60_000_000_000, "1m0s"), (7_200_000_000_000, "2h0m0s"),
        (-1_500_000_000, "-1.5s"), (Int64.max, "2562047h47m16.854775807s"), (Int64.min, "-2562047h47m16.854775808s"),
    ])
    func formatsLikeGo(nanoseconds: Int64, text: String) {
        #expect(GoDuration(nanoseconds: nanoseconds).description == text)
        #expect(GoDuration(text)?.nanoseconds == nanoseconds)
    }

    @Test(arguments: [
        ("1.5h", Int64(5_400_000_000_000)), ("1h30m", 5_400_000_000_000), ("300ms", 300_000_000),
        ("-1.5h", -5_400_000_000_000),
        ("+5s", 5_000_000_000), ("2us", 2_000), ("2μs", 2_000), ("2µs", 2_000), (".5s", 500_000_000),
        ("5.s", 5_000_000_000),
        ("0", 0), ("-0", 0), ("1h1m1s1ms1us1ns", 3_661_001_001_001), ("0.000000001s", 1),
        ("9223372036854775807ns", Int64.max),
    ])
    func parsesGoSyntax(text: String, nanoseconds: Int64) {
        #expect(GoDuration(text)?.nanoseconds == nanoseconds)
    }

    @Test(arguments: [
        "", "1", "s", ".s", "1x", "-", "1.5", "9223372036854775808ns", "1e3s", " 1s", "1s ", "1 s", "10000000000000h",
    ])
    func rejectsWhatGoRejects(text: String) {
        #expect(GoDuration(text) == nil)
    }
}
