// A child process the tests start, to save cassettes from another process.
//
//   VCRTestChild record <cassette> <base URL> <tag> <rounds> <requests per round>
//     Each round opens a VCR on the cassette in new_episodes mode, sends
//     requests to <base URL>/<tag>/<round>/<n> through it and stops it, so
//     every round appends to the file; exits 1 on any failure.
//   VCRTestChild save-loop <cassette> <a.yaml> <b.yaml>
//     Saves the cassettes of a.yaml and b.yaml to <cassette> in turn, until killed.
import Foundation
import VCR
import VCRCassette

#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// Prints `message` on standard error and exits with status 1.
func fail(_ message: String) -> Never {
    FileHandle.standardError.write(Data("VCRTestChild: \(message)\n".utf8))
    exit(1)
}

/// Records `rounds` rounds of `perRound` requests into the cassette at `path`.
func record(path: String, base: String, tag: String, rounds: Int, perRound: Int) async {
    for round in 0..<rounds {
        let vcr: VCR
        do {
            vcr = try VCR(cassette: path, mode: .newEpisodes)
        } catch {
            fail("cannot open \(path): \(error)")
        }
        for request in 0..<perRound {
            guard let url = URL(string: "\(base)/\(tag)/\(round)/\(request)") else { fail("bad base URL \(base)") }
            do {
                _ = try await vcr.session.data(from: url)
            } catch {
                fail("request \(url) failed: \(error)")
            }
        }
        do {
            try vcr.stop().check(allowingUnused: true)
        } catch {
            fail("round \(round): \(error)")
        }
    }
}

/// Writes the two cassettes to `path` in turn, forever.
func saveLoop(path: String, first: String, second: String) -> Never {
    let cassettes: [Cassette]
    do {
        cassettes = [
            try Cassette(contentsOf: URL(fileURLWithPath: first)),
            try Cassette(contentsOf: URL(fileURLWithPath: second)),
        ]
    } catch {
        fail("\(error)")
    }
    let target = URL(fileURLWithPath: path)
    var turn = 0
    while true {
        do {
            try cassettes[turn % 2].write(to: target)
        } catch {
            fail("\(error)")
        }
        turn += 1
    }
}

let arguments = CommandLine.arguments
switch arguments.dropFirst().first {
case "record" where arguments.count == 7:
    guard let rounds = Int(arguments[5]), let perRound = Int(arguments[6]) else {
        fail("rounds and requests must be numbers")
    }
    await record(path: arguments[2], base: arguments[3], tag: arguments[4], rounds: rounds, perRound: perRound)
case "save-loop" where arguments.count == 5:
    saveLoop(path: arguments[2], first: arguments[3], second: arguments[4])
default:
    fail("usage: VCRTestChild record <cassette> <base URL> <tag> <rounds> <per round> | save-loop <cassette> <a> <b>")
}
