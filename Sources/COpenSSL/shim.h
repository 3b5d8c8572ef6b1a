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

static const int shim_EVP_PKEY_PUBLIC_KEY = EVP_PKEY_PUBLIC_KEY;
static const int shim_EVP_PKEY_KEYPAIR = EVP_PKEY_KEYPAIR;

#endif
