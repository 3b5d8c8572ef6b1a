import JWTTestSupport
import OAuth2MockServer
import Testing
@testable import OAuth2Client

@Suite("Printing requests and responses redacts them")
struct ExchangeDescriptionTests {
    @Test func requestAndResponseDescriptions() {
        let request = ClientSecretBasicStyle().makeRequest(endpoint: "https://as.example/token", credentials: ClientCredentials(clientID: "id", secret: Secret("p4ss-word")))
        let post = ClientSecretPostStyle().makeRequest(endpoint: "https://as.example/token", credentials: ClientCredentials(clientID: "id", secret: Secret("p4ss-word")))
        let response = HTTPTransportResponse(status: 200, headers: jsonHeaders, body: Array(#"{"access_token":"secret-token-value","token_type":"Bearer"}"#.utf8))
        var dumped = ""
        dump(request, to: &dumped)
        dump(post, to: &dumped)
        dump(response, to: &dumped)
        for text in ["\(request)", String(reflecting: post), "\(response)", dumped] {
            #expect(!text.contains("p4ss-word"))
            #expect(!text.contains(rfc6749BasicCredentials(clientID: "id", secret: Secret("p4ss-word"))))
            #expect(!text.contains("secret-token-value"))
        }
    }
}
