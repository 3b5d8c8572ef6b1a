/// Member names that JOSE and JWT register (RFC 7515 §4.1, RFC 7516 §4.1, RFC 7517 §4, RFC 7518 §6, RFC 7519 §4.1,
/// OpenID Connect Core §2 and §5.1, RFC 8693 §4, RFC 7800 §3.1) and that fit in 7 UTF-8 bytes, keyed by
/// ``JSONObject/hash(_:)-(String)``: the bytes little-endian with the length in the top byte. A name's key equals one
/// of these exactly when the name is that string, so readers match names as integers and the parser hands out the
/// constant strings below instead of building a new `String` for each member.
enum RegisteredName: UInt64, CaseIterable {
    case alg = 0x0300_0000_0067_6C61
    case enc = 0x0300_0000_0063_6E65
    case typ = 0x0300_0000_0070_7974
    case cty = 0x0300_0000_0079_7463
    case kid = 0x0300_0000_0064_696B
    case crit = 0x0400_0000_7469_7263
    case jku = 0x0300_0000_0075_6B6A
    case jwk = 0x0300_0000_006B_776A
    case x5u = 0x0300_0000_0075_3578
    case x5c = 0x0300_0000_0063_3578
    case x5t = 0x0300_0000_0074_3578
    case b64 = 0x0300_0000_0034_3662
    case zip = 0x0300_0000_0070_697A
    case epk = 0x0300_0000_006B_7065
    case apu = 0x0300_0000_0075_7061
    case apv = 0x0300_0000_0076_7061
    case iv = 0x0200_0000_0000_7669
    case tag = 0x0300_0000_0067_6174
    case p2s = 0x0300_0000_0073_3270
    case p2c = 0x0300_0000_0063_3270
    case url = 0x0300_0000_006C_7275
    case nonce = 0x0500_0065_636E_6F6E
    case ppt = 0x0300_0000_0074_7070
    case iss = 0x0300_0000_0073_7369
    case sub = 0x0300_0000_0062_7573
    case aud = 0x0300_0000_0064_7561
    case exp = 0x0300_0000_0070_7865
    case nbf = 0x0300_0000_0066_626E
    case iat = 0x0300_0000_0074_6169
    case jti = 0x0300_0000_0069_746A
    case azp = 0x0300_0000_0070_7A61
    case scope = 0x0500_0065_706F_6373
    case tid = 0x0300_0000_0064_6974
    case oid = 0x0300_0000_0064_696F
    case sid = 0x0300_0000_0064_6973
    case acr = 0x0300_0000_0072_6361
    case amr = 0x0300_0000_0072_6D61
    case ver = 0x0300_0000_0072_6576
    case name = 0x0400_0000_656D_616E
    case email = 0x0500_006C_6961_6D65
    case roles = 0x0500_0073_656C_6F72
    case groups = 0x0600_7370_756F_7267
    case cid = 0x0300_0000_0064_6963
    case uid = 0x0300_0000_0064_6975
    case at_hash = 0x0768_7361_685F_7461
    case c_hash = 0x0600_6873_6168_5F63
    case upn = 0x0300_0000_006E_7075
    case appid = 0x0500_0064_6970_7061
    case idp = 0x0300_0000_0070_6469
    case uti = 0x0300_0000_0069_7475
    case rh = 0x0200_0000_0000_6872
    case wids = 0x0400_0000_7364_6977
    case locale = 0x0600_656C_6163_6F6C
    case gender = 0x0600_7265_646E_6567
    case profile = 0x0765_6C69_666F_7270
    case picture = 0x0765_7275_7463_6970
    case website = 0x0765_7469_7362_6577
    case act = 0x0300_0000_0074_6361
    case may_act = 0x0774_6361_5F79_616D
    case cnf = 0x0300_0000_0066_6E63
    case scp = 0x0300_0000_0070_6373
    case kty = 0x0300_0000_0079_746B
    case use = 0x0300_0000_0065_7375
    case key_ops = 0x0773_706F_5F79_656B
    case n = 0x0100_0000_0000_006E
    case e = 0x0100_0000_0000_0065
    case crv = 0x0300_0000_0076_7263
    case x = 0x0100_0000_0000_0078
    case y = 0x0100_0000_0000_0079
    case d = 0x0100_0000_0000_0064
    case p = 0x0100_0000_0000_0070
    case q = 0x0100_0000_0000_0071
    case dp = 0x0200_0000_0000_7064
    case dq = 0x0200_0000_0000_7164
    case qi = 0x0200_0000_0000_6971
    case k = 0x0100_0000_0000_006B
    case keys = 0x0400_0000_7379_656B
    case oth = 0x0300_0000_0068_746F
    case r = 0x0100_0000_0000_0072
    case t = 0x0100_0000_0000_0074

