/// What a file's text shows of its ``CassetteLayout``, gathered while it is read.
struct LayoutEvidence {
    private var indentation: CassetteLayout.Indentation?
    private var writesEmptyFields = false

    /// Notes a sequence that is the value of a key in column `keyColumn`: the first
    /// block sequence decides the indentation (indented when its items start right of the key).
    mutating func noteSequence(_ sequence: YAMLEvent, keyColumn: Int) {
        guard indentation == nil, !sequence.isFlow else { return }
        indentation = sequence.column > keyColumn ? .indented : .compact
    }

    /// Notes a field that newer go-vcr omits when empty; written empty, it marks the older style.
    mutating func noteOmittableField(isEmpty: Bool) {
        writesEmptyFields = writesEmptyFields || isEmpty
    }

    /// The layout the evidence points to: compact unless a block sequence showed otherwise.
    var layout: CassetteLayout {
        CassetteLayout(indentation: indentation ?? .compact, writesEmptyFields: writesEmptyFields)
    }
}
