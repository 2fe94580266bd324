import CYAML
import Foundation
import Testing

@testable import VCRCassette

/// The style the writer's emitter chooses from ``ScalarAnalysis`` is the one
/// libyaml's own emitter chooses: texts drawn at random from the bytes the
/// analysis looks at are written by libyaml as a block mapping's value, in
/// each requested style, and read back for the style it wrote (go-yaml's
/// emitter, a port of libyaml's, differs on one point, tabs in literal blocks).
@Suite struct ScalarAnalysisTests {
    /// Pieces of text, each valid UTF-8: blanks, breaks (NEL, LS and PS too),
    /// indicators, the document markers' characters, non-printable characters
    /// (a control byte, DEL, the byte order mark) and printable non-ASCII.
    private static let pieces: [[UInt8]] =
        [
            " ", "\t", "\n", "\r", ":", "#", "-", "?", ".", "'", "\"", "a", "Z", "1", ",", "[", "]", "{", "}", "!", "|",
            ">", "%", "@", "`", "&", "*", "\\", "é", "\u{85}", "\u{2028}", "\u{2029}", "\u{01}", "\u{7F}", "\u{FEFF}",
            "\u{A0}", "日",
        ].map { Array($0.utf8) }

    @Test func theWritersChoiceOfStyleIsLibyamls() throws {
        var random: UInt64 = 0x5EED_CAFE
        func next(_ bound: Int) -> Int {
            random = random &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int((random >> 33) % UInt64(bound))
        }
        var texts: [[UInt8]] = [[], Array("---".utf8), Array("...".utf8), Array("--- a".utf8)]
        for _ in 0..<3_000 {
            texts.append((0..<next(9)).flatMap { _ in Self.pieces[next(Self.pieces.count)] })
        }
        for text in texts {
            let analysis = ScalarAnalysis(text)
            // go-yaml's port of the emitter lets a literal block hold tabs,
            // which libyaml 0.2.5 writes double-quoted instead.
            let styles: [YAMLEmitter.Style] =
                text.contains(UInt8(ascii: "\t"))
                ? [.plain, .singleQuoted, .doubleQuoted] : [.plain, .singleQuoted, .doubleQuoted, .literal]
            for requested in styles {
                let ours = YAMLEmitter.Style.select(requested, for: text, analysis: analysis, isSimpleKey: false)
                let libyamls = try #require(Self.styleLibyamlWrites(text, requested: requested))
                #expect(ours == libyamls, "\(requested) \(text)")
            }
        }
    }

    /// The style libyaml's emitter writes `text` in as the value of a block
    /// mapping, asked for `requested`: the style its parser reads back.
    private static func styleLibyamlWrites(_ text: [UInt8], requested: YAMLEmitter.Style) -> YAMLEmitter.Style? {
        let capacity = 4_096
        let output = UnsafeMutablePointer<UInt8>.allocate(capacity: capacity)
        let written = UnsafeMutablePointer<Int>.allocate(capacity: 1)
        let emitter = UnsafeMutablePointer<yaml_emitter_t>.allocate(capacity: 1)
        defer {
            output.deallocate()
            written.deallocate()
            emitter.deallocate()
        }
        guard yaml_emitter_initialize(emitter) == 1 else { return nil }
        defer { yaml_emitter_delete(emitter) }
        yaml_emitter_set_unicode(emitter, 1)
        yaml_emitter_set_output_string(emitter, output, capacity, written)
        let style: yaml_scalar_style_t =
            switch requested {
            case .plain: YAML_PLAIN_SCALAR_STYLE
            case .singleQuoted: YAML_SINGLE_QUOTED_SCALAR_STYLE
            case .doubleQuoted: YAML_DOUBLE_QUOTED_SCALAR_STYLE
            case .literal: YAML_LITERAL_SCALAR_STYLE
            }
        var event = yaml_event_t()
        var emitted = true
        func emit(_ initialized: Int32) {
            emitted = emitted && initialized == 1 && yaml_emitter_emit(emitter, &event) == 1
        }
        emit(yaml_stream_start_event_initialize(&event, YAML_UTF8_ENCODING))
        emit(yaml_document_start_event_initialize(&event, nil, nil, nil, 1))
        emit(yaml_mapping_start_event_initialize(&event, nil, nil, 1, YAML_BLOCK_MAPPING_STYLE))
        var key = Array("k".utf8)
        emit(yaml_scalar_event_initialize(&event, nil, nil, &key, 1, 1, 1, YAML_PLAIN_SCALAR_STYLE))
        var value = text
        emit(yaml_scalar_event_initialize(&event, nil, nil, &value, Int32(value.count), 1, 1, style))
        emit(yaml_mapping_end_event_initialize(&event))
        emit(yaml_document_end_event_initialize(&event, 1))
        emit(yaml_stream_end_event_initialize(&event))
        guard emitted else { return nil }
        return styleOfSecondScalar(in: UnsafeBufferPointer(start: output, count: written.pointee))
    }

    /// The style of the second scalar event of `yaml`, as libyaml's parser reads it.
    private static func styleOfSecondScalar(in yaml: UnsafeBufferPointer<UInt8>) -> YAMLEmitter.Style? {
        let parser = UnsafeMutablePointer<yaml_parser_t>.allocate(capacity: 1)
        defer { parser.deallocate() }
        guard yaml_parser_initialize(parser) == 1 else { return nil }
        defer { yaml_parser_delete(parser) }
        yaml_parser_set_input_string(parser, yaml.baseAddress, yaml.count)
        var scalars = 0
        var event = yaml_event_t()
        while yaml_parser_parse(parser, &event) == 1 {
            defer { yaml_event_delete(&event) }
            if event.type == YAML_STREAM_END_EVENT { return nil }
            guard event.type == YAML_SCALAR_EVENT else { continue }
            scalars += 1
            guard scalars == 2 else { continue }
            switch event.data.scalar.style {
            case YAML_PLAIN_SCALAR_STYLE: return .plain
            case YAML_SINGLE_QUOTED_SCALAR_STYLE: return .singleQuoted
            case YAML_DOUBLE_QUOTED_SCALAR_STYLE: return .doubleQuoted
            case YAML_LITERAL_SCALAR_STYLE: return .literal
            default: return nil
            }
        }
        return nil
    }
}
