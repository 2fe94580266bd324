import Foundation

/// Where a cassette's interactions and the fields `vcr lint` checks sit in its
/// text, gathered by the reader while it reads, when asked to.
///
/// ``Cassette`` itself keeps no source positions; this is for the package's tools.
package struct CassetteOutline: Sendable, Hashable {
    /// A 1-based line and column, counted as editors count them.
    package struct Position: Sendable, Hashable {
        /// The 1-based line.
        package var line: Int
        /// The 1-based column, counted in characters.
        package var column: Int

        /// Creates a position.
        package init(line: Int, column: Int) {
            self.line = line
            self.column = column
        }
    }

    /// The positions found in one interaction; nil for fields the file does not write.
    package struct InteractionPositions: Sendable, Hashable {
        /// The start of the interaction's mapping.
        package var start: Position
        /// The `id` value.
        package var id: Position?
        /// The start of the `request` value.
        package var request: Position?
        /// The request's `url` value.
        package var url: Position?
        /// The start of the `response` value.
        package var response: Position?
        /// The response's `status` value.
        package var status: Position?
        /// The response's `code` value.
        package var code: Position?

        /// Positions of an interaction that starts at `start`.
        package init(
            start: Position, id: Position? = nil, request: Position? = nil, url: Position? = nil,
            response: Position? = nil, status: Position? = nil, code: Position? = nil
        ) {
            (self.start, self.id, self.request, self.url) = (start, id, request, url)
            (self.response, self.status, self.code) = (response, status, code)
        }
    }

    /// The interactions' positions, in file order, one for each of the cassette's interactions.
    package var interactions: [InteractionPositions] = []
}

extension Cassette {
    /// Reads a cassette file as ``init(contentsOf:requiringServableResponses:)``
    /// does (in chunks, never whole in memory), also noting where its fields are.
    /// Errors are placed at lines and columns as editors count them.
    ///
    /// - Parameter keepingBodies: whether bodies are kept; when false each is
    ///   still checked but read as empty, so that memory holds no body.
    package static func outlined(
        contentsOf url: URL, requiringServableResponses: Bool = false, keepingBodies: Bool = true
    ) throws(CassetteError) -> (cassette: Cassette, outline: CassetteOutline) {
        let path = url.path
        let descriptor = try openFile(at: path)
        defer { close(descriptor) }
        return try CassetteDecoder.decodeOutlined(
            .file(descriptor: descriptor), path: path, requiresServableResponses: requiringServableResponses,
            keepsBodies: keepingBodies)
    }

    /// Reads a cassette from YAML bytes as ``outlined(contentsOf:)`` reads a file.
    package static func outlined(yaml: Data, path: String = "<memory>", requiringServableResponses: Bool = false)
        throws(CassetteError) -> (cassette: Cassette, outline: CassetteOutline)
    {
        let result = yaml.withUnsafeBytes { raw -> Result<(Cassette, CassetteOutline), CassetteError> in
            Result { () throws(CassetteError) in
                try CassetteDecoder.decodeOutlined(
                    .bytes(raw.assumingMemoryBound(to: UInt8.self)), path: path,
                    requiresServableResponses: requiringServableResponses, keepsBodies: true)
            }
        }
        return try result.get()
    }
}
