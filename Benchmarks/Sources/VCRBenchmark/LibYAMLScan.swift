import CLibYAML
import Foundation

/// The floor of loading: libyaml's parser run over the bytes, every event
/// deleted at once, nothing built.
enum LibYAMLScan {
    /// Parses `yaml` to its end; returns the number of events.
    static func events(in yaml: Data) throws -> Int {
        try yaml.withUnsafeBytes { raw in
            let parser = UnsafeMutablePointer<yaml_parser_t>.allocate(capacity: 1)
            defer { parser.deallocate() }
            guard yaml_parser_initialize(parser) == 1 else { throw LibYAMLFailure("parser allocation failed") }
            defer { yaml_parser_delete(parser) }
            yaml_parser_set_input_string(parser, raw.baseAddress?.assumingMemoryBound(to: UInt8.self), raw.count)
            var event = yaml_event_t()
            var count = 0
            while true {
                guard yaml_parser_parse(parser, &event) == 1 else { throw LibYAMLFailure(parser: parser) }
                count += 1
                let isEnd = event.type == YAML_STREAM_END_EVENT
                yaml_event_delete(&event)
                if isEnd { return count }
            }
        }
    }
}

/// A libyaml call that failed, with libyaml's own words.
struct LibYAMLFailure: Error, CustomStringConvertible {
    let description: String

    init(_ description: String) {
        self.description = description
    }

    init(parser: UnsafeMutablePointer<yaml_parser_t>) {
        let mark = parser.pointee.problem_mark
        let problem = parser.pointee.problem.map { String(cString: $0) } ?? "unknown problem"
        description = "libyaml: \(problem) at line \(mark.line + 1), column \(mark.column + 1)"
    }
}
