import Foundation
import Testing
@testable import FeedFetcher
import TestSupport
#if canImport(Glibc)
import Glibc
#endif

/// TLS verification is on: a self-signed server is refused, and trusted once its certificate is given as a CA.
/// The server is `openssl s_server` on 127.0.0.1, with a certificate made for the test.
@Suite struct TLSVerificationTests {
    static let openssl = "/usr/bin/openssl"

    @Test(.enabled(if: FileManager.default.isExecutableFile(atPath: openssl), "no openssl command"))
    func selfSignedCertificateIsRefusedUnlessTrusted() async throws {
        let directory = try TestPaths.temporaryDirectory("fetcher-tls")
        defer { try? FileManager.default.removeItem(at: directory) }
        let cert = directory.appendingPathComponent("cert.pem").path
        let key = directory.appendingPathComponent("key.pem").path
        let made = try run(Self.openssl, ["req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1",
                                          "-nodes", "-keyout", key, "-out", cert, "-days", "1", "-subj", "/CN=127.0.0.1",
                                          "-addext", "subjectAltName=IP:127.0.0.1"])
        try #require(made == 0)

        let port = try freePort()
        let server = Process()
        server.executableURL = URL(fileURLWithPath: Self.openssl)
        // Bounded by itself: it exits after the three connections this test makes (probe, refused, trusted).
        server.arguments = ["s_server", "-accept", "127.0.0.1:\(port)", "-cert", cert, "-key", key, "-www", "-quiet",
                            "-naccept", "3"]
        server.standardInput = FileHandle.nullDevice
        server.standardOutput = FileHandle.nullDevice
        server.standardError = FileHandle.nullDevice
        try server.run()
        defer {
            // SIGKILL: children inherit the test runner's blocked signal mask, so SIGTERM may never arrive.
            if server.isRunning { kill(server.processIdentifier, SIGKILL) }
            server.waitUntilExit()
        }
        try #require(await waitForListener(port: port))
        let url = "https://127.0.0.1:\(port)/"

        let refused = await fetchOne(url)
        #expect(refused.error?.kind == .transport)
        #expect(refused.error?.message.lowercased().contains("certificate") == true, "\(String(describing: refused.error))")

        let trusted = await fetchOne(url, configuration: testConfiguration { $0.caBundlePath = cert })
        #expect(trusted.status == 200, "\(String(describing: trusted.error))")
        #expect(trusted.bodyText?.isEmpty == false)
    }

    private func run(_ path: String, _ arguments: [String]) throws -> Int32 {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: path)
        process.arguments = arguments
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        return process.terminationStatus
    }

    /// A port nothing listens on right now (the kernel's pick for a socket we then close).
    private func freePort() throws -> UInt16 {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        defer { close(fd) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = UInt32(0x7f00_0001).bigEndian
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let ok = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                bind(fd, $0, length) == 0 && getsockname(fd, $0, &length) == 0
            }
        }
        guard ok else { throw CocoaError(.fileReadUnknown) }
        return UInt16(bigEndian: address.sin_port)
    }

    private func waitForListener(port: UInt16) async -> Bool {
        for _ in 0..<200 {
            let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
            var address = sockaddr_in()
            address.sin_family = sa_family_t(AF_INET)
            address.sin_port = port.bigEndian
            address.sin_addr.s_addr = UInt32(0x7f00_0001).bigEndian
            let connected = withUnsafePointer(to: &address) {
                $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                    connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) == 0
                }
            }
            close(fd)
            if connected { return true }
            try? await Task.sleep(for: .milliseconds(25))
        }
        return false
    }
}
