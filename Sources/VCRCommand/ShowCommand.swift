import ArgumentParser
import VCRCassette

/// `vcr show`: prints a table of a cassette's interactions.
struct ShowCommand: ConsoleCommand {
    static let configuration = CommandConfiguration(
        commandName: "show",
        abstract: "Print a table of a cassette's interactions.",
        discussion: """
            Prints one row per interaction: its id, the request's method and URL, the \
            response's status code, the request and response body sizes in bytes, the \
            response's Content-Type and the recorded duration (time to response headers). \
            URLs longer than \(Self.urlWidth) characters are shortened in the middle with `…` \
            to keep the table readable; `vcr dump` prints them in full. Control characters \
            are shown as escapes such as `\\n`.

            Example:
              vcr show Cassettes/openai-chat-parallel-tool-calls.yaml
            """
    )

    /// The most characters of a URL the table shows.
    static let urlWidth = 60

    @Argument(help: "The cassette file.")
    var path: String

    func run(on console: Console) -> ExitCode {
        do {
            let cassette = try Cassette(yaml: try CassetteFiles.read(path), path: path)
            console.output(Self.table(of: cassette).rendered)
            return .success
        } catch {
            console.printError(error.description)
            return .failure
        }
    }

    /// The table `vcr show` prints for `cassette`.
    static func table(of cassette: Cassette) -> TextTable {
        var table = TextTable(columns: [
            .init(heading: "ID", alignment: .right),
            .init(heading: "METHOD", alignment: .left),
            .init(heading: "URL", alignment: .left),
            .init(heading: "CODE", alignment: .right),
            .init(heading: "REQ BYTES", alignment: .right),
            .init(heading: "RESP BYTES", alignment: .right),
            .init(heading: "CONTENT TYPE", alignment: .left),
            .init(heading: "DURATION", alignment: .right),
        ])
        for interaction in cassette.interactions {
            let request = interaction.request
            let response = interaction.response
            let contentType = response.headers.first { $0.key.lowercased() == "content-type" }?.value ?? []
            table.rows.append([
                String(interaction.id),
                displayable(request.method),
                shortened(displayable(request.url), to: urlWidth),
                String(response.code),
                String(request.body.count),
                String(response.body.count),
                contentType.isEmpty ? "-" : displayable(contentType.joined(separator: ", ")),
                response.duration.description,
            ])
        }
        return table
    }

    /// `text` cut to `width` characters by replacing its middle with `…`.
    static func shortened(_ text: String, to width: Int) -> String {
        guard text.count > width else { return text }
        let head = (width - 1) / 2
        return text.prefix(head) + "…" + text.suffix(width - 1 - head)
    }

    /// `text` with control characters and line separators escaped, so a cell stays on one line.
    static func displayable(_ text: String) -> String {
        var shown = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\n": shown += "\\n"
            case "\r": shown += "\\r"
            case "\t": shown += "\\t"
            case "\u{00}"..."\u{1F}", "\u{7F}"..."\u{9F}", "\u{2028}", "\u{2029}":
                shown += "\\u{" + String(scalar.value, radix: 16, uppercase: true) + "}"
            default:
                shown.unicodeScalars.append(scalar)
            }
        }
        return shown
    }
}
