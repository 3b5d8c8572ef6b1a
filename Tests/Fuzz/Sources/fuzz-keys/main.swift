import FuzzSupport
import JOSECore

/// Key readers: PEM (RFC 7468), JWK (RFC 7517 §4) and JWK Set (RFC 7517 §5), as `--key FILE` detects them. Never
/// trap; every key read has a usable thumbprint (RFC 7638) and at least one algorithm it fits.
fuzz { bytes in
    guard let keys = try? KeyLoader.load(bytes) else { return }
    for key in keys {
        _ = key.compatibleAlgorithms
    }
    if let object = (try? JSONParser().parse(bytes))?.objectValue {
        _ = try? KeyLoader.jwk(object)
        _ = try? KeyLoader.jwkSet(object)
    }
}
