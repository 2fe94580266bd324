import CLibYAML
import Foundation

/// The floor of saving: libyaml's emitter writing an event stream to memory.
///
/// The events are parsed from the cassette's own bytes before the timing
/// starts (``EventStream/init(parsing:)``); the timed part is only
/// `yaml_emitter_emit` for each event, into a growing buffer. The emitter
/// takes each event over and frees it, so a stream is emitted once.
final class EventStream {
    private let events: UnsafeMutableBufferPointer<yaml_event_t>
    private var isEmitted = false
    /// The size of the text the events came from, to size the output buffer.
    let sourceCount: Int

    /// Collects every event libyaml parses from `yaml`.
    init(parsing yaml: Data) throws {
        var collected: [yaml_event_t] = []
        try yaml.withUnsafeBytes { raw in
            let parser = UnsafeMutablePointer<yaml_parser_t>.allocate(capacity: 1)
            defer { parser.deallocate() }
            guard yaml_parser_initialize(parser) == 1 else { throw LibYAMLFailure("parser allocation failed") }
            defer { yaml_parser_delete(parser) }
            yaml_parser_set_input_string(parser, raw.baseAddress?.assumingMemoryBound(to: UInt8.self), raw.count)
            while true {
                var event = yaml_event_t()
                guard yaml_parser_parse(parser, &event) == 1 else {
                    collected.indices.forEach { yaml_event_delete(&collected[$0]) }
                    throw LibYAMLFailure(parser: parser)
                }
                collected.append(event)
                if event.type == YAML_STREAM_END_EVENT { break }
            }
        }
        events = .allocate(capacity: collected.count)
        _ = events.initialize(from: collected)
        sourceCount = yaml.count
    }

    deinit {
        if !isEmitted {
            for index in events.indices { yaml_event_delete(&events[index]) }
        }
        events.deallocate()
    }

    /// Emits the events as block YAML (2-space indent, unlimited width, UTF-8
    /// unescaped, as go-vcr's encoder is set up); returns the bytes written.
    func emit() throws -> Int {
        precondition(!isEmitted, "an event stream is emitted once")
        isEmitted = true
        let output = OutputBuffer(capacity: sourceCount + sourceCount / 8)
        let emitter = UnsafeMutablePointer<yaml_emitter_t>.allocate(capacity: 1)
        defer { emitter.deallocate() }
        guard yaml_emitter_initialize(emitter) == 1 else { throw LibYAMLFailure("emitter allocation failed") }
        defer { yaml_emitter_delete(emitter) }
        yaml_emitter_set_unicode(emitter, 1)
        yaml_emitter_set_width(emitter, -1)
        yaml_emitter_set_indent(emitter, 2)
        yaml_emitter_set_output(
            emitter,
            { context, bytes, count in
                guard let context, let bytes else { return 0 }
                Unmanaged<OutputBuffer>.fromOpaque(context).takeUnretainedValue()
                    .append(UnsafeBufferPointer(start: bytes, count: count))
                return 1
            }, Unmanaged.passUnretained(output).toOpaque())
        var failure: String?
        for index in events.indices {
            // Once emitting fails, the remaining events still belong to us.
            if failure != nil {
                yaml_event_delete(&events[index])
            } else if yaml_emitter_emit(emitter, &events[index]) != 1 {
                failure = emitter.pointee.problem.map { String(cString: $0) } ?? "unknown problem"
            }
        }
        withExtendedLifetime(output) {}
        if let failure { throw LibYAMLFailure("libyaml emitter: \(failure)") }
        return output.bytes.count
    }
}

/// The growing buffer the emitter writes to.
private final class OutputBuffer {
    var bytes: [UInt8] = []

    init(capacity: Int) {
        bytes.reserveCapacity(capacity)
    }

    func append(_ chunk: UnsafeBufferPointer<UInt8>) {
        bytes.append(contentsOf: chunk)
    }
}
