/// The embedded default suite: `jwt conform` with no SUITE runs it against the in-process mock (`--mock` implied),
/// so a fresh clone's first command needs no file and no server. Kept byte-identical to `conformance/mock.yaml`
/// (a test compares them).
enum DefaultSuite {
    /// The name reports are written under: `reports/mock.junit.xml`, `reports/mock.md`.
    static let name = "mock"

    static let yaml = """
# yaml-language-server: $schema=./suite.schema.json
# Every endpoint style against `jwt mock` (demo configuration), all expected to pass. The mock answers as the seeds
# show (seed 001 `token_type: "bearer"` and a `scope` array in its tokens, seed 002 `expires_in: "3599"`): those
# are protocol hygiene and only warn (conformance/README.md, "Checks"); `--strict` fails them.
#
#   jwt conform --mock conformance/mock.yaml
#
# `--mock` starts the mock in-process on a free port and sets ${MOCK_URL} and the demo clients' secrets
# (${MOCK_SECRET_DEMO_JSON}, …) for this run only; nothing else needs to run. Secrets are references, never literals.
name: mock
defaults:
  timeout: 10          # seconds for all of one endpoint's requests
  request_timeout: 5   # seconds for one request
  leeway: 60           # clock skew tolerated on exp/nbf/iat and the clock checks
  concurrency: 4

endpoints:
  # Seed 000: JSON body with client_id, client_secret, audience, grant_type.
  - name: json-client-credentials
    style: json-client-credentials
    token_url: ${MOCK_URL}/oauth/token
    client_id: demo-json
    client_secret: {env: MOCK_SECRET_DEMO_JSON}
    audience: https://api.mock.example
    expect:
      issuer: ${MOCK_URL}            # keys found by RFC 8414 discovery from the issuer
      audience: https://api.mock.example
      profile: rfc9068
      algorithms: [ES256]
      lifetime: {min: 60, max: 86400}
      client_id: demo-json
      scopes:
        required: [read]
        allowed: [read, write]
        forbidden: [admin]
    api:
      - {method: GET, url: "${MOCK_URL}/api/resource", status: 200, without_token: true}
    negative:
      wrong_secret: true
      unsupported_grant: true

  # Seed 001: X-SPACE-AUTH-KEY, tenant token, batch of 12 tenants (3 calls of ≤ 5), tenant list paging.
  - name: tenant-token-manager
    style: tenant-token-manager
    token_url: ${MOCK_URL}/api/technicaltokenmanager/v3/oauth/token
    client_id: demo-tenant
    client_secret: {env: MOCK_SECRET_DEMO_TENANT}
    app_name: application_x
    app_version: 1.0.0
    host_tenant: operator_tenant
    user_tenant: operator_tenant
    expect:
      issuer: ${MOCK_URL}
      audience: https://api.mock.example
      typ: JWT                       # seed 001's tokens: typ JWT, scope and aud as JSON arrays (JWT-01 warns: SCOPE-03)
      keys: {jwks_url: "${MOCK_URL}/jwks.json"}
      client_id: demo-tenant
      scopes: {required: [read], allowed: [read, tm.t.r]}
    api:
      - {method: GET, url: "${MOCK_URL}/api/resource", status: 200}
    negative:
      wrong_secret: true
    tenants:
      batch: [tenant-001, tenant-002, tenant-003, tenant-004, tenant-005, tenant-006,
              tenant-007, tenant-008, tenant-009, tenant-010, tenant-011, tenant-012]
      list: true

  # Seed 002: form body with client_id and client_secret; scope required; expires_in sent as a string.
  - name: client-secret-post
    style: client-secret-post
    token_url: ${MOCK_URL}/configapi/v2/oauth/token
    client_id: demo-post
    client_secret: {env: MOCK_SECRET_DEMO_POST}
    scope: read example.com
    expect:
      issuer: ${MOCK_URL}
      audience: https://api.mock.example
      keys: {jwks_url: "${MOCK_URL}/jwks.json"}
      typ: at+jwt
      client_id: demo-post
      scopes: {required: [read, example.com], allowed: [read, example.com]}
    negative:
      wrong_secret: true
      unsupported_grant: true

  # Seed 003 / RFC 6749 §2.3.1: HTTP Basic of the form-encoded id and secret; errors answered 403 as the vendor does.
  - name: client-secret-basic
    style: client-secret-basic
    token_url: ${MOCK_URL}/oauth2/token
    client_id: demo-basic
    client_secret: {env: MOCK_SECRET_DEMO_BASIC}
    scope: read
    expect:
      issuer: ${MOCK_URL}
      audience: https://api.mock.example
      keys: {jwks_url: "${MOCK_URL}/jwks.json"}
      profile: rfc9068
      client_id: demo-basic
      scopes: {required: [read], allowed: [read], forbidden: [write, admin]}
    api:
      - {method: GET, url: "${MOCK_URL}/api/resource", status: 200, without_token: true}
    negative:
      wrong_secret: true
      wrong_secret_status: [403]          # seed 003: "error responses are returned with the HTTP 403 status code"
      unsupported_grant: true
      unsupported_grant_status: [403]

"""
}
