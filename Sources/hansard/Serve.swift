import ArgumentParser
import Foundation
import HansardRegister
import HansardReports
import HansardServe

extension Hansard {
    struct Serve: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Serve the register as a local web app: the report's pages live, search, and forms to record.",
            discussion: """
                The index, debate and commitment pages of `hansard report`, rendered from the register as \
                they are asked for, a search page (words, status, department, minister), and on each \
                commitment's page forms to resolve, reopen, correct, dismiss or note it and to confirm or \
                reject its follow-up links: each form records the same events as the `hansard register` \
                command of the same name, signed by the name given in the form, else --by, $HANSARD_USER or \
                the login name (a PostgreSQL register: the database role). The URL is printed when the \
                server listens; Ctrl-C stops it.

                It listens on 127.0.0.1 only unless --host says otherwise, and then refuses to start without \
                --token (or $HANSARD_SERVE_TOKEN): every request must then carry the token, as the header \
                Authorization: Bearer TOKEN or the cookie set by opening any page once as /?token=TOKEN. Forms \
                carry a token made afresh for each run of the server, and a change whose Origin is not the \
                server is refused. Plain HTTP: put it behind a TLS proxy before it crosses a network you do \
                not trust.

                Examples:
                  hansard serve
                  hansard serve --register postgres://clerk@db.example/hansard --port 0
                  HANSARD_SERVE_TOKEN=$(openssl rand -hex 16) hansard serve --host 0.0.0.0 --by "J. Clerk"
                """
        )

        @OptionGroup var location: RegisterLocation

        @Option(
            help: ArgumentHelp(
                "The address to listen on (default: 127.0.0.1, this machine only).", valueName: "address"))
        var host = "127.0.0.1"

        @Option(help: ArgumentHelp("The port; 0 picks a free one (the URL printed says which).", valueName: "port"))
        var port = 8377

        @Option(
            help: ArgumentHelp(
                "A secret of 16 characters or more every request must carry (default: $HANSARD_SERVE_TOKEN); "
                    + "required with any --host but a loopback address.", valueName: "token"))
        var token: String?

        @Option(
            help: ArgumentHelp(
                "The most commitments the index lists itself; a larger register's index gives each department's "
                    + "figures, each leading to the search for its commitments.", valueName: "count"))
        var listLimit = HTMLReport.defaultListLimit

        @OptionGroup var pages: SourcesOption

        @OptionGroup var actor: ActorOption

        func validate() throws {
            guard (0...65535).contains(port) else {
                throw ValidationError("--port \(port) is not a port; give 1-65535, or 0 for any free one.")
            }
            guard listLimit >= 1 else {
                throw ValidationError("--list-limit \(listLimit) lists nothing; give 1 or more.")
            }
        }

        func run() async throws {
            let environment = ProcessInfo.processInfo.environment
            let token = self.token ?? environment["HANSARD_SERVE_TOKEN"].flatMap { $0.isEmpty ? nil : $0 }
            let server = try HansardServer(
                ServeConfiguration(
                    register: location.resolvedPath, host: host, port: port, token: token, actor: actor.name,
                    sources: pages.sources, listLimit: listLimit))
            // Refuse at once a register that cannot be read, rather than on the first page.
            _ = try location.open(readOnly: true)
            try await server.run { url in Terminal.write(url + "\n") }
        }
    }
}
