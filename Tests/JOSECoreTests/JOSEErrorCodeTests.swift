import JOSECore
import Testing

/// `JOSEError` codes: stable strings, unique, each with its class; equality on the code only.
@Suite struct JOSEErrorCodeTests {
    @Test func codesAreUniqueAndNamedJOSE() {
        let raw = JOSEError.Code.allCases.map(\.rawValue)
        #expect(Set(raw).count == raw.count, "duplicate code in \(raw)")
        #expect(raw.count == 10)
        for code in JOSEError.Code.allCases {
            #expect(code.rawValue.wholeMatch(of: /JOSE-\d{3}/) != nil, "\(code)")
            #expect(JOSEError.Code(rawValue: code.rawValue) == code)
        }
        #expect(JOSEError.Code(rawValue: "JOSE-999") == nil)
    }

    @Test(arguments: [
        (JOSEError.Code.invalidBase64URL, ErrorClass.malformedInput),
        (.malformedCompact, .malformedInput), (.invalidJSON, .malformedInput), (.invalidHeader, .malformedInput),
        (.invalidClaims, .malformedInput), (.inputTooLarge, .malformedInput), (.invalidKey, .malformedInput),
        (.unsupportedAlgorithm, .malformedInput), (.keyMismatch, .malformedInput), (.cryptoFailure, .internal),
    ])
    func eachCodeHasItsClass(_ code: JOSEError.Code, _ errorClass: ErrorClass) {
        #expect(JOSEError(code, "x").errorClass == errorClass)
    }

    @Test func equalityAndHashingUseTheCodeOnly() {
        #expect(JOSEError(.invalidJSON, "at byte 3") == JOSEError(.invalidJSON, "at byte 9"))
        #expect(JOSEError(.invalidJSON, "same") != JOSEError(.invalidKey, "same"))
        #expect(Set([JOSEError.Code.invalidJSON, .invalidJSON, .invalidKey]).count == 2)
        #expect("\(JOSEError(.invalidKey, "no key"))" == "no key")
    }

    @Test func callersMatchCodesWithoutAnExhaustiveSwitch() {
        // A `Code` is a struct, not a frozen enum: matching a few codes needs a `default`, and a new code is no break.
        let label: String = switch JOSEError(.inputTooLarge, "x").code {
        case .inputTooLarge: "too large"
        default: "other"
        }
        #expect(label == "too large")
    }
}
