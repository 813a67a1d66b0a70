/// What stops `hansard serve` from starting.
///
/// Failures while it runs are not thrown out of the server: each becomes an error page with its HTTP status.
public enum ServeError: Error, Sendable, Equatable, CustomStringConvertible {
    /// A bind address other than the loopback one, without a token: anyone who can reach the address could
    /// read and change the register.
    case tokenRequired(host: String)
    /// A token too short to resist guessing, or with characters a cookie cannot carry.
    case unusableToken(reason: String)
    /// The address could not be listened on (in use, not an address of this machine, a port below 1024).
    case cannotListen(host: String, port: Int, reason: String)

    /// The one line `hansard serve` prints: the address or token, and what to do.
    public var description: String {
        switch self {
        case .tokenRequired(let host):
            return
                "serve: --host \(host) is reachable from other machines; give --token (or $HANSARD_SERVE_TOKEN) so that "
                + "every request must carry it, or leave --host out to serve on 127.0.0.1 only"
        case .unusableToken(let reason):
            return "serve: the token \(reason); use 16 characters or more of letters, digits and -._~ (for example "
                + "`openssl rand -hex 16`)"
        case .cannotListen(let host, let port, let reason):
            return "serve: cannot listen on \(host) port \(port): \(reason)"
        }
    }
}
