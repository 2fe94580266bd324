import Foundation
import VCRCassette

extension VCR {
    /// JSON-RPC 2.0 replay: responses carry the live request's ids.
    public enum JSONRPCReplay {
        /// A ``ReplayHook`` that gives each replayed JSON-RPC response the id
        /// of the live request it answers.
        ///
        /// The recorded request's ids are paired with the live request's, the
        /// message's own or, in a batch, position by position. Each response
        /// message (one with `result` or `error`) whose id is a recorded one
        /// gets the live id; messages the server sent on its own (requests,
        /// notifications) are left alone. The body is a JSON object or batch,
        /// or a server-sent event stream whose `data:` lines hold them; only
        /// the id values change, and `Content-Length` follows the new length.
        public static let replaysLiveIDs: ReplayHook = { response, request, interaction in
            guard let live = request.body else { return }
            let pairs = idPairs(recorded: [UInt8](interaction.request.body), live: [UInt8](live))
            guard !pairs.isEmpty else { return }
            let body = [UInt8](response.body)
            let rewritten =
                isEventStream(response) ? rewritingEvents(body, pairs: pairs) : rewriting(body, pairs: pairs)
            guard rewritten != body else { return }
            response.body = Data(rewritten)
            for name in response.headers.keys where name.lowercased() == "content-length" {
                response.headers[name] = [String(rewritten.count)]
            }
            if response.contentLength >= 0 { response.contentLength = Int64(rewritten.count) }
        }

        /// The recorded ids (parsed) with the live ids (as written), message by message.
        private static func idPairs(recorded: [UInt8], live: [UInt8]) -> [(recorded: JSONValue, live: [UInt8])] {
            guard let old = JSONMessageScanner.messages(in: recorded), let new = JSONMessageScanner.messages(in: live)
            else { return [] }
            return zip(old, new).compactMap { old, new in
                guard let oldRange = old.id, let newRange = new.id,
                    let value = JSONParser.parse(Data(recorded[oldRange]))
                else { return nil }
                return (value, Array(live[newRange]))
            }
        }

        /// A JSON text with each response's recorded id replaced by its live id.
        private static func rewriting(_ text: [UInt8], pairs: [(recorded: JSONValue, live: [UInt8])]) -> [UInt8] {
            guard let messages = JSONMessageScanner.messages(in: text) else { return text }
            var result = text
            for message in messages.reversed() where message.isResponse {
                guard let range = message.id, let id = JSONParser.parse(Data(text[range])),
                    let pair = pairs.first(where: { $0.recorded == id })
                else { continue }
                result.replaceSubrange(range, with: pair.live)
            }
            return result
        }

        /// An event stream with the JSON of each `data:` line rewritten.
        private static func rewritingEvents(_ stream: [UInt8], pairs: [(recorded: JSONValue, live: [UInt8])]) -> [UInt8]
        {
            var result: [UInt8] = []
            result.reserveCapacity(stream.count)
            let prefix = Array("data:".utf8)
            var start = 0
            while start < stream.count {
                var end = start
                while end < stream.count, stream[end] != 0x0A, stream[end] != 0x0D { end += 1 }
                let line = stream[start..<end]
                if line.starts(with: prefix) {
                    var payload = line.index(line.startIndex, offsetBy: prefix.count)
                    if payload < end, stream[payload] == 0x20 { payload += 1 }
                    result += stream[start..<payload]
                    result += rewriting(Array(stream[payload..<end]), pairs: pairs)
                } else {
                    result += line
                }
                var next = end
                if next < stream.count {
                    next += stream[next] == 0x0D && next + 1 < stream.count && stream[next + 1] == 0x0A ? 2 : 1
                }
                result += stream[end..<next]
                start = next
            }
            return result
        }

        private static func isEventStream(_ response: RecordedResponse) -> Bool {
            HeaderFields(response.headers)["Content-Type"].contains { MediaType.of($0) == MediaType.eventStream }
        }
    }
}
