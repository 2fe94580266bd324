import CYAML
import Foundation

/// Where the fields `vcr lint` checks sit in a cassette's YAML text.
///
/// ``Cassette`` keeps no source positions, so lint walks the YAML events once more,
/// after the reader has accepted the file, and notes the line and column of each
/// interaction, of its `request` mapping and of its `id`, `url`, `status` and `code` values.
struct CassetteOutline {
    /// A 1-based line and column.
    struct Position: Hashable {
        /// The 1-based line.
        var line: Int
        /// The 1-based column, counted in characters.
        var column: Int
    }

    /// The positions found in one interaction; nil for fields the file does not write.
    struct InteractionPositions: Hashable {
        /// The start of the interaction's mapping.
        var start: Position
        /// The `id` value.
        var id: Position?
        /// The start of the `request` mapping.
        var request: Position?
        /// The request's `url` value.
        var url: Position?
        /// The response's `status` value.
        var status: Position?
        /// The response's `code` value.
        var code: Position?
    }

    /// The interactions' positions, in file order.
    private(set) var interactions: [InteractionPositions] = []

    /// Outlines YAML text; the outline ends early at a syntax error.
    init(yaml: Data) {
        guard !yaml.isEmpty else { return }
        interactions = yaml.withUnsafeBytes { buffer in
            var walker = Walker(lines: LineCounter(text: buffer))
            var parser = yaml_parser_t()
            guard yaml_parser_initialize(&parser) != 0 else { return [] }
            defer { yaml_parser_delete(&parser) }
            yaml_parser_set_input_string(&parser, buffer.bindMemory(to: UInt8.self).baseAddress, buffer.count)
            var event = yaml_event_t()
            while yaml_parser_parse(&parser, &event) != 0 {
                defer { yaml_event_delete(&event) }
                guard walker.visit(event) else { break }
            }
            return walker.interactions
        }
    }

    /// Turns libyaml's character offsets into lines and columns as editors count them.
    ///
    /// libyaml's own line numbers also break lines at U+0085, U+2028 and U+2029, which
    /// cassettes hold raw in literal blocks; editors break only at `\n`, `\r\n` and `\r`.
    private struct LineCounter {
        private let text: UnsafeRawBufferPointer
        private let start: Int
        private var offset: Int
        private var characters = 0
        private var position = Position(line: 1, column: 1)

        init(text: UnsafeRawBufferPointer) {
            self.text = text
            // libyaml skips a byte order mark without counting it.
            start = text.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
            offset = start
        }

        /// The position of the character at `index`, counted from the start of the text.
        mutating func position(ofCharacterAt index: Int) -> Position {
            if index < characters {
                (offset, characters, position) = (start, 0, Position(line: 1, column: 1))
            }
            while characters < index, offset < text.count {
                let byte = text[offset]
                offset += 1
                while offset < text.count, text[offset] & 0xC0 == 0x80 { offset += 1 }
                characters += 1
                let breaksLine = byte == UInt8(ascii: "\n")
                    || (byte == UInt8(ascii: "\r") && (offset == text.count || text[offset] != UInt8(ascii: "\n")))
                if breaksLine {
                    position = Position(line: position.line + 1, column: 1)
                } else {
                    position.column += 1
                }
            }
            return position
        }
    }

    /// Follows the event stream of the first document, keeping the path to the current node.
    private struct Walker {
        /// An open mapping or sequence.
        struct Frame {
            var isMapping: Bool
            /// In a mapping: the key whose value comes next, nil for a key that is not a scalar.
            var key: String?
            /// In a mapping: whether the next node is a key.
            var awaitsKey = true
            /// In a sequence: the index of the next item.
            var index = 0
        }

        var lines: LineCounter
        var frames: [Frame] = []
        var interactions: [InteractionPositions] = []

        /// Takes one event; returns false once the first document has ended.
        mutating func visit(_ event: yaml_event_t) -> Bool {
            let position = lines.position(ofCharacterAt: Int(event.start_mark.index))
            switch event.type {
            case YAML_DOCUMENT_END_EVENT, YAML_STREAM_END_EVENT:
                return false
            case YAML_SCALAR_EVENT:
                if let last = frames.indices.last, frames[last].isMapping, frames[last].awaitsKey {
                    let scalar = event.data.scalar
                    let key = UnsafeBufferPointer(start: scalar.value, count: scalar.length)
                    frames[last].key = String(decoding: key, as: UTF8.self)
                    frames[last].awaitsKey = false
                } else {
                    note(valueAt: position)
                    finishNode()
                }
            case YAML_ALIAS_EVENT:
                if let last = frames.indices.last, frames[last].isMapping, frames[last].awaitsKey {
                    frames[last].key = nil
                }
                finishNode()
            case YAML_MAPPING_START_EVENT, YAML_SEQUENCE_START_EVENT:
                if let last = frames.indices.last, frames[last].isMapping, frames[last].awaitsKey {
                    frames[last].key = nil
                } else {
                    note(valueAt: position)
                }
                frames.append(Frame(isMapping: event.type == YAML_MAPPING_START_EVENT))
            case YAML_MAPPING_END_EVENT, YAML_SEQUENCE_END_EVENT:
                frames.removeLast()
                finishNode()
            default:
                break
            }
            return true
        }

        /// Moves the innermost collection past the node that just ended.
        private mutating func finishNode() {
            guard let last = frames.indices.last else { return }
            if frames[last].isMapping {
                frames[last].awaitsKey.toggle()
            } else {
                frames[last].index += 1
            }
        }

        /// Records the position of a value that starts at `position`, if lint needs it.
        private mutating func note(valueAt position: Position) {
            guard frames.count >= 2, frames[0].isMapping, frames[0].key == "interactions", !frames[1].isMapping else { return }
            switch frames.count {
            case 2:
                if frames[1].index == interactions.count {
                    interactions.append(InteractionPositions(start: position))
                }
            case 3 where frames[1].index == interactions.count - 1:
                let last = interactions.count - 1
                switch frames[2].key {
                case "id": interactions[last].id = position
                case "request": interactions[last].request = position
                default: break
                }
            case 4 where frames[1].index == interactions.count - 1:
                let last = interactions.count - 1
                switch (frames[2].key, frames[3].key) {
                case ("request", "url"): interactions[last].url = position
                case ("response", "status"): interactions[last].status = position
                case ("response", "code"): interactions[last].code = position
                default: break
                }
            default:
                break
            }
        }
    }
}
