import JOSECore
import JWTValidation

/// The logic behind `jwt encode`, over an injected ``CommandEnvironment``. Prints the token and a newline.
public struct EncodeRunner {
    public let options: EncodeCommand

    public init(options: EncodeCommand) { self.options = options }

    public func run(environment: CommandEnvironment) -> JWTExit {
        do throws(JWTCommandsError) {
            if let problem = options.usageProblem() { throw JWTCommandsError.usage(problem) }
            let algorithm = JWSAlgorithm(rawValue: options.algorithm)!
            let now = (options.now.flatMap { TimeArgument.parse($0, now: 0) } ?? environment.now()).rounded(.down)
            let payload = try claims(now: now, environment: environment)
            var header: JSONObject = ["alg": .string(algorithm.rawValue)]
            if !options.typ.isEmpty { header["typ"] = .string(options.typ) }
            let token: String
            if algorithm == .none {
                for pair in options.headers { let (k, v) = Self.pair(pair); header[k] = v }
                token = Base64URL.encode(Array(JSONValue.object(header).compact.utf8)) + "."
                    + Base64URL.encode(Array(JSONValue.object(payload).compact.utf8)) + "."
            } else {
                let key = try signingKey(for: algorithm, environment: environment)
                if let kid = options.kid ?? key.kid { header["kid"] = .string(kid) }
                for pair in options.headers { let (k, v) = Self.pair(pair); header[k] = v }
                do throws(JOSEError) {
                    token = try JWSSigner.sign(header: header, payload: Array(JSONValue.object(payload).compact.utf8), key: key)
                } catch {
                    throw JWTCommandsError(error, message: "cannot sign with \(algorithm.rawValue): \(error.message)")
                }
            }
            environment.writeOut(token + "\n")
            return .ok
        } catch {
            environment.writeError("encode", error.message)
            return error.exit
        }
    }

    /// The claims set: the file's, then `--claim`s, then the times.
    func claims(now: Double, environment: CommandEnvironment) throws(JWTCommandsError) -> JSONObject {
        var object = JSONObject()
        if let path = options.claimsFile {
            let bytes = try environment.readFile(path, 1 << 20)
            do throws(JOSEError) {
                guard case .object(let o) = try JSONParser().parse(bytes, context: path) else {
                    throw JOSEError(.invalidClaims, "\(path): claims must be a JSON object")
                }
                object = o
            } catch {
                throw JWTCommandsError(error)
            }
        }
        for pair in options.claims {
            let (name, value) = Self.pair(pair)
            object[name] = value
        }
        // RFC 7519 §2 NumericDate, whole seconds, in the years 1…9999 (a relative time can still leave the range).
        func date(_ flag: String, _ text: String) throws(JWTCommandsError) -> JSONValue {
            let value = TimeArgument.parse(text, now: now) ?? .nan
            if let problem = NumericDate.rangeProblem(flag, seconds: value, text: text) { throw JWTCommandsError.usage(problem) }
            guard let seconds = CheckedInteger.int64(value, rounding: .down) else { throw JWTCommandsError.usage("\(flag) \(text) is not a time") }
            return .number(JSONNumber(text: String(seconds)))
        }
        if let iat = options.iat {
            object["iat"] = try date("--iat", iat)
        } else if !options.noIat, object["iat"] == nil {
            object["iat"] = try date("--now", "now")
        }
        if let nbf = options.nbf { object["nbf"] = try date("--nbf", nbf) }
        if let exp = options.exp { object["exp"] = try date("--exp", exp) }
        return object
    }

    /// `NAME=VALUE`, VALUE as JSON when it parses, else as a string.
    static func pair(_ text: String) -> (String, JSONValue) {
        let eq = text.firstIndex(of: "=")!
        let name = String(text[..<eq])
        let raw = String(text[text.index(after: eq)...])
        if let value = try? JSONParser().parse(raw, context: "value") { return (name, value) }
        return (name, .string(raw))
    }

    func signingKey(for algorithm: JWSAlgorithm, environment: CommandEnvironment) throws(JWTCommandsError) -> JWSKey {
        if let path = options.keyFile {
            let bytes = try environment.readFile(path, KeySources.maxFileBytes)
            let keys: [JWSKey]
            do throws(JOSEError) { keys = try KeyLoader.load(bytes) } catch { throw JWTCommandsError.badKey("--key \(path)", error) }
            let usable = keys.filter { $0.isPrivate && $0.compatibleAlgorithms.contains(algorithm) }
            // RFC 7515 §4.1.4: the kid names the key that signed; never write a kid the signing key does not have.
            let chosen: JWSKey?
            // A key without a kid (a PEM, a bare JWK) may be labelled with --kid; a key set whose keys carry kids
            // must hold the one named.
            if let kid = options.kid, usable.contains(where: { $0.kid != nil }) {
                chosen = usable.first { $0.kid.map { ExactText.equal($0, kid) } ?? false }
                if chosen == nil {
                    throw JWTCommandsError.keySource("--key \(path): no private key with kid \(kid) fits \(algorithm.rawValue)")
                }
            } else {
                chosen = usable.first
            }
            guard let chosen else {
                throw JWTCommandsError.keySource("--key \(path): no private key that fits \(algorithm.rawValue)")
            }
            return chosen
        }
        let sources = KeySources(secretFile: options.secretFile, secretVariable: options.secretEnv)
        let keys = try sources.secretKeys(environment: environment)
        guard let key = keys.first else { throw JWTCommandsError.usage("no key: give --key, --secret-file or --secret-env") }
        return key
    }
}
