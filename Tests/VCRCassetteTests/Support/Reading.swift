import Foundation
import VCRCassette

/// Reads a cassette from YAML text, naming it `test.yaml` in errors.
func readCassette(_ yaml: String) throws(CassetteError) -> Cassette {
    try Cassette(yaml: Data(yaml.utf8), path: "test.yaml")
}

/// The error reading the YAML text throws, or nil when it reads.
func readingError(_ yaml: String) -> CassetteError? {
    readingError(Data(yaml.utf8))
}

/// The error reading the YAML bytes throws, or nil when they read.
func readingError(_ yaml: Data) -> CassetteError? {
    do {
        _ = try Cassette(yaml: yaml, path: "test.yaml")
        return nil
    } catch {
        return error
    }
}
