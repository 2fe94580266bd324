import ArgumentParser
import VCRCassette

/// `vcr fmt --style compact|indented|folded|goccy`: a writer style named by its raw value.
extension CassetteLayout.Style: ExpressibleByArgument {}
