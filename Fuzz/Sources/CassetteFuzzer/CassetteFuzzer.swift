import Foundation
import VCRCassette

/// Feeds libFuzzer's inputs to the cassette reader, and every cassette it
/// accepts through the writer and back: the values must come back equal and a
/// second write must repeat the first byte for byte.
@main
enum CassetteFuzzer {
    static func main() {
        var argc = CommandLine.argc
        var argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? = CommandLine.unsafeArgv
        exit(LLVMFuzzerRunDriver(&argc, &argv, fuzzOne))
    }
}

/// libFuzzer's entry point for a driver the program starts itself.
@_silgen_name("LLVMFuzzerRunDriver")
func LLVMFuzzerRunDriver(
    _ argc: UnsafeMutablePointer<Int32>,
    _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>,
    _ callback: @convention(c) (UnsafePointer<UInt8>?, Int) -> Int32
) -> Int32

/// One input: read it; if it is a cassette, write it, read that back and write again.
private func fuzzOne(_ bytes: UnsafePointer<UInt8>?, _ count: Int) -> Int32 {
    let input = bytes.map { Data(bytes: $0, count: count) } ?? Data()
    guard let cassette = try? Cassette(yaml: input, path: "<fuzz>") else { return 0 }
    let written = cassette.yaml()
    let reread: Cassette
    do {
        reread = try Cassette(yaml: written, path: "<rewritten>")
    } catch {
        fatalError("a written cassette does not read back: \(error)")
    }
    guard reread.interactions == cassette.interactions else {
        fatalError("a written cassette reads back to different values")
    }
    guard reread.yaml() == written else {
        fatalError("writing a cassette twice gives different bytes")
    }
    return 0
}
