import Foundation

/// Where a test's cassette file lives.
///
/// A cassette is found under a directory (`Cassettes` by default) of the
/// package that contains the test file: the nearest directory above the file
/// that holds a `Package.swift`, or the file's own directory when there is none.
/// A named cassette is a path under that directory; an unnamed one is
/// `<TestGroup>/<testName>.yaml`, where the group is the XCTest case class or
/// the Swift Testing suite. A name without an extension gets `.yaml`; an
/// absolute name or directory is used as it is. Each case of a parameterized
/// test has its own file, in a folder named after the cassette.
struct CassetteLocation: Sendable, Hashable {
    /// The cassette's path relative to ``directory``, or absolute; nil for the default.
    var name: String?
    /// The directory of cassettes, relative to the package root or absolute.
    var directory: String

    /// The cassette file of the test named `test` in `group`, declared in the file at `filePath`.
    ///
    /// A case of a parameterized test, named `testCase` (see ``TestCaseName``),
    /// has a file of its own in a folder named like the test's cassette:
    /// `Cassettes/Suite/test/otters.yaml`.
    func url(group: String, test: String, testCase: String? = nil, filePath: String) -> URL {
        let relative = name ?? "\(group)/\(test)"
        let hasExtension = relative.hasSuffix(".yaml") || relative.hasSuffix(".yml")
        var file = hasExtension ? relative : relative + ".yaml"
        if let testCase {
            let fileExtension = (file as NSString).pathExtension
            file = (file as NSString).deletingPathExtension + "/" + testCase + "." + fileExtension
        }
        if file.hasPrefix("/") { return URL(fileURLWithPath: file) }
        let base =
            directory.hasPrefix("/")
            ? URL(fileURLWithPath: directory, isDirectory: true)
            : Self.packageRoot(containing: filePath).appendingPathComponent(directory, isDirectory: true)
        return base.appendingPathComponent(file).standardizedFileURL
    }

    /// The nearest directory above `filePath` that contains a `Package.swift`,
    /// or the file's directory when no such directory exists.
    static func packageRoot(containing filePath: String) -> URL {
        let fileDirectory = (filePath as NSString).deletingLastPathComponent
        var directory = fileDirectory
        while !directory.isEmpty {
            let manifest = (directory as NSString).appendingPathComponent("Package.swift")
            if FileManager.default.fileExists(atPath: manifest) {
                return URL(fileURLWithPath: directory, isDirectory: true)
            }
            let parent = (directory as NSString).deletingLastPathComponent
            if parent == directory { break }
            directory = parent
        }
        return URL(fileURLWithPath: fileDirectory, isDirectory: true)
    }

    /// A test function's name without its parameter list: `fetchesOrders(id:)` becomes `fetchesOrders`.
    static func baseName(of function: String) -> String {
        function.firstIndex(of: "(").map { String(function[..<$0]) } ?? function
    }
}
