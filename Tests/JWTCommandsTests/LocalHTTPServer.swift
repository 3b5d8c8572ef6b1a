import Foundation

/// A Python `http.server` on 127.0.0.1 (ephemeral port) serving fixed routes, for JWKS and discovery tests.
/// Bodies may contain `{BASE}`, replaced by `http://127.0.0.1:PORT`. Each request path is recorded.
/// `wbufsize = -1` avoids the Nagle + delayed-ACK stall (notes/swift-stack.md §4).
final class LocalHTTPServer: @unchecked Sendable {
    struct Route: Codable {
        var status: Int = 200
        var body: String = ""
        var location: String?
    }

    let process = Process()
    let port: Int
    private let logPath: String
    private let dir: TempDir

    var base: String { "http://127.0.0.1:\(port)" }

    static let script = #"""
    import json, sys, http.server, socketserver
    routes = json.load(open(sys.argv[1]))
    log = open(sys.argv[2], "a")
    class H(http.server.BaseHTTPRequestHandler):
        wbufsize = -1
        protocol_version = "HTTP/1.1"
        def do_GET(self):
            log.write(self.path + "\n"); log.flush()
            r = routes.get(self.path)
            base = "http://127.0.0.1:%d" % self.server.server_address[1]
            if r is None:
                r = {"status": 404, "body": "not found"}
            body = r.get("body", "").replace("{BASE}", base).encode()
            self.send_response(r.get("status", 200))
            if r.get("location"):
                self.send_header("Location", r["location"].replace("{BASE}", base))
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)
            self.wfile.flush()
        def log_message(self, *a): pass
    s = http.server.ThreadingHTTPServer(("127.0.0.1", 0), H)
    print(s.server_address[1], flush=True)
    s.serve_forever()
    """#

    init(routes: [String: Route]) throws {
        dir = try TempDir()
        let routesPath = try dir.write("routes.json", String(decoding: try JSONEncoder().encode(routes), as: UTF8.self))
        logPath = try dir.write("requests.log", "")
        let scriptPath = try dir.write("server.py", Self.script)
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", scriptPath, routesPath, logPath]
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = FileHandle.nullDevice
        try process.run()
        var line = Data()
        let handle = pipe.fileHandleForReading
        while !line.contains(0x0A) {
            let chunk = handle.availableData
            if chunk.isEmpty { break }
            line.append(chunk)
        }
        guard let port = Int(String(decoding: line, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)) else {
            process.terminate()
            throw CocoaError(.fileReadUnknown)
        }
        self.port = port
    }

    /// Request paths in order.
    var requests: [String] {
        ((try? String(contentsOfFile: logPath, encoding: .utf8)) ?? "").split(separator: "\n").map(String.init)
    }

    func stop() {
        // SIGKILL: the child inherits a signal mask from a dispatch thread in which SIGTERM may be blocked.
        if process.isRunning {
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
        }
    }

    deinit { stop() }
}

/// A listening TCP socket on 127.0.0.1 that never answers: used to prove that no connection is made.
final class ListeningSocket {
    let fd: Int32
    let port: Int

    init() throws {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        self.fd = fd
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = 0
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafePointer(to: &address) { $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, length) } }
        guard bound == 0, listen(fd, 16) == 0 else { throw CocoaError(.fileWriteUnknown) }
        _ = withUnsafeMutablePointer(to: &address) { $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(fd, $0, &length) } }
        let port = Int(UInt16(bigEndian: address.sin_port))
        self.port = port
        _ = fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) | O_NONBLOCK)
    }

    /// Connections accepted so far (each is closed at once).
    func acceptedConnections() -> Int {
        var count = 0
        while true {
            let client = accept(fd, nil, nil)
            if client < 0 { return count }
            close(client)
            count += 1
        }
    }

    deinit { close(fd) }
}
