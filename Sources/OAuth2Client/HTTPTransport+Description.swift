/// Requests and responses carry credentials and tokens, so printing them (`print`, `dump`, interpolation, test
/// failure messages) goes through ``Redactor`` too.
extension HTTPTransportRequest: CustomStringConvertible, CustomDebugStringConvertible, CustomReflectable {
    public var description: String {
        ([method + " " + url] + headers.map(Redactor.header) + [Redactor.body(body, contentType: header("Content-Type"))])
            .filter { !$0.isEmpty }.joined(separator: "\n")
    }
    public var debugDescription: String { description }
    public var customMirror: Mirror { Mirror(self, children: ["redacted": description], displayStyle: .struct) }
}

extension HTTPTransportResponse: CustomStringConvertible, CustomDebugStringConvertible, CustomReflectable {
    public var description: String {
        (["\(status)"] + headers.map(Redactor.header) + [Redactor.body(body, contentType: header("Content-Type"))])
            .filter { !$0.isEmpty }.joined(separator: "\n")
    }
    public var debugDescription: String { description }
    public var customMirror: Mirror { Mirror(self, children: ["redacted": description], displayStyle: .struct) }
}
