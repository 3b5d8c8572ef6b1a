#ifndef JWT_COPENSSL_SHIM_H
#define JWT_COPENSSL_SHIM_H
/* Only the OpenSSL 3.0 API: 1.1-era calls must not compile (see README design notes). */
#define OPENSSL_API_COMPAT 30000
#define OPENSSL_NO_DEPRECATED 1
#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/bio.h>
#include <openssl/bn.h>
#include <openssl/ec.h>
#include <openssl/rsa.h>
#include <openssl/hmac.h>
#include <openssl/err.h>
#include <openssl/core_names.h>
#include <openssl/param_build.h>
#include <openssl/crypto.h>
#include <openssl/x509.h>
#include <openssl/obj_mac.h>
#include <openssl/rand.h>

/* String macros import into Swift as temporary Strings; OSSL_PARAM keeps the pointer, so export stable ones. */
static inline const char *shim_param_rsa_n(void) { return OSSL_PKEY_PARAM_RSA_N; }
static inline const char *shim_param_rsa_e(void) { return OSSL_PKEY_PARAM_RSA_E; }
static inline const char *shim_param_rsa_d(void) { return OSSL_PKEY_PARAM_RSA_D; }
static inline const char *shim_param_rsa_factor1(void) { return OSSL_PKEY_PARAM_RSA_FACTOR1; }
static inline const char *shim_param_rsa_factor2(void) { return OSSL_PKEY_PARAM_RSA_FACTOR2; }
static inline const char *shim_param_rsa_exponent1(void) { return OSSL_PKEY_PARAM_RSA_EXPONENT1; }
static inline const char *shim_param_rsa_exponent2(void) { return OSSL_PKEY_PARAM_RSA_EXPONENT2; }
static inline const char *shim_param_rsa_coefficient1(void) { return OSSL_PKEY_PARAM_RSA_COEFFICIENT1; }
static inline const char *shim_param_group_name(void) { return OSSL_PKEY_PARAM_GROUP_NAME; }
static inline const char *shim_param_pub_key(void) { return OSSL_PKEY_PARAM_PUB_KEY; }
static inline const char *shim_param_priv_key(void) { return OSSL_PKEY_PARAM_PRIV_KEY; }
static inline const char *shim_param_ec_pub_x(void) { return OSSL_PKEY_PARAM_EC_PUB_X; }
static inline const char *shim_param_ec_pub_y(void) { return OSSL_PKEY_PARAM_EC_PUB_Y; }
static inline const char *shim_param_digest(void) { return OSSL_MAC_PARAM_DIGEST; }

static inline const char *shim_param_ec_pub_key(void) { return OSSL_PKEY_PARAM_PUB_KEY; }
static inline const char *shim_param_mac_digest(void) { return OSSL_MAC_PARAM_DIGEST; }

/* Pinned names for EVP fetches and key generation (stable C strings). */
static inline const char *shim_name_hmac(void) { return "HMAC"; }

/* BIO_get_mem_data is a macro: expose it as a function. */
static inline long shim_BIO_get_mem_data(BIO *bio, char **out) { return BIO_get_mem_data(bio, out); }

/* A PEM password callback that never prompts: encrypted keys fail instead of reading the terminal. */
static inline int shim_no_password(char *buf, int size, int rwflag, void *u) {
    (void)buf; (void)size; (void)rwflag; (void)u;
    return -1;
}
static inline EVP_PKEY *shim_PEM_read_bio_PrivateKey(BIO *bio) {
    return PEM_read_bio_PrivateKey(bio, NULL, shim_no_password, NULL);
}
static inline EVP_PKEY *shim_PEM_read_bio_PUBKEY(BIO *bio) {
    return PEM_read_bio_PUBKEY(bio, NULL, shim_no_password, NULL);
}
static inline X509 *shim_PEM_read_bio_X509(BIO *bio) {
    return PEM_read_bio_X509(bio, NULL, shim_no_password, NULL);
}
static inline int shim_PEM_write_bio_PKCS8PrivateKey(BIO *bio, EVP_PKEY *pkey) {
    return PEM_write_bio_PKCS8PrivateKey(bio, pkey, NULL, NULL, 0, NULL, NULL);
}
/* RSA PUBLIC KEY (PKCS#1 RSAPublicKey, RFC 8017 A.1.1) from DER. */
static inline EVP_PKEY *shim_d2i_RSAPublicKey(const unsigned char *der, long length) {
    const unsigned char *cursor = der;
    return d2i_PublicKey(EVP_PKEY_RSA, NULL, &cursor, length);
}

/* HMAC key setup with the digest named in C (OSSL_PARAM keeps the name pointer only during this call). */
static inline int shim_hmac_init(EVP_MAC_CTX *ctx, const unsigned char *key, size_t keylen, int hashBytes) {
    const char *name = hashBytes == 48 ? "SHA384" : hashBytes == 64 ? "SHA512" : "SHA256";
    OSSL_PARAM params[2];
    params[0] = OSSL_PARAM_construct_utf8_string(OSSL_MAC_PARAM_DIGEST, (char *)name, 0);
    params[1] = OSSL_PARAM_construct_end();
    return EVP_MAC_init(ctx, key, keylen, params);
}

static const int shim_EVP_PKEY_PUBLIC_KEY = EVP_PKEY_PUBLIC_KEY;
static const int shim_EVP_PKEY_KEYPAIR = EVP_PKEY_KEYPAIR;

#endif
