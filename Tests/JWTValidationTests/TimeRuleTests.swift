import Testing
import JOSECore
@testable import JWTValidation

/// exp / nbf / iat / leeway / lifetime, at a fixed instant (RFC 7519 §4.1.4–4.1.6).
@Suite struct TimeRuleTests {
    static let now = TokenFactory.now

    @Test(arguments: [
        (#"{"exp":1700000100}"#, 60.0, false, Finding.Status.pass),
        (#"{"exp":1700000000}"#, 60.0, false, .warn),      // passed, inside the leeway
        (#"{"exp":1699999941}"#, 60.0, false, .warn),
        (#"{"exp":1699999940}"#, 60.0, false, .fail),      // now >= exp + leeway
        (#"{"exp":1699999999}"#, 0.0, false, .fail),
        (#"{"exp":1700000000}"#, 0.0, false, .fail),       // "before" exp, so equal fails
        (#"{"exp":1700000000.5}"#, 0.0, false, .pass),
        (#"{"sub":"x"}"#, 60.0, false, .fail),             // exp required
        (#"{"sub":"x"}"#, 60.0, true, .warn),              // allowed missing
        (#"{"exp":"1800000000"}"#, 60.0, false, .fail),     // a string is not a NumericDate
        (#"{"exp":"1800000000"}"#, 60.0, true, .fail),      // not treated as absent
        (#"{"exp":null}"#, 60.0, true, .fail),
    ])
    func expiration(claims: String, leeway: Double, allowMissing: Bool, status: Finding.Status) throws {
        let options = ValidationOptions(now: Self.now, leeway: leeway, allowMissingExp: allowMissing)
        #expect(try TokenFactory.evaluate(ExpirationRule(), claims: claims, options: options).status == status)
    }

    @Test(arguments: [
        (#"{"nbf":1700000000}"#, 60.0, Finding.Status.pass),
        (#"{"nbf":1700000060}"#, 60.0, .pass),
        (#"{"nbf":1700000061}"#, 60.0, .fail),
        (#"{"nbf":1700000001}"#, 0.0, .fail),
        (#"{"sub":"x"}"#, 60.0, .skip),
        (#"{"nbf":"1"}"#, 60.0, .fail),
    ])
    func notBefore(claims: String, leeway: Double, status: Finding.Status) throws {
        let options = ValidationOptions(now: Self.now, leeway: leeway)
        #expect(try TokenFactory.evaluate(NotBeforeRule(), claims: claims, options: options).status == status)
    }

    @Test(arguments: [
        (#"{"iat":1699990000}"#, 60.0, Finding.Status.pass),
        (#"{"iat":1700000060}"#, 60.0, .pass),
        (#"{"iat":1700000061}"#, 60.0, .fail),
        (#"{"iat":1700000001}"#, 0.0, .fail),
        (#"{"iat":1699990000,"exp":1699980000}"#, 60.0, .fail),   // exp before iat
        (#"{"sub":"x"}"#, 60.0, .skip),
        (#"{"iat":true}"#, 60.0, .fail),
    ])
    func issuedAt(claims: String, leeway: Double, status: Finding.Status) throws {
        let options = ValidationOptions(now: Self.now, leeway: leeway)
        #expect(try TokenFactory.evaluate(IssuedAtRule(), claims: claims, options: options).status == status)
    }

    @Test(arguments: [
        (#"{"iat":1700000000,"exp":1700003600}"#, 3600.0 as Double?, Finding.Status.pass),
        (#"{"iat":1700000000,"exp":1700003601}"#, 3600.0, .fail),
        (#"{"nbf":1700000000,"exp":1700007200}"#, 3600.0, .fail),
        (#"{"exp":1700003000}"#, 3600.0, .pass),                 // from now
        (#"{"exp":1700090000}"#, 3600.0, .fail),
        (#"{"iat":1700000000}"#, 3600.0, .fail),                 // unbounded
        (#"{"iat":1700000000,"exp":1800000000}"#, nil, .skip),
    ])
    func lifetime(claims: String, max: Double?, status: Finding.Status) throws {
        let options = ValidationOptions(now: Self.now, maxLifetime: max)
        #expect(try TokenFactory.evaluate(LifetimeRule(), claims: claims, options: options).status == status)
    }

    @Test(arguments: [
        (#"{"exp":1800000000}"#, Finding.Status.pass),
        (#"{"exp":"1800000000"}"#, .fail),
        (#"{"iat":"now"}"#, .fail),
        (#"{"nbf":[1]}"#, .fail),
        (#"{"exp":1800000000000}"#, .warn),   // milliseconds
    ])
    func numericDates(claims: String, status: Finding.Status) throws {
        #expect(try TokenFactory.evaluate(NumericDateRule(), claims: claims).status == status)
    }

    @Test(arguments: [
        (1_700_000_000.0, #"{"exp":1699999000}"#, "expired: exp 1699999000 is 1000 s before now (leeway 60 s)"),
        (1_700_000_000.25, #"{"exp":1700003600}"#, "not expired: exp 1700003600 is 3600 s after now"),
        (1_700_000_000.0, #"{"exp":1700000001.5}"#, "not expired: exp 1700000001.5 is 1.5 s after now"),
    ])
    func expirationMessages(now: Double, claims: String, message: String) throws {
        #expect(try TokenFactory.evaluate(ExpirationRule(), claims: claims, options: ValidationOptions(now: now)).message == message)
    }

    /// Attack: `exp` as a string must fail, never be coerced into a number.
    @Test func expAsStringIsRefused() throws {
        let token = try TokenFactory.unsigned(claims: #"{"sub":"a","exp":"9999999999"}"#)
        let report = Validator(options: ValidationOptions(now: Self.now)).validate(token: token, keys: [])
        #expect(report.finding("EXP-01")?.status == .fail)
        #expect(report.finding("DATE-01")?.status == .fail)
        #expect(report.finding("DATE-01")?.message.contains("must be a NumericDate") == true)
        #expect(!report.passed)
    }
}
