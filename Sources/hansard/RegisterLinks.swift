import ArgumentParser
import HansardRegister

extension Hansard {
    struct RegisterLinks: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "links",
            abstract: "List candidate follow-up links waiting to be confirmed or rejected.",
            discussion: """
                Each link joins a commitment to a speech in a later debate, with the evidence and a score.

                Examples:
                  hansard register links
                  hansard register links | head -20
                """
        )

        @OptionGroup var location: RegisterLocation

        func run() throws {
            try reportingRegisterErrors {
                let links = try location.open(readOnly: true).pendingLinks()
                if links.isEmpty { Terminal.write("No candidate follow-up links.\n") }
                for link in links {
                    Terminal.write(
                        "\(link.id)  score \(String(format: "%.2f", link.score))  \(link.commitmentId) → \(link.debateId) turn \(link.turn)"
                            + (link.suggestsFulfilment ? "  (says it was done)" : "") + "\n"
                            + "    \"\(link.quote.split(whereSeparator: \.isWhitespace).joined(separator: " "))\"\n"
                            + "    why: \(link.evidence)\n")
                }
            }
        }
    }

    struct RegisterConfirm: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "confirm",
            abstract: "Confirm a follow-up link; a link that says the thing was done resolves the commitment.",
            discussion: """
                Examples:
                  hansard register confirm L-7cb5f357b6
                  hansard register confirm L-7cb5f357b6 --status partly-fulfilled
                """
        )

        @OptionGroup var location: RegisterLocation

        @Argument(help: ArgumentHelp("The link's id, as `hansard register links` lists it.", valueName: "link"))
        var link: String

        @Option(help: "Resolve the commitment with this status (default: fulfilled when the speech says it was done).")
        var status: ResolutionStatus?

        func run() throws {
            try reportingRegisterErrors {
                let (confirmed, event) = try location.open().confirm(link, status: status?.status)
                var line = "\(confirmed.id): confirmed"
                if let event { line += "; \(confirmed.commitmentId) \(event.status.rawValue) as of \(event.effectiveDate)" }
                Terminal.write(line + "\n")
            }
        }
    }

    struct RegisterReject: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "reject",
            abstract: "Reject a follow-up link; it is kept as rejected and not proposed again.",
            discussion: """
                Examples:
                  hansard register reject L-7cb5f357b6
                """
        )

        @OptionGroup var location: RegisterLocation

        @Argument(help: ArgumentHelp("The link's id.", valueName: "link"))
        var link: String

        func run() throws {
            try reportingRegisterErrors {
                let rejected = try location.open().reject(link)
                Terminal.write("\(rejected.id): rejected\n")
            }
        }
    }
}

import Foundation