    /// The name as a string constant.
    var text: String {
        switch self {
        case .alg: "alg"
        case .enc: "enc"
        case .typ: "typ"
        case .cty: "cty"
        case .kid: "kid"
        case .crit: "crit"
        case .jku: "jku"
        case .jwk: "jwk"
        case .x5u: "x5u"
        case .x5c: "x5c"
        case .x5t: "x5t"
        case .b64: "b64"
        case .zip: "zip"
        case .epk: "epk"
        case .apu: "apu"
        case .apv: "apv"
        case .iv: "iv"
        case .tag: "tag"
        case .p2s: "p2s"
        case .p2c: "p2c"
        case .url: "url"
        case .nonce: "nonce"
        case .ppt: "ppt"
        case .iss: "iss"
        case .sub: "sub"
        case .aud: "aud"
        case .exp: "exp"
        case .nbf: "nbf"
        case .iat: "iat"
        case .jti: "jti"
        case .azp: "azp"
        case .scope: "scope"
        case .tid: "tid"
        case .oid: "oid"
        case .sid: "sid"
        case .acr: "acr"
        case .amr: "amr"
        case .ver: "ver"
        case .name: "name"
        case .email: "email"
        case .roles: "roles"
        case .groups: "groups"
        case .cid: "cid"
        case .uid: "uid"
        case .at_hash: "at_hash"
        case .c_hash: "c_hash"
        case .upn: "upn"
        case .appid: "appid"
        case .idp: "idp"
        case .uti: "uti"
        case .rh: "rh"
        case .wids: "wids"
        case .locale: "locale"
        case .gender: "gender"
        case .profile: "profile"
        case .picture: "picture"
        case .website: "website"
        case .act: "act"
        case .may_act: "may_act"
        case .cnf: "cnf"
        case .scp: "scp"
        case .kty: "kty"
        case .use: "use"
        case .key_ops: "key_ops"
        case .n: "n"
        case .e: "e"
        case .crv: "crv"
        case .x: "x"
        case .y: "y"
        case .d: "d"
        case .p: "p"
        case .q: "q"
        case .dp: "dp"
        case .dq: "dq"
        case .qi: "qi"
        case .k: "k"
        case .keys: "keys"
        case .oth: "oth"
        case .r: "r"
        case .t: "t"
        }
    }
}

extension RegisteredName {
    /// The registered name whose key is `key`, if any. A perfect hash (multiplier found by search) picks the only
    /// candidate slot and one comparison confirms it: a jump table instead of the binary search of
    /// `init(rawValue:)`. The tests check that every name is found, so adding a name may need a new multiplier.
    @inline(__always)
    static func lookup(_ key: UInt64) -> RegisteredName? {
        let candidate: RegisteredName
        switch (key &* 0x7C61_4238_6A1C_4BFD) &>> 55 {
        case 6: candidate = .x5c
        case 13: candidate = .nbf
        case 17: candidate = .key_ops
        case 21: candidate = .uti
        case 29: candidate = .url
        case 30: candidate = .e
        case 42: candidate = .tid
        case 44: candidate = .crit
        case 52: candidate = .zip
        case 57: candidate = .dp
        case 62: candidate = .website
        case 63: candidate = .p2s
        case 80: candidate = .ver
        case 85: candidate = .apv
        case 92: candidate = .appid
        case 99: candidate = .acr
        case 123: candidate = .cnf
        case 135: candidate = .epk
        case 136: candidate = .typ
        case 140: candidate = .profile
        case 149: candidate = .x
        case 153: candidate = .gender
        case 164: candidate = .kty
        case 178: candidate = .t
        case 181: candidate = .jwk
        case 184: candidate = .roles
        case 192: candidate = .r
        case 195: candidate = .jku
        case 203: candidate = .at_hash
        case 207: candidate = .p
        case 209: candidate = .x5t
        case 210: candidate = .aud
        case 212: candidate = .azp
        case 213: candidate = .iss
        case 214: candidate = .email
        case 215: candidate = .scp
        case 221: candidate = .n
        case 222: candidate = .cty
        case 223: candidate = .enc
        case 242: candidate = .picture
        case 249: candidate = .locale
        case 252: candidate = .dq
        case 278: candidate = .may_act
        case 279: candidate = .b64
        case 287: candidate = .c_hash
        case 291: candidate = .uid
        case 293: candidate = .d
        case 305: candidate = .sid
        case 306: candidate = .exp
        case 320: candidate = .use
        case 327: candidate = .sub
        case 334: candidate = .oid
        case 342: candidate = .x5u
        case 350: candidate = .scope
        case 353: candidate = .nonce
        case 356: candidate = .jti
        case 359: candidate = .name
        case 363: candidate = .kid
        case 364: candidate = .act
        case 392: candidate = .alg
        case 394: candidate = .qi
        case 397: candidate = .y
        case 417: candidate = .upn
        case 419: candidate = .tag
        case 420: candidate = .iv
        case 421: candidate = .cid
        case 429: candidate = .iat
        case 444: candidate = .oth
        case 446: candidate = .wids
        case 448: candidate = .rh
        case 455: candidate = .q
        case 460: candidate = .crv
        case 465: candidate = .apu
        case 468: candidate = .groups
        case 480: candidate = .ppt
        case 482: candidate = .idp
        case 488: candidate = .keys
        case 499: candidate = .k
        case 504: candidate = .p2c
        case 508: candidate = .amr
        default: return nil
        }
        return candidate.rawValue == key ? candidate : nil
    }
}
